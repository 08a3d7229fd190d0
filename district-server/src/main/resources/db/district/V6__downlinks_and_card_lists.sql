-- Issue 11: district -> station delivery, card revocation, versioned deny and trust lists.

-- Every command the district sends a station. Queued by any process (console, command line)
-- with envelope NULL; the running district server signs it with its downlink key, publishes it
-- and re-publishes the newest un-acked command of each kind when the station's birth arrives
-- (decision 0120). The station's DownlinkAck is stored on the row.
CREATE TABLE downlink (
    id            BIGSERIAL   PRIMARY KEY,
    district_id   INTEGER     NOT NULL,
    station_id    TEXT        NOT NULL,
    command_id    UUID        NOT NULL UNIQUE,
    kind          TEXT        NOT NULL,
    -- JSON of the DownlinkCommand (what is signed)
    command       BYTEA       NOT NULL,
    -- JSON of the signed Downlink envelope as published; NULL while queued
    envelope      BYTEA,
    -- the version of the deny or trust list the command carries, else NULL
    list_version  BIGINT,
    issued_at     TIMESTAMPTZ NOT NULL,
    queued_by     TEXT,
    first_sent_at TIMESTAMPTZ,
    last_sent_at  TIMESTAMPTZ,
    send_count    INTEGER     NOT NULL DEFAULT 0,
    acked_at      TIMESTAMPTZ,
    outcome       TEXT        CHECK (outcome IN ('APPLIED', 'REFUSED', 'FAILED')),
    message       TEXT
);
CREATE INDEX downlink_station_kind ON downlink (district_id, station_id, kind, issued_at DESC, id DESC);
CREATE INDEX downlink_queued ON downlink (district_id, id) WHERE envelope IS NULL;

-- Cards the district knows to exist beyond those seen in visits (imported from the issuing
-- office's register); a serial in neither is refused by `card revoke` (decision 0122).
CREATE TABLE card_register (
    district_id   INTEGER     NOT NULL,
    card_serial   BIGINT      NOT NULL CHECK (card_serial > 0),
    imported_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (district_id, card_serial)
);

CREATE TABLE card_revocation (
    district_id   INTEGER     NOT NULL,
    card_serial   BIGINT      NOT NULL CHECK (card_serial > 0),
    reason        TEXT        NOT NULL CHECK (reason IN ('LOST', 'STOLEN', 'LEFT_UNION')),
    revoked_at    TIMESTAMPTZ NOT NULL,
    revoked_by    TEXT        NOT NULL,
    -- the deny-list version that first carried it
    list_version  BIGINT      NOT NULL,
    PRIMARY KEY (district_id, card_serial)
);

-- Each issued version of a district's deny list ('DENY') and trust list ('TRUST'), text form.
CREATE TABLE card_list (
    district_id   INTEGER     NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('DENY', 'TRUST')),
    version       BIGINT      NOT NULL CHECK (version > 0),
    issued_at     TIMESTAMPTZ NOT NULL,
    body          TEXT        NOT NULL,
    PRIMARY KEY (district_id, kind, version)
);

-- What each station reports it holds (status, heartbeat) or acked last.
ALTER TABLE station
    ADD COLUMN deny_list_version      BIGINT,
    ADD COLUMN deny_list_received_at  TIMESTAMPTZ,
    ADD COLUMN trust_list_version     BIGINT,
    ADD COLUMN trust_list_received_at TIMESTAMPTZ;
