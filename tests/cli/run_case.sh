#!/usr/bin/env bash
# Runs one golden case of the churn binary, Miller-style, and compares its stdout, stderr and
# exit status with the files of the case directory.
#
#   run_case.sh CHURN CASE_DIR [LINE]
#
# CASE_DIR holds
#   cmd     one shell line, run by bash in CASE_DIR; the word `churn` is the binary under test
#           (a shell function, exported, so `script -c`, pipes and redirections work too).
#           A case of a matrix (CMakeLists.txt) has no cmd: its LINE comes as the argument.
#   stdin   optional: standard input (else /dev/null)
#   other files  inputs the cmd names. An input two cases share is a link into ../../fixtures/
#   expout  exact expected standard output
#   experr  exact expected standard error
#   exit    expected exit status of the line (with pipefail: the last command of a pipe that
#           failed)
#   bug     optional: a known bug of churn, described; the expectations are what SPEC asks for,
#           so UPDATE_GOLDEN=1 leaves such a case alone
#   needs   optional: data files from outside the repository, one a line, relative to the data
#           folder $CHURN_DATA (CMake's CHURN_TEST_DATA, by default shared/data beside the
#           repository); the cmd reads them as "$CHURN_DATA/…". When one is absent (a fresh
#           clone) the case is skipped: exit 77, ctest's SKIP_RETURN_CODE. Nothing else may
#           read outside the repository.
#
# The environment is fixed: LC_ALL=C.UTF-8, TERM=dumb, no NO_COLOR, a 60 s timeout.
# Whenever `exit` is 2 the case must also keep the error contract of SPEC §4: empty stdout and
# exactly one line "churn: error: …" on stderr (only a "churn: mismatch: …" verdict may precede it).
# `churn batch` keeps SPEC §5 instead: the rows written before a bad row stay on stdout, and
# --skip-invalid reports every bad row, so stderr holds one or more "churn: error: …" lines;
# `churn events` and `churn cohort` as well, after the notes they may print first.
#
# UPDATE_GOLDEN=1 rewrites expout, experr and exit from the actual run.
set -uo pipefail

if (($# < 2 || $# > 3)); then
    echo "usage: $0 CHURN CASE_DIR [LINE]" >&2
    exit 2
fi
churn_bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(cd "$2" && pwd)
if [[ ! -x "$churn_bin" ]]; then
    echo "not an executable: $churn_bin" >&2
    exit 2
fi
if (($# == 3)); then
    line=$3
    [[ ! -f "$dir/cmd" ]] || { echo "$dir has a cmd file and a matrix line: one only" >&2 && exit 2; }
elif [[ -f "$dir/cmd" ]]; then
    line=$(cat "$dir/cmd")
else
    echo "no cmd file in $dir" >&2
    exit 2
fi
if [[ -f "$dir/needs" ]]; then
    while IFS= read -r need; do
        if [[ -z "${CHURN_DATA:-}" || ! -r "$CHURN_DATA/$need" ]]; then
            echo "skipped: needs ${CHURN_DATA:-\$CHURN_DATA}/$need, which is absent" \
                "(point -DCHURN_TEST_DATA at the folder that holds it)"
            exit 77
        fi
    done <"$dir/needs"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

stdin=/dev/null
[[ -f "$dir/stdin" ]] && stdin="$dir/stdin"

(
    cd "$dir" || exit 99
    unset NO_COLOR CLICOLOR CLICOLOR_FORCE COLUMNS COLORTERM
    export LC_ALL=C.UTF-8 TERM=dumb SHELL=/bin/bash CHURN_BIN="$churn_bin" CHURN_DATA="${CHURN_DATA:-}"
    # shellcheck disable=SC2016 # expanded by the inner bash
    exec timeout 60 bash -c 'set -o pipefail
churn() { "$CHURN_BIN" "$@"; }
export -f churn
'"$line" <"$stdin" >"$work/expout" 2>"$work/experr"
)
echo $? >"$work/exit"

# The error contract of SPEC §4, for every case that expects status 2: nothing on stdout, and
# on stderr exactly one "churn: error: …" line (after a "churn: mismatch: …" verdict at most).
contract() {
    local out=$1 err=$2 status=$3
    [[ "$(cat "$status")" == 2 ]] || return 0
    local ok=0
    if grep -q -E '(^|[^-])churn batch' <<<"$line"; then
        if ! grep -q '^churn: error: ' "$err" || grep -q -v '^churn: error: ' "$err"; then
            echo "contract: batch status 2 needs one or more stderr lines 'churn: error: …' only"
            ok=1
        fi
        return $ok
    fi
    # events and cohort too, whose notes (the columns they guessed) may come first.
    if grep -q -E '(^|[^-])churn (events|cohort)' <<<"$line"; then
        if ! grep -q '^churn: error: ' "$err" ||
            grep -q -v -e '^churn: error: ' -e '^churn: note: ' "$err"; then
            echo "contract: events and cohort status 2 needs stderr lines 'churn: error: …' (and notes) only"
            ok=1
        fi
        return $ok
    fi
    if [[ -s "$out" ]]; then
        echo "contract: status 2 but stdout is not empty"
        ok=1
    fi
    if [[ "$(grep -c '^churn: error: ' "$err")" != 1 ]] ||
        grep -q -v -e '^churn: error: ' -e '^churn: mismatch: ' "$err"; then
        echo "contract: status 2 needs exactly one stderr line 'churn: error: …' and no other text"
        ok=1
    fi
    return $ok
}

if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then
    if [[ -f "$dir/bug" ]]; then
        echo "kept (known bug, expectations follow SPEC): $dir"
    else
        cp "$work/expout" "$work/experr" "$work/exit" "$dir/"
        contract "$dir/expout" "$dir/experr" "$dir/exit" || echo "in $dir"
    fi
    exit 0
fi

status=0
for part in out err; do
    if ! diff -u --label "expected std$part" --label "actual std$part" \
        "$dir/exp$part" "$work/exp$part"; then
        status=1
    fi
done
if ! diff -u --label "expected exit" --label "actual exit" "$dir/exit" "$work/exit"; then
    status=1
fi
contract "$work/expout" "$work/experr" "$dir/exit" || status=1
if ((status != 0)); then
    echo "case:    ${dir}"
    echo "command: $line"
    [[ -f "$dir/bug" ]] && echo "known bug: $(cat "$dir/bug")"
fi
exit $status
