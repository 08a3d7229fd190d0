-- Issue 11: the fault and wish tickets this station opened, and where each stands at the district
-- (taken from the district's TICKETS downlink). Each ticket goes to the district as a TICKET record
-- of the typed outbox, appended in the same transaction as its row here.
-- problem: TicketProblem name; source: TicketSource name; device: failing peripheral role of a
-- TERMINAL ticket; status: TicketStatus name as the district last said (NEW until it says more);
-- *_ms: epoch milliseconds UTC (opened: station clock; status: district clock).
CREATE TABLE ticket (id TEXT PRIMARY KEY, opened_at_ms INTEGER NOT NULL, problem TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('STAFF','VISITOR','TERMINAL')), text TEXT, device TEXT,
  status TEXT NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW','ACKNOWLEDGED','RESOLVED')),
  status_at_ms INTEGER, status_by TEXT);
CREATE INDEX ticket_opened ON ticket(opened_at_ms);
