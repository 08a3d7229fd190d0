-- Issue 11: station settings set by the district (decision 0125). Each version of a station's
-- settings document as the district sent it, without the staff PIN hash (only whether the
-- version reset the PIN). Delivery and the station's answer live on the downlink row of
-- command_id (V6); the neighbour lists are computed from the newest document's hours (or the
-- station's published profile hours) and sent as NEIGHBOURS downlinks.
CREATE TABLE station_settings (
    district_id  INTEGER     NOT NULL,
    station_id   TEXT        NOT NULL,
    version      INTEGER     NOT NULL CHECK (version > 0),
    -- JSON of the StationSettings as sent, staffPin left out
    document     JSONB       NOT NULL,
    pin_reset    BOOLEAN     NOT NULL,
    command_id   UUID        NOT NULL UNIQUE,
    issued_at    TIMESTAMPTZ NOT NULL,
    issued_by    TEXT        NOT NULL,
    PRIMARY KEY (district_id, station_id, version)
);
