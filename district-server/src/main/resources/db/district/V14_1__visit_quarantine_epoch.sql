-- Decision 0193 with epochs (decision 0195): a quarantined visit keeps the visit-log epoch of its
-- batch (the nil UUID for a log without one, as visit.epoch), so day-close reconciliation can count
-- it as held by the district instead of reporting its seq as a gap and asking for it forever.
ALTER TABLE visit_quarantine ADD COLUMN epoch UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
