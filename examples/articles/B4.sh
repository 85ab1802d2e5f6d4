#!/usr/bin/env bash
# Article 002, February: it starts where January ended, 500 − 15 + 200 − 4 = 681 customers;
# 20 of them lost. The article: 2,9%.
set -euo pipefail
exec "${CHURN:-churn}" --start 681 --lost 20 --expect 2,9% --decimal-comma --explain "$@"
