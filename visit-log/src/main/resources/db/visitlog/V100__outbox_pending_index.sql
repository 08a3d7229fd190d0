-- Sync (issue 3): lets the outbox reader page through unconfirmed entries by seq without scanning
-- the confirmed ones kept for retention (180 days).
CREATE INDEX outbox_pending ON outbox(seq) WHERE state IN ('CREATED', 'PUBLISHED');
CREATE INDEX outbox_confirmed_at ON outbox(confirmed_at_ms) WHERE state = 'CONFIRMED';
