-- Issue 9: what the district must know about its stations (their birth message's profile and the
-- heartbeat's room sensors), and when it last heard from each (for the "quiet" state).

ALTER TABLE station
    ADD COLUMN name                 TEXT,
    ADD COLUMN address              TEXT,
    ADD COLUMN latitude             DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude            DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    ADD COLUMN phone                TEXT,
    -- weekday (MONDAY..SUNDAY) to spans "HH:MM-HH:MM" in zone; {} = not published
    ADD COLUMN opening_hours        JSONB,
    ADD COLUMN services             TEXT[],
    ADD COLUMN zone                 TEXT,
    ADD COLUMN profile_at           TIMESTAMPTZ,
    -- the station's telemetry interval, from its birth message (quiet threshold)
    ADD COLUMN heartbeat_s          INTEGER CHECK (heartbeat_s BETWEEN 1 AND 3600),
    -- district clock: when the station's state (ONLINE/OFFLINE) last changed, e.g. "offline since"
    ADD COLUMN state_since          TIMESTAMPTZ,
    -- district clock: the last status or telemetry message received from the station
    ADD COLUMN last_message_at      TIMESTAMPTZ,
    ADD COLUMN motion_entries_today BIGINT,
    ADD COLUMN motion_entries_hour  BIGINT,
    ADD COLUMN motion_at            TIMESTAMPTZ;

-- last visit per station without scanning the whole visit table
CREATE INDEX visit_station_recorded ON visit (district_id, station_id, recorded_at);
