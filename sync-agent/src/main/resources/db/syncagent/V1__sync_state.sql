-- The sync agent's own tables in the station's visit-log file, with their own Flyway history
-- (sync_schema_history). Terminals from before the visit-log module have these tables from the
-- visit log's former V101 migration: hence IF NOT EXISTS.
-- Sync (issue 3): small durable state of the sync agent.
-- sync_state: key/value, e.g. 'downlink.applied.SETTINGS' -> ISO instant of the last applied command.
CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- day_summary: the station's signed day-close ledger; one row per closed local date (ISO yyyy-mm-dd).
-- payload is the signed ws.ledger/1 JSON exactly as published.
CREATE TABLE IF NOT EXISTS day_summary (date TEXT PRIMARY KEY, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL,
  visit_count INTEGER NOT NULL, previous_hash TEXT NOT NULL, chain_hash TEXT NOT NULL, payload BLOB NOT NULL,
  created_at_ms INTEGER NOT NULL, published_at_ms INTEGER);
-- station_key: the station's own Ed25519 key pair that signs its day summaries (one row).
CREATE TABLE IF NOT EXISTS station_key (id INTEGER PRIMARY KEY CHECK (id = 1), private_pkcs8 BLOB NOT NULL,
  public_x509 BLOB NOT NULL, created_at_ms INTEGER NOT NULL);
