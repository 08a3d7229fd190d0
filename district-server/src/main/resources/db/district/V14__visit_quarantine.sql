-- Issue 13 item 4, decision 0193: a visit the district cannot store (the database refuses its
-- values, or it does not pass validation inside an otherwise valid batch) is kept here, with the
-- reason, instead of failing its whole batch forever; the rest of the batch is stored and the
-- station's ack names the quarantined visit too, so the station stops resending it. The operator
-- sees these rows with `district-server quarantine` and in the server log.
CREATE TABLE visit_quarantine (
    id              BIGSERIAL   PRIMARY KEY,
    district_id     INTEGER     NOT NULL,
    station_id      TEXT        NOT NULL,
    -- null when the visit's own uuid is unreadable
    visit_uuid      UUID,
    seq             BIGINT,
    batch_id        UUID        NOT NULL,
    reason          TEXT        NOT NULL,
    -- the visit as received (JSON text)
    payload         TEXT        NOT NULL,
    quarantined_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- a resent visit is quarantined once
CREATE UNIQUE INDEX visit_quarantine_uuid ON visit_quarantine (district_id, station_id, visit_uuid)
    WHERE visit_uuid IS NOT NULL;
