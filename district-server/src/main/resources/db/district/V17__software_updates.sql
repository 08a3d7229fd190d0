-- Issue 15: signed software updates. A release is one .deb published by
-- `district-server update publish`, served by the console at /updates/VERSION/FILE; its signed
-- manifest goes to the stations as UPDATE downlinks, canary wave first (decision 0217).
CREATE TABLE update_release (
    district_id     INTEGER     NOT NULL,
    version         TEXT        NOT NULL,
    file_name       TEXT        NOT NULL,
    -- absolute path of the published copy on the district server
    file_path       TEXT        NOT NULL,
    sha256          TEXT        NOT NULL,
    size_bytes      BIGINT      NOT NULL,
    url             TEXT        NOT NULL,
    -- JSON of the SignedUpdate (manifest signed with the district's update key)
    signed_manifest TEXT        NOT NULL,
    target          TEXT        NOT NULL CHECK (target IN ('CANARY', 'ALL')),
    -- CANARY: offered to the canary wave only; ROLLING: offered to every station; STOPPED: a canary
    -- failed, the rest never get it; DONE: every offered station finished
    state           TEXT        NOT NULL CHECK (state IN ('CANARY', 'ROLLING', 'STOPPED', 'DONE')),
    stop_reason     TEXT,
    published_at    TIMESTAMPTZ NOT NULL,
    published_by    TEXT        NOT NULL,
    PRIMARY KEY (district_id, version)
);

-- One row per station and release: its wave, when it was offered, and what it last reported.
CREATE TABLE station_update (
    district_id     INTEGER     NOT NULL,
    station_id      TEXT        NOT NULL,
    version         TEXT        NOT NULL,
    wave            TEXT        NOT NULL CHECK (wave IN ('CANARY', 'REST')),
    offered_at      TIMESTAMPTZ,
    -- an UpdateReport state, NULL until the station reports
    state           TEXT,
    detail          TEXT,
    reported_at     TIMESTAMPTZ,
    PRIMARY KEY (district_id, station_id, version),
    FOREIGN KEY (district_id, version) REFERENCES update_release (district_id, version)
);
CREATE INDEX station_update_release ON station_update (district_id, version, wave);
