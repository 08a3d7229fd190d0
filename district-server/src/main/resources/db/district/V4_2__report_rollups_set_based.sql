-- V4_1 computed a visit's service mask with report_mask() once per visit: a SQL function with a
-- FROM is not inlined, so each call ran its own plan (1,300 x 90 benchmark: 99 s to rebuild, and a
-- day's report read from the visit table took ~1 s). The masks are now bit_or'ed over a join with
-- the unnested services, set-based; the functions keep their names and signatures.

CREATE OR REPLACE FUNCTION report_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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
               bit_or(1::bigint << c.bit), coalesce(bit_or(1::bigint << sn.bit), 0), bit_or(1 << v.local_hour)
          FROM new_rows v JOIN report_name c ON c.kind = 'C' AND c.name = v.category
               LEFT JOIN LATERAL unnest(v.services) AS sv(name) ON true
               LEFT JOIN report_name sn ON sn.kind = 'S' AND sn.name = sv.name
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
               bit_or(1::bigint << c.bit), coalesce(bit_or(1::bigint << sn.bit), 0), bit_or(1 << v.local_hour)
          FROM report_rollup_keys k
          JOIN visit v ON v.station_id = k.station_id AND v.member_id = k.member_id
                      AND v.local_date >= k.month AND v.local_date < (k.month + INTERVAL '1 month')::date
          JOIN report_name c ON c.kind = 'C' AND c.name = v.category
          LEFT JOIN LATERAL unnest(v.services) AS sv(name) ON true
          LEFT JOIN report_name sn ON sn.kind = 'S' AND sn.name = sv.name
         GROUP BY 1, 2, 3;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION report_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
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
           bit_or(1::bigint << c.bit), coalesce(bit_or(1::bigint << sn.bit), 0), bit_or(1 << v.local_hour)
      FROM visit v JOIN report_name c ON c.kind = 'C' AND c.name = v.category
           LEFT JOIN LATERAL unnest(v.services) AS sv(name) ON true
           LEFT JOIN report_name sn ON sn.kind = 'S' AND sn.name = sv.name
     WHERE v.member_id IS NOT NULL GROUP BY 1, 2, 3;
END $$;

DROP FUNCTION report_mask(CHAR, TEXT[]);
