#!/usr/bin/env bash
# Every worked example of the source articles (shared ARTICLES.md), reproduced from the
# article's own numbers. Each line checks the article's printed figure with --expect, so the
# script fails (exit 1) if any of them stops matching.
#   examples/articles.sh [path/to/churn]
set -euo pipefail
churn=${1:-churn}
run() {
    printf '%-4s %-72s ' "$1" "${*:2}"
    "$churn" "${@:2}" -q
}

# Article 000, "Кошачьи завтраки", September: 400 customers, 15 of them lost.
run A1 --start 400 --lost 15 --expect 3,75% --decimal-comma
# ... and 300 new customers, 4 of whom were lost: 19 / 400.
run A2 --start 400 --lost 15 --new 300 --lost-new 4 --expect 4,75% --decimal-comma
# Article 002: 5 of 150.
run B1 --start 150 --lost 5 --expect 3,3% --decimal-comma
# Article 002, "Onkel Günther", January: 15 of 500.
run B2 --start 500 --lost 15 --expect 3%
# ... with 200 new customers, 4 of them lost: 19 / 500.
run B3 --start 500 --lost 15 --new 200 --lost-new 4 --expect 3,8% --decimal-comma
# February starts where January ended: 500 − 15 + 200 − 4 = 681; 20 lost.
run B4 --start 681 --lost 20 --expect 2,9% --decimal-comma
# ... with 300 new customers, 5 of them lost: 25 / 681.
run B5 --start 681 --lost 20 --new 300 --lost-new 5 --expect 3,67% --decimal-comma
# 15 lost customers at 30 000 of profit each: "almost half a million".
run B6 lost-revenue --lost 15 --value 30000 --expect 450000
# Article 001, CRR for 1–30 September: 100 at the start, 5 came, 95 at the end.
run C1 retention --start 100 --end 95 --new 5 --expect 90%
# Article 001, churn: 100 customers on 1 September, 90 on the 30th.
run C2 --start 100 --end 90 --expect 10%
# Article 004: 30 of 120 cancelled.
run D1 --start 120 --lost 30 --expect 25%
