-- SPEC §6 by month with K = 1 and --orders rows, exactly, in SQL that DuckDB (with
-- SET integer_division = true) and SQLite both run. The caller defines the input as a view
-- ev(c, d, cents): customer id, date as written (YYYY-MM-DD) and the amount in integer cents.
-- Every rate is an integer half-up division (numerators are never negative), money is
-- integer cents written with 2 decimals: no binary floating point anywhere.
WITH RECURSIVE
rows_ AS (SELECT c, d, cents,
                 CAST(substr(d, 1, 4) AS INTEGER) * 12 + CAST(substr(d, 6, 2) AS INTEGER) - 1 AS m
          FROM ev WHERE c IS NOT NULL AND c <> ''),             -- guests are skipped
-- per customer and month: orders (a refund is not one), money (a refund counts), days
cm AS (SELECT c, m, sum(CASE WHEN cents >= 0 THEN 1 ELSE 0 END) AS n, sum(cents) AS rev,
              min(d) AS dmin, max(d) AS dmax
       FROM rows_ GROUP BY c, m),
-- for the months a customer is active in (n > 0, its own window partition): the active
-- month before and after, and the orders so far
act AS (SELECT m, n, rev, dmin, dmax, lag(m) OVER w AS prev, lead(m) OVER w AS nxt,
               sum(n) OVER w AS cum
        FROM cm WINDOW w AS (PARTITION BY c, n > 0 ORDER BY m)),
-- one pass over act: every CTE below reads only this one, and it is materialized (a few
-- dozen rows) so that DuckDB does not inline, and so recompute, the chain above it
per AS MATERIALIZED (
       SELECT m, sum(CASE WHEN n > 0 THEN 1 ELSE 0 END) AS active, sum(n) AS orders,
              sum(CASE WHEN n > 0 AND prev IS NULL THEN 1 ELSE 0 END) AS new_,
              sum(CASE WHEN n > 0 AND prev < m - 1 THEN 1 ELSE 0 END) AS returned,
              sum(CASE WHEN n > 0 AND cum >= 2 THEN 1 ELSE 0 END) AS repeat_,
              -- alive at the end of m (K = 1: active in m), not active in m + 1: lost in m + 1
              sum(CASE WHEN n > 0 AND (nxt IS NULL OR nxt > m + 1) THEN 1 ELSE 0 END) AS leaving,
              sum(rev) AS revenue, min(dmin) AS dmin, max(dmax) AS dmax
       FROM act GROUP BY m),
span AS (SELECT min(m) AS lo, max(m) AS hi, min(dmin) AS dmin, max(dmax) AS dmax FROM per),
months(m) AS (SELECT lo FROM span UNION ALL SELECT m + 1 FROM months, span WHERE m < hi),
t0 AS (SELECT months.m, coalesce(lag(leaving) OVER (ORDER BY months.m), 0) AS lost,
              coalesce(new_, 0) AS new_, coalesce(returned, 0) AS returned,
              coalesce(active, 0) AS active, coalesce(orders, 0) AS orders,
              coalesce(repeat_, 0) AS repeat_, coalesce(revenue, 0) AS revenue
       FROM months LEFT JOIN per ON per.m = months.m),
t AS (SELECT t0.*, sum(new_ + returned - lost) OVER (ORDER BY m) AS end_ FROM t0),
u AS (SELECT t.*, end_ - new_ - returned + lost AS start_, lo, hi, dmin, dmax FROM t, span)
SELECT printf('%04d-%02d', m / 12, m % 12 + 1) AS period,
       start_ AS start, lost, new_ AS new, returned, end_ AS "end", active,
       CASE WHEN start_ > 0 THEN printf('%d.%02d', (lost * 20000 + start_) / (2 * start_) / 100,
                                        (lost * 20000 + start_) / (2 * start_) % 100) END AS churn_pct,
       CASE WHEN start_ > 0 THEN printf('%d.%02d', ((start_ - lost) * 20000 + start_) / (2 * start_) / 100,
                                        ((start_ - lost) * 20000 + start_) / (2 * start_) % 100) END AS retention_pct,
       orders, repeat_ AS repeat,
       CASE WHEN active > 0 THEN printf('%d.%02d', (repeat_ * 20000 + active) / (2 * active) / 100,
                                        (repeat_ * 20000 + active) / (2 * active) % 100) END AS rpr_pct,
       CASE WHEN revenue < 0 THEN '-' ELSE '' END
           || printf('%d.%02d', abs(revenue) / 100, abs(revenue) % 100) AS revenue,
       CASE WHEN active > 0 THEN CASE WHEN revenue < 0 THEN '-' ELSE '' END
           || printf('%d.%02d', (2 * abs(revenue) + active) / (2 * active) / 100,
                     (2 * abs(revenue) + active) / (2 * active) % 100) END AS arpu,
       CASE WHEN m = lo AND substr(dmin, 9, 2) <> '01' THEN 'true'
            -- the last day of the last month: 28 + leap for February, else 30 or 31
            WHEN m = hi AND CAST(substr(dmax, 9, 2) AS INTEGER) <
                 CASE WHEN m % 12 = 1
                      THEN 28 + CASE WHEN (m / 12) % 4 = 0 AND ((m / 12) % 100 <> 0 OR (m / 12) % 400 = 0)
                                     THEN 1 ELSE 0 END
                      ELSE 30 + (m % 12 + 1 + (m % 12 + 1) / 8) % 2 END
            THEN 'true' ELSE 'false' END AS partial
FROM u ORDER BY m;
