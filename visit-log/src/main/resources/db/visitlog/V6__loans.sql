-- Issue 12: loans of rain gear and power banks (decision 0155).
-- loan: what this station lent; out while returned_at_ms is NULL. returned_elsewhere names the
-- station where it was handed back when the district's LOANS downlink said so (NULL: here or out).
-- member_id: 16 hex digits from the card, NULL for a guest (counted without identity).
-- loan_return: returns accepted here of loans lent at another station (matched at the district).
-- Each row is written in the same transaction as its LOAN record of the typed outbox (V3 'record').
-- *_ms: epoch milliseconds UTC, station clock (returned_at_ms of a return elsewhere: that station's).
CREATE TABLE loan (id TEXT PRIMARY KEY, item TEXT NOT NULL, member_id TEXT, lent_at_ms INTEGER NOT NULL,
  returned_at_ms INTEGER, returned_elsewhere TEXT);
CREATE INDEX loan_out ON loan(returned_at_ms, lent_at_ms);
CREATE INDEX loan_member ON loan(member_id, item);
CREATE TABLE loan_return (id TEXT PRIMARY KEY, item TEXT NOT NULL, member_id TEXT NOT NULL,
  returned_at_ms INTEGER NOT NULL);
