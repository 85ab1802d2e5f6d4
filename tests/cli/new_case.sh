#!/usr/bin/env bash
# Creates a golden case and records what churn does now; review the files before committing.
# CMake finds the case by its folder (run cmake again, e.g. by building, before ctest).
#
#   tests/cli/new_case.sh CHURN TOPIC/NAME 'churn --start 400 --lost 19' [STDIN_FILE]
#
# A STDIN_FILE inside tests/cli/fixtures/ is linked, any other is copied: give an input that
# two cases share a name in fixtures/ and link to it.
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
    stdin_file=$(cd "$(dirname "$4")" && pwd)/$(basename "$4")
    if [[ "$stdin_file" == "$here/fixtures/"* ]]; then
        ln -sf "../../fixtures/${stdin_file#"$here/fixtures/"}" "$dir/stdin"
    else
        cp "$4" "$dir/stdin"
    fi
fi
UPDATE_GOLDEN=1 "$here/run_case.sh" "$1" "$dir" >/dev/null
echo "== $2: $3 (exit $(cat "$dir/exit"))"
cat "$dir/expout"
cat "$dir/experr"
