-- Time without a battery clock (issue 5).
-- boot_id: Linux's /proc/sys/kernel/random/boot_id of the boot the visit was recorded in (its
--   since_boot_ms counts from that boot); NULL for visits recorded before this migration.
-- clock_corrected: 1 when the visit was recorded with an unsynced clock (clock_synced was 0) and
--   recorded_at_ms was later corrected from since_boot_ms and a synced clock reading of the same
--   boot; clock_synced is then 1. Unsynced visits never corrected keep clock_synced = 0.
-- raw_recorded_at_ms: the unsynced wall-clock reading at check-in, kept for audit when corrected;
--   NULL otherwise.
ALTER TABLE visit ADD COLUMN boot_id TEXT;
ALTER TABLE visit ADD COLUMN clock_corrected INTEGER NOT NULL DEFAULT 0 CHECK (clock_corrected IN (0, 1));
ALTER TABLE visit ADD COLUMN raw_recorded_at_ms INTEGER;
CREATE INDEX visit_unsynced ON visit(boot_id) WHERE clock_synced = 0;
