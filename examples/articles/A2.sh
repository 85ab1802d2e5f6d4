#!/usr/bin/env bash
# Article 000: the same September with the 300 new customers, 4 of whom were lost too.
# The article: 15 + 4 = 19 lost, 19 / 400 = 4,75%.
set -euo pipefail
exec "${CHURN:-churn}" --start 400 --lost 15 --new 300 --lost-new 4 --expect 4,75% --decimal-comma --explain "$@"
