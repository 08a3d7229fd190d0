-- Records other than visits (typed outbox, issue 10, decision 0115): tickets, supplies, loans,
-- ratings. One row per record, holding the record at its current revision AND its outbox state
-- (the same life cycle as the visits' outbox rows: CREATED when recorded or revised, PUBLISHED
-- when sent, CONFIRMED when the district acknowledged that revision; attempts counted).
-- kind: RecordKind name (never VISIT); seq: 1, 2, 3 ... per kind without gaps;
-- body: the kind's body as compact JSON (an object), validated by its body type when written;
-- recorded_at_ms: first recording, kept by revisions; all *_ms times: epoch milliseconds UTC.
CREATE TABLE record (id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind <> 'VISIT'),
  seq INTEGER NOT NULL CHECK (seq >= 1), revision INTEGER NOT NULL CHECK (revision >= 1),
  recorded_at_ms INTEGER NOT NULL, body TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('CREATED','PUBLISHED','CONFIRMED')), created_at_ms INTEGER NOT NULL,
  published_at_ms INTEGER, confirmed_at_ms INTEGER, attempts INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kind, seq));
CREATE INDEX record_pending ON record(kind, seq) WHERE state IN ('CREATED', 'PUBLISHED');
CREATE INDEX record_confirmed_at ON record(kind, confirmed_at_ms) WHERE state = 'CONFIRMED';
