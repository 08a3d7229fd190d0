-- Visit-log epochs (issue 13 item 5, decision 0195). A station's visit log has an epoch, a random
-- UUID made when the log is created; a wiped or damaged terminal starts a fresh log at seq 1 under a
-- new epoch. Visits, day summaries and findings are keyed by (station, epoch, seq); everything
-- from before epochs (and from older terminals, which send none) is the nil epoch.

ALTER TABLE visit ADD COLUMN epoch UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
DROP INDEX visit_station_seq;
-- not UNIQUE, as before: a seq reused with another UUID within one epoch is a finding (SEQ_REUSED)
CREATE INDEX visit_station_seq ON visit (district_id, station_id, epoch, seq);

-- the station's current epoch (its newest log): station.contiguous_seq is that epoch's
ALTER TABLE station ADD COLUMN epoch UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';

CREATE TABLE station_epoch (
    district_id     INTEGER     NOT NULL,
    station_id      TEXT        NOT NULL,
    epoch           UUID        NOT NULL,
    -- highest n such that the district holds seqs 1..n of this epoch
    contiguous_seq  BIGINT      NOT NULL DEFAULT 0,
    -- the key that signs this epoch's day summaries: registered by the station's enrollment, or
    -- (for an epoch from before) the key pinned for the station when a newer epoch was registered;
    -- null: the station's pinned key (station.public_key) applies
    public_key      TEXT,
    first_seen_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    registered_at   TIMESTAMPTZ,
    PRIMARY KEY (district_id, station_id, epoch),
    FOREIGN KEY (district_id, station_id) REFERENCES station (district_id, station_id)
);
INSERT INTO station_epoch (district_id, station_id, epoch, contiguous_seq)
SELECT district_id, station_id, epoch, contiguous_seq FROM station;

ALTER TABLE day_summary ADD COLUMN epoch UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
ALTER TABLE day_summary DROP CONSTRAINT day_summary_pkey;
ALTER TABLE day_summary ADD PRIMARY KEY (district_id, station_id, epoch, day);

ALTER TABLE reconciliation_finding ADD COLUMN epoch UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
