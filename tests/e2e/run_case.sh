#!/usr/bin/env bash
# Runs one golden case of the built churn binary and compares stdout, stderr and the exit code.
#   run_case.sh CHURN CASE_DIR
# CASE_DIR holds `cmd` (a shell line; `churn` stands for the binary), optional `stdin`,
# and the expectations `expout`, `experr` and `exit`. UPDATE_GOLDEN=1 rewrites them.
set -uo pipefail
churn=$1
dir=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

stdin=/dev/null
[[ -f "$dir/stdin" ]] && stdin="$dir/stdin"
# Run from the case directory so that cases can name their own fixture files.
(cd "$dir" && LC_ALL=C.UTF-8 NO_COLOR='' TERM=dumb CHURN_BIN="$churn" \
    bash -c 'churn() { "$CHURN_BIN" "$@"; }; '"$(cat cmd)" <"$stdin" >"$work/out" 2>"$work/err")
echo $? >"$work/exit"

if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then
    cp "$work/out" "$dir/expout"
    cp "$work/err" "$dir/experr"
    cp "$work/exit" "$dir/exit"
    exit 0
fi

status=0
for part in out err; do
    if ! diff -u --label "expected std$part" --label "actual std$part" "$dir/exp$part" "$work/$part"; then
        status=1
    fi
done
if ! diff -u --label "expected exit" --label "actual exit" "$dir/exit" "$work/exit"; then status=1; fi
((status == 0)) || echo "case: $dir; command: $(cat "$dir/cmd")"
exit $status
