#!/usr/bin/env bash
# Every worked example of the source articles (docs/articles.md), reproduced from the
# article's own numbers: one script each in examples/articles/<id>.sh, which checks the
# article's printed figure with --expect and fails (exit 1) if it stops matching.
# This prints each example's headline number:
#   examples/articles.sh [path/to/churn]
set -euo pipefail
export CHURN=${1:-churn}
here=$(cd "$(dirname "$0")" && pwd)
for id in A1 A2 B1 B2 B3 B4 B5 B6 C1 C2 D1; do
    value=$("$here/articles/$id.sh" --quiet)
    printf '%-3s %s\n' "$id" "$value"
done
