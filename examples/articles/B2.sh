#!/usr/bin/env bash
# Article 002, "Onkel Günther", January: 15 of 500 customers lost. The article: 3%.
set -euo pipefail
exec "${CHURN:-churn}" --start 500 --lost 15 --expect 3% --explain "$@"
