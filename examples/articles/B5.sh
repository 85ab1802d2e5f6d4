#!/usr/bin/env bash
# Article 002, February with 300 new customers, 5 of them lost. The article: 25 / 681 = 3,67%.
set -euo pipefail
exec "${CHURN:-churn}" --start 681 --lost 20 --new 300 --lost-new 5 --expect 3,67% --decimal-comma --explain "$@"
