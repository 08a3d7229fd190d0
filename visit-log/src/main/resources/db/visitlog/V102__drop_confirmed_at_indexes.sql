-- Decision 0275: the partial indexes on confirmed_at_ms served only the daily retention purge,
-- which now scans instead (a few hundred thousand narrow rows at most, once a day), while every
-- confirmation paid for an index insert (about 0.4 µs of the drain's 2.8 µs per confirmed row,
-- and one more B-tree page written to the SD card). Numbered above V100 (which created
-- outbox_confirmed_at) so that a new log, migrated in version order, drops it after creating it;
-- V101 is skipped: terminals from before the visit-log module hold a V101 of their own.
DROP INDEX IF EXISTS outbox_confirmed_at;
DROP INDEX IF EXISTS record_confirmed_at;
