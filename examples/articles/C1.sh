#!/usr/bin/env bash
# Article 001, CRR for 1–30 September: 100 customers at the start, 10 left, 5 came, 95 at
# the end. The article: ((95 − 5) / 100) × 100 = 90%.
set -euo pipefail
exec "${CHURN:-churn}" retention --start 100 --end 95 --new 5 --expect 90% --explain "$@"
