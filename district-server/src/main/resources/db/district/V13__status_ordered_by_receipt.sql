-- Station status and profile are ordered by the district's receive time from now on, no longer by
-- the terminal's clock (issue 13 item 3, docs/decisions/0186-station-status-by-receive-time.md).
-- Times a terminal stamped ahead of the district's clock (a wrong clock, "2030") would still win
-- every comparison until then: bring them back to now, so the next message received wins.
UPDATE station SET status_at = LEAST(status_at, now()) WHERE status_at > now();
UPDATE station SET profile_at = LEAST(profile_at, now()) WHERE profile_at > now();
