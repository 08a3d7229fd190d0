-- Issue 12: loans of rain gear and power banks (records of kind LOAN of the typed outbox,
-- decision 0155), projected here inside the record's transaction. A loan is lent at one station
-- and may be handed back at any station of the district: the return is matched here to its loan
-- (named by the station when it lent it, else the same member and item, oldest open loan first),
-- also when the return arrives before the loan.
CREATE TABLE loan (
    loan_id          UUID        PRIMARY KEY,
    district_id      INTEGER     NOT NULL,
    station_id       TEXT        NOT NULL,
    -- a LoanItem name; unknown names from a newer station are kept
    item             TEXT        NOT NULL,
    -- 16 hex digits from the card; NULL for a guest (counted without identity)
    member_id        TEXT,
    -- station clock
    lent_at          TIMESTAMPTZ NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- the returning station's clock and id; NULL while out
    returned_at      TIMESTAMPTZ,
    returned_station TEXT,
    return_uuid      UUID        UNIQUE
);
CREATE INDEX loan_open_member ON loan (district_id, member_id, item, lent_at) WHERE returned_at IS NULL;
CREATE INDEX loan_station ON loan (district_id, station_id, lent_at DESC);

-- Every RETURNED record; matched_loan NULL while no loan is known for it (it waits for its loan).
CREATE TABLE loan_return (
    return_uuid      UUID        PRIMARY KEY,
    district_id      INTEGER     NOT NULL,
    station_id       TEXT        NOT NULL,
    item             TEXT        NOT NULL,
    member_id        TEXT,
    -- the loan the returning station named (it lent it), or NULL (lent elsewhere)
    named_loan       UUID,
    returned_at      TIMESTAMPTZ NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    matched_loan     UUID,
    -- why a return stays unmatched for good: ALREADY_RETURNED (its loan was returned before)
    refused          TEXT
);
CREATE INDEX loan_return_waiting ON loan_return (district_id, member_id, item, returned_at)
    WHERE matched_loan IS NULL AND refused IS NULL;
CREATE INDEX loan_return_named ON loan_return (named_loan) WHERE matched_loan IS NULL AND refused IS NULL;
