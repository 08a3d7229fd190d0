-- Report rollups (docs/decisions/0081-report-rollups-by-month.md): per calendar month of the
-- visits' station-local date, maintained by statement-level triggers on visit (one aggregate
-- upsert per stored batch), so a month report reads these instead of a million visits.
-- Additive counts (visits) are summed; distinct members are kept as member sets (one row per
-- member), since distinct counts cannot be added across months or cells.

CREATE TABLE report_month_cell (
    month        DATE     NOT NULL,
    station_id   TEXT     NOT NULL,
    category     TEXT     NOT NULL,
    local_hour   SMALLINT NOT NULL,
    visits       BIGINT   NOT NULL,
    guest_visits BIGINT   NOT NULL,
    PRIMARY KEY (month, station_id, category, local_hour)
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

-- the members seen at a station in a month, with the hours (bit h = local hour h) they came in
CREATE TABLE report_month_member (
    month      DATE    NOT NULL,
    station_id TEXT    NOT NULL,
    category   TEXT    NOT NULL,
    member_id  TEXT    NOT NULL,
    hour_mask  INTEGER NOT NULL,
    PRIMARY KEY (month, station_id, category, member_id)
);

CREATE TABLE report_month_member_service (
    month      DATE NOT NULL,
    station_id TEXT NOT NULL,
    service    TEXT NOT NULL,
    member_id  TEXT NOT NULL,
    PRIMARY KEY (month, station_id, service, member_id)
);

-- station detail (30-day trend, heat map) and the recomputation of revised members
CREATE INDEX visit_station_date ON visit (station_id, local_date);

-- One function for both triggers. Visits are fixed at check-in except their services, but the
-- rollups do not rely on that: a revised visit is subtracted with its old state and added with its
-- new one (additive tables), and its (month, station, member) member sets are recomputed from the
-- visit table (a bit-or cannot forget an hour or a service).
CREATE FUNCTION report_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    src TEXT := CASE TG_OP WHEN 'INSERT' THEN '(SELECT v.*, 1 AS w FROM new_rows v)'
                ELSE '(SELECT v.*, 1 AS w FROM new_rows v UNION ALL SELECT v.*, -1 AS w FROM old_rows v)' END;
BEGIN
    EXECUTE format($q$
        INSERT INTO report_month_cell AS t (month, station_id, category, local_hour, visits, guest_visits)
        SELECT date_trunc('month', local_date)::date, station_id, category, local_hour,
               sum(w), coalesce(sum(w) FILTER (WHERE source = 'GUEST'), 0)
          FROM %s r GROUP BY 1, 2, 3, 4
        ON CONFLICT (month, station_id, category, local_hour) DO UPDATE
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
        INSERT INTO report_month_member AS t (month, station_id, category, member_id, hour_mask)
        SELECT date_trunc('month', local_date)::date, station_id, category, member_id, bit_or(1 << local_hour)
          FROM new_rows WHERE member_id IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (month, station_id, category, member_id) DO UPDATE SET hour_mask = t.hour_mask | EXCLUDED.hour_mask;
        INSERT INTO report_month_member_service (month, station_id, service, member_id)
        SELECT DISTINCT date_trunc('month', local_date)::date, station_id, s.service, member_id
          FROM new_rows CROSS JOIN LATERAL unnest(services) AS s(service) WHERE member_id IS NOT NULL
        ON CONFLICT DO NOTHING;
    ELSE
        CREATE TEMP TABLE IF NOT EXISTS report_rollup_keys (month DATE, station_id TEXT, member_id TEXT);
        DELETE FROM report_rollup_keys;
        INSERT INTO report_rollup_keys
        SELECT date_trunc('month', local_date)::date, station_id, member_id FROM new_rows WHERE member_id IS NOT NULL
        UNION
        SELECT date_trunc('month', local_date)::date, station_id, member_id FROM old_rows WHERE member_id IS NOT NULL;
        DELETE FROM report_month_member t USING report_rollup_keys k
         WHERE t.month = k.month AND t.station_id = k.station_id AND t.member_id = k.member_id;
        DELETE FROM report_month_member_service t USING report_rollup_keys k
         WHERE t.month = k.month AND t.station_id = k.station_id AND t.member_id = k.member_id;
        INSERT INTO report_month_member (month, station_id, category, member_id, hour_mask)
        SELECT k.month, v.station_id, v.category, v.member_id, bit_or(1 << v.local_hour)
          FROM report_rollup_keys k
          JOIN visit v ON v.station_id = k.station_id AND v.member_id = k.member_id
                      AND v.local_date >= k.month AND v.local_date < (k.month + INTERVAL '1 month')::date
         GROUP BY 1, 2, 3, 4;
        INSERT INTO report_month_member_service (month, station_id, service, member_id)
        SELECT DISTINCT k.month, v.station_id, s.service, v.member_id
          FROM report_rollup_keys k
          JOIN visit v ON v.station_id = k.station_id AND v.member_id = k.member_id
                      AND v.local_date >= k.month AND v.local_date < (k.month + INTERVAL '1 month')::date
               CROSS JOIN LATERAL unnest(v.services) AS s(service);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER visit_rollup_insert AFTER INSERT ON visit REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_apply();
CREATE TRIGGER visit_rollup_update AFTER UPDATE ON visit REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_apply();

-- Rebuilds every rollup from the visit table (after a bulk load with the triggers disabled, or to
-- repair): `SELECT report_rollup_rebuild();`
CREATE FUNCTION report_rollup_rebuild() RETURNS void LANGUAGE sql AS $$
    TRUNCATE report_month_cell, report_month_service, report_month_member, report_month_member_service;
    INSERT INTO report_month_cell (month, station_id, category, local_hour, visits, guest_visits)
    SELECT date_trunc('month', local_date)::date, station_id, category, local_hour,
           count(*), count(*) FILTER (WHERE source = 'GUEST')
      FROM visit GROUP BY 1, 2, 3, 4;
    INSERT INTO report_month_service (month, station_id, service, visits, guest_visits)
    SELECT date_trunc('month', v.local_date)::date, v.station_id, s.service,
           count(*), count(*) FILTER (WHERE v.source = 'GUEST')
      FROM visit v CROSS JOIN LATERAL (SELECT DISTINCT unnest(v.services)) AS s(service)
     GROUP BY 1, 2, 3;
    INSERT INTO report_month_member (month, station_id, category, member_id, hour_mask)
    SELECT date_trunc('month', local_date)::date, station_id, category, member_id, bit_or(1 << local_hour)
      FROM visit WHERE member_id IS NOT NULL GROUP BY 1, 2, 3, 4;
    INSERT INTO report_month_member_service (month, station_id, service, member_id)
    SELECT DISTINCT date_trunc('month', local_date)::date, station_id, s.service, member_id
      FROM visit CROSS JOIN LATERAL unnest(services) AS s(service) WHERE member_id IS NOT NULL;
$$;
