-- District office store: every visit of every station exactly once (visit_uuid UNIQUE), the
-- stations' status, their day-close summaries and what reconciliation found.

CREATE TABLE station (
    district_id          INTEGER     NOT NULL,
    station_id           TEXT        NOT NULL,
    status               TEXT        NOT NULL DEFAULT 'UNKNOWN'
                                     CHECK (status IN ('UNKNOWN', 'ONLINE', 'OFFLINE')),
    app_version          TEXT,
    status_at            TIMESTAMPTZ,
    last_heartbeat_at    TIMESTAMPTZ,
    queue_depth          BIGINT,
    oldest_unsynced_s    BIGINT,
    disk_free_bytes      BIGINT,
    clock_synced         BOOLEAN,
    temperature_c        DOUBLE PRECISION,
    -- Ed25519 public key (Base64 X.509) that signs the station's day summaries; registered at
    -- enrollment or by `district-server stations register-key`.
    public_key           TEXT,
    -- highest sequence number up to which the district holds every visit of the station
    contiguous_seq       BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (district_id, station_id)
);

CREATE TABLE visit (
    visit_uuid     UUID        NOT NULL UNIQUE,
    district_id    INTEGER     NOT NULL,
    station_id     TEXT        NOT NULL,
    seq            BIGINT      NOT NULL CHECK (seq > 0),
    revision       INTEGER     NOT NULL CHECK (revision > 0),
    recorded_at    TIMESTAMPTZ NOT NULL,
    zone           TEXT        NOT NULL,
    -- the station-local date and hour of recorded_at in zone, for the reports
    local_date     DATE        NOT NULL,
    local_hour     SMALLINT    NOT NULL CHECK (local_hour BETWEEN 0 AND 23),
    member_id      TEXT,
    card_serial    BIGINT      NOT NULL DEFAULT 0,
    category       TEXT        NOT NULL,
    services       TEXT[]      NOT NULL,
    source         TEXT        NOT NULL CHECK (source IN ('CARD', 'GUEST')),
    clock_synced   BOOLEAN     NOT NULL,
    since_boot_ms  BIGINT,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ
);
-- not UNIQUE: a sequence number reused with another UUID is a finding for reconciliation, not a
-- reason to refuse (and so lose) a visit
CREATE INDEX visit_station_seq ON visit (district_id, station_id, seq);
CREATE INDEX visit_local_date ON visit (local_date);

CREATE TABLE day_summary (
    district_id    INTEGER     NOT NULL,
    station_id     TEXT        NOT NULL,
    day            DATE        NOT NULL,
    visit_count    BIGINT      NOT NULL,
    first_seq      BIGINT,
    last_seq       BIGINT,
    chain_hash     TEXT        NOT NULL,
    previous_hash  TEXT,
    signature      TEXT        NOT NULL,
    signature_ok   BOOLEAN     NOT NULL,
    payload        BYTEA       NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    reconciled_at  TIMESTAMPTZ,
    PRIMARY KEY (district_id, station_id, day)
);

CREATE TABLE reconciliation_finding (
    id             BIGSERIAL   PRIMARY KEY,
    district_id    INTEGER     NOT NULL,
    station_id     TEXT        NOT NULL,
    day            DATE        NOT NULL,
    kind           TEXT        NOT NULL
                               CHECK (kind IN ('GAP', 'COUNT_MISMATCH', 'HASH_MISMATCH', 'BAD_SIGNATURE',
                                               'UNKNOWN_STATION_KEY', 'UNEXPECTED_VISITS', 'SEQ_REUSED')),
    first_seq      BIGINT,
    last_seq       BIGINT,
    detail         TEXT        NOT NULL,
    found_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    resend_sent_at TIMESTAMPTZ,
    resolved_at    TIMESTAMPTZ
);
CREATE INDEX finding_open ON reconciliation_finding (district_id, station_id, day) WHERE resolved_at IS NULL;
