-- Issue 13 item 6 (decision 0203): member-level visit rows are kept for a configurable time
-- (default 13 months); older whole months keep only the report rollups, whose member rows get
-- random pseudonyms instead of the members' card ids.
-- retention_state: the first month still kept member-level (one row; NULL: nothing purged yet).
CREATE TABLE retention_state (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    purged_before DATE     NOT NULL,
    purged_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- member key (report_member_key of a card id) -> the random pseudonym its purged months' member
-- rows carry; kept only while the member still has kept visits, so that a report over purged and
-- kept months counts such a member once; deleted once the member has none.
CREATE TABLE retention_pseudonym (
    member    BIGINT PRIMARY KEY,
    pseudonym BIGINT NOT NULL UNIQUE
);
