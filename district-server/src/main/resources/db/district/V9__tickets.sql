-- Issue 11: fault and wish tickets the stations report (records of kind TICKET of the typed
-- outbox), projected here inside the record's transaction, and their status at the district:
-- NEW -> ACKNOWLEDGED -> RESOLVED, with who (console login) and when (district clock).
CREATE TABLE ticket (
    ticket_id        UUID        PRIMARY KEY,
    district_id      INTEGER     NOT NULL,
    station_id       TEXT        NOT NULL,
    -- a TicketProblem name; unknown names from a newer station are kept
    problem          TEXT        NOT NULL,
    source           TEXT        NOT NULL CHECK (source IN ('STAFF', 'VISITOR', 'TERMINAL')),
    text             TEXT        CHECK (char_length(text) <= 200),
    -- TERMINAL tickets: the failing peripheral role
    device           TEXT,
    -- station clock
    opened_at        TIMESTAMPTZ NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    status           TEXT        NOT NULL DEFAULT 'NEW'
                                 CHECK (status IN ('NEW', 'ACKNOWLEDGED', 'RESOLVED')),
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  TEXT,
    resolved_at      TIMESTAMPTZ,
    resolved_by      TEXT
);
CREATE INDEX ticket_inbox ON ticket (district_id, status, opened_at DESC);
CREATE INDEX ticket_station ON ticket (district_id, station_id, opened_at DESC);
