-- SPEC §7 by month, classic retention, exactly as `churn cohort` writes its long form, in
-- plain DuckDB SQL, one CTE per step. The caller defines the input as a view ev(c, d, cents):
-- customer id, date as written (YYYY-MM-DD) and the amount in integer cents
-- (bench/duckdb_events.mjs). Rates and LTV are integer divisions rounded half away from zero
-- (`//` is DuckDB's integer division), money is integer cents written with 2 decimals: no
-- binary floating point anywhere.
WITH
-- guests (no customer id) are skipped; a month is numbered year * 12 + month - 1
rows_ AS (SELECT c, CAST(d AS DATE) AS day, cents,
                 year(CAST(d AS DATE)) * 12 + month(CAST(d AS DATE)) - 1 AS m
          FROM ev WHERE c IS NOT NULL AND c <> ''),
-- the months reported: the log's first to its last, and the days that bound them
span AS (SELECT min(m) AS lo, max(m) AS hi, min(day) AS first_date, max(day) AS last_date
         FROM rows_),
-- a customer's cohort: the month of their first order (a refund is no order)
firsts AS (SELECT c, min(m) AS cohort FROM rows_ WHERE cents >= 0 GROUP BY c),
sizes AS (SELECT cohort, count(*) AS customers FROM firsts GROUP BY cohort),
-- per customer and month from their cohort on: whether they ordered, and their money
-- (rows before the first order's month, refunds only, are in no cell)
cm AS (SELECT r.c, f.cohort, r.m - f.cohort AS age,
              bool_or(r.cents >= 0) AS ordered, sum(r.cents) AS cents
       FROM rows_ r JOIN firsts f ON f.c = r.c
       WHERE r.m >= f.cohort
       GROUP BY r.c, f.cohort, r.m),
per AS (SELECT cohort, age, count(*) FILTER (WHERE ordered) AS active, sum(cents) AS revenue
        FROM cm GROUP BY cohort, age),
-- every cell of the triangle, the empty ones too: cohort + age up to the last month
ages AS (SELECT range AS age FROM range(0, (SELECT hi - lo + 1 FROM span))),
cells AS (SELECT s.cohort, a.age, s.customers, coalesce(p.active, 0) AS active,
                 coalesce(p.revenue, 0) AS revenue
          FROM sizes s JOIN ages a ON s.cohort + a.age <= (SELECT hi FROM span)
          LEFT JOIN per p ON p.cohort = s.cohort AND p.age = a.age),
-- the cohort's revenue up to each age, and whether the cell's month is a partial one (the
-- log's first month not from its 1st day, or its last not to its last day)
cohorts AS (SELECT cells.*,
                   sum(revenue) OVER (PARTITION BY cohort ORDER BY age) AS cumulative,
                   (cohort + age = lo AND day(first_date) <> 1)
                       OR (cohort + age = hi AND last_date <> last_day(last_date)) AS partial
            FROM cells, span),
-- the all row: per age, sums over the cohorts that reached it, partial if any of them is
all_ AS (SELECT NULL AS cohort, age, sum(customers) AS customers, sum(active) AS active,
                sum(revenue) AS revenue, sum(cumulative) AS cumulative, bool_or(partial) AS partial
         FROM cohorts GROUP BY age),
table_ AS (SELECT * FROM cohorts UNION ALL SELECT * FROM all_),
-- hundredths of a percent and cents per customer, rounded half away from zero
rounded AS (SELECT *, (active * 20000 + customers) // (2 * customers) AS pct,
                   (2 * abs(cumulative) + customers) // (2 * customers) AS ltv_cents
            FROM table_)
SELECT coalesce(printf('%04d-%02d', cohort // 12, cohort % 12 + 1), 'all') AS cohort,
       age,
       CASE WHEN cohort IS NOT NULL
            THEN printf('%04d-%02d', (cohort + age) // 12, (cohort + age) % 12 + 1) END AS period,
       customers, active,
       printf('%d.%02d', pct // 100, pct % 100) AS retention_pct,
       CASE WHEN revenue < 0 THEN '-' ELSE '' END
           || printf('%d.%02d', abs(revenue) // 100, abs(revenue) % 100) AS revenue,
       CASE WHEN cumulative < 0 AND ltv_cents > 0 THEN '-' ELSE '' END
           || printf('%d.%02d', ltv_cents // 100, ltv_cents % 100) AS ltv,
       partial
FROM rounded
ORDER BY cohort IS NULL, cohort, age;
