#!/usr/bin/env bash
# Article 002, January with 200 new customers, 4 of them lost. The article: 19 / 500 = 3,8%.
set -euo pipefail
exec "${CHURN:-churn}" --start 500 --lost 15 --new 200 --lost-new 4 --expect 3,8% --decimal-comma --explain "$@"
