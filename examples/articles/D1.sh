#!/usr/bin/env bash
# Article 004: 30 of 120 customers cancelled. The article: 30 / 120 × 100 = 25%.
set -euo pipefail
exec "${CHURN:-churn}" --start 120 --lost 30 --expect 25% --explain "$@"
