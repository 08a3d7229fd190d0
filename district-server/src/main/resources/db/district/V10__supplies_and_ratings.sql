-- Issue 12 (decision 0150): the stations' winter supplies and satisfaction ratings, projected from
-- the SUPPLY and RATING records of the typed outbox (station_record, V8) inside the transaction
-- that stored each record. No foreign key to station (as visit and station_record).
-- supply_movement: every delivery, count correction and handout (quantity: DELIVERY/HANDOUT units
--   added/taken, CORRECTION counted minus held); a handout names its visit (the member is found
--   through visit, only for the k-suppression) and the visitor's worker category.
CREATE TABLE supply_movement (
    movement_uuid  UUID        PRIMARY KEY,
    district_id    INTEGER     NOT NULL,
    station_id     TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    movement       TEXT        NOT NULL CHECK (movement IN ('DELIVERY', 'CORRECTION', 'HANDOUT')),
    item           TEXT        NOT NULL,
    quantity       INTEGER     NOT NULL,
    stock_after    INTEGER     NOT NULL CHECK (stock_after >= 0),
    low_at         INTEGER     NOT NULL CHECK (low_at >= 0),
    visit_uuid     UUID,
    category       TEXT,
    guest          BOOLEAN     NOT NULL DEFAULT false,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX supply_handout_month ON supply_movement (district_id, at) WHERE movement = 'HANDOUT';
-- supply_stock: each station's latest stock per item and its threshold, from its newest movement
--   (record_seq: the SUPPLY record's seq, which orders a station's movements)
CREATE TABLE supply_stock (
    district_id    INTEGER     NOT NULL,
    station_id     TEXT        NOT NULL,
    item           TEXT        NOT NULL,
    stock          INTEGER     NOT NULL CHECK (stock >= 0),
    low_at         INTEGER     NOT NULL CHECK (low_at >= 0),
    at             TIMESTAMPTZ NOT NULL,
    movement_uuid  UUID        NOT NULL,
    record_seq     BIGINT      NOT NULL,
    PRIMARY KEY (district_id, station_id, item)
);
-- rating: at most one per visit (a changed rating is a newer revision of the same record);
-- reasons: RatingReason names, comma-separated ('' for none)
CREATE TABLE rating (
    visit_uuid     UUID        PRIMARY KEY,
    record_uuid    UUID        NOT NULL,
    revision       INTEGER     NOT NULL CHECK (revision > 0),
    district_id    INTEGER     NOT NULL,
    station_id     TEXT        NOT NULL,
    rated_at       TIMESTAMPTZ NOT NULL,
    answer         TEXT        NOT NULL CHECK (answer IN ('SATISFIED', 'NEUTRAL', 'DISSATISFIED')),
    reasons        TEXT        NOT NULL DEFAULT '',
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX rating_month ON rating (district_id, rated_at);
