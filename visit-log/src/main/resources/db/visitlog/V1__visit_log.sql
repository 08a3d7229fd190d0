-- The station's visit log (one SQLite file, visits.db) and its outbox for the MQTT sync.
-- member_id: 16 lowercase hex digits, NULL for guests; category: WorkerCategory name;
-- services: comma-separated Service names in enum order ('' for none);
-- all *_ms times: epoch milliseconds UTC; since_boot_ms: monotonic milliseconds since boot.
-- seq is 1, 2, 3 ... without gaps; every visit has exactly one outbox row with the same seq.
-- An outbox row is CREATED when its visit (revision) is new or changed, PUBLISHED when sent,
-- CONFIRMED when the district acknowledged that revision.

CREATE TABLE visit (id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, station_id TEXT NOT NULL,
  recorded_at_ms INTEGER NOT NULL, zone TEXT NOT NULL, member_id TEXT, card_serial INTEGER NOT NULL
  DEFAULT 0, category TEXT NOT NULL, services TEXT NOT NULL DEFAULT '', source TEXT NOT NULL CHECK
  (source IN ('CARD','GUEST')), clock_synced INTEGER NOT NULL, since_boot_ms INTEGER NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1);
CREATE INDEX visit_member ON visit(member_id, recorded_at_ms);
CREATE INDEX visit_time ON visit(recorded_at_ms);
CREATE TABLE outbox (seq INTEGER PRIMARY KEY REFERENCES visit(seq), state TEXT NOT NULL CHECK
  (state IN ('CREATED','PUBLISHED','CONFIRMED')), revision INTEGER NOT NULL, created_at_ms INTEGER
  NOT NULL, published_at_ms INTEGER, confirmed_at_ms INTEGER, attempts INTEGER NOT NULL DEFAULT 0);
