-- The visit log's epoch (issue 13 item 5, decision 0195): a random UUID made when the log is
-- created (LogEpoch, right after the migrations), sent with every visit batch and day summary.
-- A wiped or damaged terminal starts a fresh log, seq 1 again, under a new epoch. A log that
-- already holds visits keeps no epoch (NULL): its seqs simply go on as before.
CREATE TABLE log_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), epoch TEXT, created_at_ms INTEGER NOT NULL);
INSERT INTO log_epoch (id, epoch, created_at_ms)
SELECT 1, NULL, CAST(strftime('%s', 'now') AS INTEGER) * 1000 WHERE EXISTS (SELECT 1 FROM visit);
