-- Records other than visits (typed outbox, issue 10, decision 0115): tickets, supplies, loans,
-- ratings, each stored once by its uuid (a newer revision replaces body and revision; the same
-- or an older one changes nothing), acked to the station after the commit. Kind-specific tables
-- (e.g. the tickets inbox, V9) are projections written in the same transaction. Like visit, no
-- foreign key to station (the station row is made in the same transaction; tests truncate station).
CREATE TABLE station_record (
    record_uuid  UUID        PRIMARY KEY,
    district_id  INTEGER     NOT NULL,
    station_id   TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind <> 'VISIT'),
    seq          BIGINT      NOT NULL CHECK (seq > 0),
    revision     INTEGER     NOT NULL CHECK (revision > 0),
    recorded_at  TIMESTAMPTZ NOT NULL,
    body         JSONB       NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ
);
CREATE INDEX station_record_by_kind ON station_record (district_id, station_id, kind, seq);
