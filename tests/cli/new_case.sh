#!/usr/bin/env bash
# Creates a golden case and records what churn does now; review the files before committing,
# then add the case name to tests/cli/CMakeLists.txt.
#
#   tests/cli/new_case.sh CHURN TOPIC/NAME 'churn --start 400 --lost 19' [STDIN_FILE]
set -euo pipefail
if (($# < 3 || $# > 4)); then
    echo "usage: $0 CHURN TOPIC/NAME 'churn ARGS…' [STDIN_FILE]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
dir="$here/$2"
mkdir -p "$dir"
printf '%s\n' "$3" >"$dir/cmd"
if (($# == 4)); then
    cp "$4" "$dir/stdin"
fi
UPDATE_GOLDEN=1 "$here/run_case.sh" "$1" "$dir" >/dev/null
echo "== $2: $3 (exit $(cat "$dir/exit"))"
cat "$dir/expout"
cat "$dir/experr"
