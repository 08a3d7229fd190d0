-- Sync (issue 3): small durable state of the sync agent.
-- sync_state: key/value, e.g. 'downlink.applied.SETTINGS' -> ISO instant of the last applied command.
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- day_summary: the station's signed day-close ledger; one row per closed local date (ISO yyyy-mm-dd).
-- payload is the signed ws.ledger/1 JSON exactly as published.
CREATE TABLE day_summary (date TEXT PRIMARY KEY, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL,
  visit_count INTEGER NOT NULL, previous_hash TEXT NOT NULL, chain_hash TEXT NOT NULL, payload BLOB NOT NULL,
  created_at_ms INTEGER NOT NULL, published_at_ms INTEGER);
-- station_key: the station's own Ed25519 key pair that signs its day summaries (one row).
CREATE TABLE station_key (id INTEGER PRIMARY KEY CHECK (id = 1), private_pkcs8 BLOB NOT NULL,
  public_x509 BLOB NOT NULL, created_at_ms INTEGER NOT NULL);
