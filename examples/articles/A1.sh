#!/usr/bin/env bash
# Article 000, "Кошачьи завтраки", September: 400 customers at the start, 15 of them lost.
# The article: 3,75%.
set -euo pipefail
exec "${CHURN:-churn}" --start 400 --lost 15 --expect 3,75% --decimal-comma --explain "$@"
