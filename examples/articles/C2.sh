#!/usr/bin/env bash
# Article 001, churn: 100 customers on 1 September, 90 on the 30th. The article: 10%, over
# the customers at the start (its text says the end, which would give 11.11%).
set -euo pipefail
exec "${CHURN:-churn}" --start 100 --end 90 --expect 10% --explain "$@"
