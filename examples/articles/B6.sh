#!/usr/bin/env bash
# Article 002: January's 15 lost customers (3% of 500) at 30 000 of average profit each.
# The article: "almost half a million" a month; exactly 450 000.
set -euo pipefail
exec "${CHURN:-churn}" lost-revenue --lost 15 --value 30000 --expect 450000 --explain "$@"
