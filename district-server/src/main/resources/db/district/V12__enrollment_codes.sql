-- One-time station enrollment (issue 13 item 1, decision 0181).
-- A code is registered from the office's register file (district-server enrollment register), which
-- also puts the code's enrollment account (enroll.<station>) into the broker's password file. The
-- first request of a registered, unexpired code is accepted: its use is recorded here and the station
-- gets a broker password the district draws. Every later request is refused and recorded.
CREATE TABLE enrollment_code (
    code_id        text PRIMARY KEY CHECK (code_id ~ '^[0-9a-f]{16}$'),
    district_id    integer     NOT NULL,
    station_id     text        NOT NULL,
    expires_at     timestamptz NOT NULL,
    registered_at  timestamptz NOT NULL,
    used_at        timestamptz,
    terminal_id    text,
    station_key    text,
    epoch_id       text,
    CHECK ((used_at IS NULL) = (terminal_id IS NULL))
);
CREATE INDEX enrollment_code_station ON enrollment_code (district_id, station_id);

CREATE TABLE enrollment_refusal (
    id           bigserial PRIMARY KEY,
    code_id      text        NOT NULL,
    district_id  integer     NOT NULL,
    station_id   text        NOT NULL,
    terminal_id  text        NOT NULL,
    reason       text        NOT NULL,
    refused_at   timestamptz NOT NULL
);
CREATE INDEX enrollment_refusal_station ON enrollment_refusal (district_id, station_id, refused_at);
