#!/usr/bin/env bash
# Fails if a case directory under tests/cli is not listed in tests/cli/CMakeLists.txt (or a
# listed case has no directory): cases are registered by name, never discovered. Fails too if a
# case reads outside the repository other than through "$CHURN_DATA" and its `needs` file
# (a fresh clone has nothing beside it): no climbing above tests/cli, no absolute path but /dev/.
#   check_listed.sh CASES_DIR LISTED_FILE
set -euo pipefail
cd "$1"
diff -u --label "listed in CMakeLists.txt" --label "found in tests/cli" \
    <(LC_ALL=C sort "$2") \
    <(find . -name cmd -type f | sed 's|^\./||; s|/cmd$||' | LC_ALL=C sort)
outside=$(grep -r -o -E --include=cmd '\.\./\.\./\.\.|(^|[^[:alnum:]_.}/-])/[[:alpha:]][^[:space:]"'"'"';|)]*' . |
    grep -v -E ':.?/dev/(null|full|stdin|stdout|stderr)$' || true)
if [[ -n "$outside" ]]; then
    printf '%s\n' "$outside"
    echo "these cases read outside the repository: use \"\$CHURN_DATA/…\" and a needs file"
    exit 1
fi
