-- The station's "latest time seen" floor (issue 13 item 3, docs/decisions/0185-time-floor.md): a
-- time the station knows real time has passed (a synced clock reading, a district ack or downlink,
-- the latest visit recorded on a synced clock). A terminal without a battery clock boots "in 2019";
-- its best time (BoundedClock) never goes below this floor. One row; only ever raised.
CREATE TABLE time_floor (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    floor_ms INTEGER NOT NULL,
    source   TEXT    NOT NULL
);
