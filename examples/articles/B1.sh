#!/usr/bin/env bash
# Article 002, first example: 5 of 150 customers lost. The article: 3,3%.
set -euo pipefail
exec "${CHURN:-churn}" --start 150 --lost 5 --expect 3,3% --decimal-comma --explain "$@"
