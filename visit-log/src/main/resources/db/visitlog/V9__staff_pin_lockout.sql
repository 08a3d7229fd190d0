-- Issue 13 item 6 (decision 0202): the staff PIN keypad's lockout survives a restart of the kiosk.
-- One row (id = 1): wrong PINs in a row, the last lockout's length, when the lock ends, as
-- milliseconds since boot of boot_id (the kiosk's monotonic clock), and when it was saved (same
-- clock), so after a reboot the lock's remaining time is carried over instead of lost.
CREATE TABLE pin_lockout (id INTEGER PRIMARY KEY CHECK (id = 1), wrong_in_row INTEGER NOT NULL,
  last_lockout_ms INTEGER NOT NULL, locked_until_ms INTEGER NOT NULL, saved_at_ms INTEGER NOT NULL,
  boot_id TEXT NOT NULL);
