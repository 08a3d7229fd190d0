-- Issue 12 (decision 0150): the station's winter supplies and satisfaction ratings. Each change
-- goes to the district as a SUPPLY or RATING record of the typed outbox, written in the SAME
-- transaction as the rows here (so stock, movements and records never disagree).
-- supply_stock: the stock held per item code (an item of the station's supply settings);
-- supply_movement: every delivery, count correction and handout, kept as the limit's memory:
--   quantity is the change (DELIVERY, HANDOUT: >= 1 added / taken; CORRECTION: counted minus held),
--   visit_id and member_id (16 hex digits, NULL for a guest, as in visit) only for a HANDOUT;
-- rating: at most one per visit, record_id the RATING record it travels in (revised on a change);
--   answer: RatingAnswer name; reasons: comma-separated RatingReason names ('' for none).
-- all *_ms: epoch milliseconds UTC, station clock.
CREATE TABLE supply_stock (item TEXT PRIMARY KEY, stock INTEGER NOT NULL CHECK (stock >= 0),
  updated_at_ms INTEGER NOT NULL);
CREATE TABLE supply_movement (id TEXT PRIMARY KEY, at_ms INTEGER NOT NULL,
  movement TEXT NOT NULL CHECK (movement IN ('DELIVERY','CORRECTION','HANDOUT')), item TEXT NOT NULL,
  quantity INTEGER NOT NULL, stock_after INTEGER NOT NULL CHECK (stock_after >= 0), visit_id TEXT,
  member_id TEXT, CHECK ((movement = 'HANDOUT') = (visit_id IS NOT NULL)));
CREATE INDEX supply_handout_member ON supply_movement(member_id, item, at_ms) WHERE movement = 'HANDOUT';
CREATE INDEX supply_movement_at ON supply_movement(at_ms);
CREATE TABLE rating (visit_id TEXT PRIMARY KEY, record_id TEXT NOT NULL UNIQUE,
  answer TEXT NOT NULL CHECK (answer IN ('SATISFIED','NEUTRAL','DISSATISFIED')), reasons TEXT NOT NULL DEFAULT '',
  rated_at_ms INTEGER NOT NULL);
