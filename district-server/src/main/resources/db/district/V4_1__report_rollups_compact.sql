-- Compact report rollups (docs/decisions/0081-report-rollups-by-month.md, revised): V4's member
-- sets (one row per member × station × category and per member × station × service: 0.9 million
-- rows a month for 1,300 stations) made a month report take seconds. Now one row per month ×
-- station × member with bit masks of the member's categories, services and hours, over a small
-- dictionary of names; member ids (16 hex digits, WireVisit checks) as BIGINT. Additive counts per
-- month × station × category, × hour and × service. Same triggers, same rebuild function.

DROP TRIGGER visit_rollup_insert ON visit;
DROP TRIGGER visit_rollup_update ON visit;
DROP FUNCTION report_rollup_apply();
DROP FUNCTION report_rollup_rebuild();
DROP TABLE report_month_cell, report_month_service, report_month_member, report_month_member_service;

-- category ('C') and service ('S') names and their bit in the masks; at most 63 of each kind (the
-- CHECK refuses a 64th: such a batch fails and is retried by its station, never half stored)
CREATE TABLE report_name (
    kind CHAR(1)  NOT NULL CHECK (kind IN ('C', 'S')),
    name TEXT     NOT NULL,
    bit  SMALLINT NOT NULL CHECK (bit BETWEEN 0 AND 62),
    PRIMARY KEY (kind, name),
    UNIQUE (kind, bit)
);

CREATE TABLE report_month_cell (
    month        DATE   NOT NULL,
    station_id   TEXT   NOT NULL,
    category     TEXT   NOT NULL,
    visits       BIGINT NOT NULL,
    guest_visits BIGINT NOT NULL,
    PRIMARY KEY (month, station_id, category)
);

CREATE TABLE report_month_hour (
    month        DATE     NOT NULL,
    station_id   TEXT     NOT NULL,
    local_hour   SMALLINT NOT NULL,
    visits       BIGINT   NOT NULL,
    guest_visits BIGINT   NOT NULL,
    PRIMARY KEY (month, station_id, local_hour)
);

-- a visit with several services counts once under each of its (distinct) services
CREATE TABLE report_month_service (
    month        DATE   NOT NULL,
    station_id   TEXT   NOT NULL,
    service      TEXT   NOT NULL,
    visits       BIGINT NOT NULL,
    guest_visits BIGINT NOT NULL,
    PRIMARY KEY (month, station_id, service)
);

-- each member seen at a station in a month: bit n of categories/services = report_name.bit n,
-- bit h of hours = local hour h
CREATE TABLE report_month_member (
    month      DATE    NOT NULL,
    station_id TEXT    NOT NULL,
    member     BIGINT  NOT NULL,
    categories BIGINT  NOT NULL,
    services   BIGINT  NOT NULL,
    hours      INTEGER NOT NULL,
    PRIMARY KEY (month, station_id, member)
);

CREATE FUNCTION report_member_key(member_id TEXT) RETURNS BIGINT LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT ('x' || member_id)::bit(64)::bigint
$$;

CREATE FUNCTION report_mask(k CHAR, names TEXT[]) RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT coalesce(bit_or(1::bigint << bit), 0) FROM report_name WHERE kind = k AND name = ANY (names)
$$;

-- gives the names not yet in the dictionary the next free bits (serialised by an advisory lock,
-- taken only when a name is new)
CREATE FUNCTION report_register(k CHAR, names TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(names) AS n(name)
                WHERE NOT EXISTS (SELECT 1 FROM report_name r WHERE r.kind = k AND r.name = n.name)) THEN
        PERFORM pg_advisory_xact_lock(20261206);
        INSERT INTO report_name (kind, name, bit)
        SELECT k, n.name, (SELECT coalesce(max(bit) + 1, 0) FROM report_name WHERE kind = k) + row_number() OVER () - 1
          FROM (SELECT DISTINCT name FROM unnest(names) AS u(name)) n
         WHERE NOT EXISTS (SELECT 1 FROM report_name r WHERE r.kind = k AND r.name = n.name);
    END IF;
END $$;

-- One function for both triggers: new visits are added; a revised visit is subtracted with its old
-- state and added with its new one (additive tables), and the member rows of its (month, station,
-- member) are recomputed from the visit table (a bit-or cannot forget an hour or a service).
CREATE FUNCTION report_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    src TEXT := CASE TG_OP WHEN 'INSERT' THEN '(SELECT v.*, 1 AS w FROM new_rows v)'
                ELSE '(SELECT v.*, 1 AS w FROM new_rows v UNION ALL SELECT v.*, -1 AS w FROM old_rows v)' END;
BEGIN
    PERFORM report_register('C', ARRAY(SELECT DISTINCT category FROM new_rows));
    PERFORM report_register('S', ARRAY(SELECT DISTINCT unnest(services) FROM new_rows));
    EXECUTE format($q$
        INSERT INTO report_month_cell AS t (month, station_id, category, visits, guest_visits)
        SELECT date_trunc('month', local_date)::date, station_id, category,
               sum(w), coalesce(sum(w) FILTER (WHERE source = 'GUEST'), 0)
          FROM %s r GROUP BY 1, 2, 3
        ON CONFLICT (month, station_id, category) DO UPDATE
           SET visits = t.visits + EXCLUDED.visits, guest_visits = t.guest_visits + EXCLUDED.guest_visits$q$, src);
    EXECUTE format($q$
        INSERT INTO report_month_hour AS t (month, station_id, local_hour, visits, guest_visits)
        SELECT date_trunc('month', local_date)::date, station_id, local_hour,
               sum(w), coalesce(sum(w) FILTER (WHERE source = 'GUEST'), 0)
          FROM %s r GROUP BY 1, 2, 3
        ON CONFLICT (month, station_id, local_hour) DO UPDATE
           SET visits = t.visits + EXCLUDED.visits, guest_visits = t.guest_visits + EXCLUDED.guest_visits$q$, src);
    EXECUTE format($q$
        INSERT INTO report_month_service AS t (month, station_id, service, visits, guest_visits)
        SELECT date_trunc('month', r.local_date)::date, r.station_id, s.service,
               sum(r.w), coalesce(sum(r.w) FILTER (WHERE r.source = 'GUEST'), 0)
          FROM %s r CROSS JOIN LATERAL (SELECT DISTINCT unnest(r.services)) AS s(service)
         GROUP BY 1, 2, 3
        ON CONFLICT (month, station_id, service) DO UPDATE
           SET visits = t.visits + EXCLUDED.visits, guest_visits = t.guest_visits + EXCLUDED.guest_visits$q$, src);
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_month_member AS t (month, station_id, member, categories, services, hours)
        SELECT date_trunc('month', v.local_date)::date, v.station_id, report_member_key(v.member_id),
               bit_or(1::bigint << c.bit), bit_or(report_mask('S', v.services)), bit_or(1 << v.local_hour)
          FROM new_rows v JOIN report_name c ON c.kind = 'C' AND c.name = v.category
         WHERE v.member_id IS NOT NULL GROUP BY 1, 2, 3
        ON CONFLICT (month, station_id, member) DO UPDATE
           SET categories = t.categories | EXCLUDED.categories, services = t.services | EXCLUDED.services,
               hours = t.hours | EXCLUDED.hours;
    ELSE
        CREATE TEMP TABLE IF NOT EXISTS report_rollup_keys (month DATE, station_id TEXT, member_id TEXT);
        DELETE FROM report_rollup_keys;
        INSERT INTO report_rollup_keys
        SELECT date_trunc('month', local_date)::date, station_id, member_id FROM new_rows WHERE member_id IS NOT NULL
        UNION
        SELECT date_trunc('month', local_date)::date, station_id, member_id FROM old_rows WHERE member_id IS NOT NULL;
        DELETE FROM report_month_member t USING report_rollup_keys k
         WHERE t.month = k.month AND t.station_id = k.station_id AND t.member = report_member_key(k.member_id);
        INSERT INTO report_month_member (month, station_id, member, categories, services, hours)
        SELECT k.month, v.station_id, report_member_key(v.member_id),
               bit_or(1::bigint << c.bit), bit_or(report_mask('S', v.services)), bit_or(1 << v.local_hour)
          FROM report_rollup_keys k
          JOIN visit v ON v.station_id = k.station_id AND v.member_id = k.member_id
                      AND v.local_date >= k.month AND v.local_date < (k.month + INTERVAL '1 month')::date
          JOIN report_name c ON c.kind = 'C' AND c.name = v.category
         GROUP BY 1, 2, 3;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER visit_rollup_insert AFTER INSERT ON visit REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_apply();
CREATE TRIGGER visit_rollup_update AFTER UPDATE ON visit REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_apply();

-- Rebuilds every rollup from the visit table (after a bulk load with the triggers disabled, or to
-- repair): SELECT report_rollup_rebuild();
CREATE FUNCTION report_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE report_month_cell, report_month_hour, report_month_service, report_month_member;
    PERFORM report_register('C', ARRAY(SELECT DISTINCT category FROM visit));
    PERFORM report_register('S', ARRAY(SELECT DISTINCT unnest(services) FROM visit));
    INSERT INTO report_month_cell (month, station_id, category, visits, guest_visits)
    SELECT date_trunc('month', local_date)::date, station_id, category, count(*), count(*) FILTER (WHERE source = 'GUEST')
      FROM visit GROUP BY 1, 2, 3;
    INSERT INTO report_month_hour (month, station_id, local_hour, visits, guest_visits)
    SELECT date_trunc('month', local_date)::date, station_id, local_hour, count(*), count(*) FILTER (WHERE source = 'GUEST')
      FROM visit GROUP BY 1, 2, 3;
    INSERT INTO report_month_service (month, station_id, service, visits, guest_visits)
    SELECT date_trunc('month', v.local_date)::date, v.station_id, s.service,
           count(*), count(*) FILTER (WHERE v.source = 'GUEST')
      FROM visit v CROSS JOIN LATERAL (SELECT DISTINCT unnest(v.services)) AS s(service)
     GROUP BY 1, 2, 3;
    INSERT INTO report_month_member (month, station_id, member, categories, services, hours)
    SELECT date_trunc('month', v.local_date)::date, v.station_id, report_member_key(v.member_id),
           bit_or(1::bigint << c.bit), bit_or(report_mask('S', v.services)), bit_or(1 << v.local_hour)
      FROM visit v JOIN report_name c ON c.kind = 'C' AND c.name = v.category
     WHERE v.member_id IS NOT NULL GROUP BY 1, 2, 3;
END $$;

SELECT report_rollup_rebuild();
