-- District web console (issue 9): its users, with the failed-login state of the lockout (5 wrong
-- passwords lock for 15 minutes), and their login sessions. A session row keeps only the SHA-256
-- of the cookie's random id, and the session's own CSRF token.

CREATE TABLE console_user (
    name           TEXT        PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,39}$'),
    role           TEXT        NOT NULL CHECK (role IN ('ANALYST', 'ADMIN')),
    -- bcrypt ($2a$, cost in the hash)
    password_hash  TEXT        NOT NULL,
    failed_logins  INTEGER     NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until   TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE console_session (
    id_hash     TEXT        PRIMARY KEY,
    user_name   TEXT        NOT NULL REFERENCES console_user (name) ON DELETE CASCADE,
    csrf_token  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX console_session_expires ON console_session (expires_at);
