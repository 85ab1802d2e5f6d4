#!/usr/bin/env bash
# Every example in the man page is true (jq's man.test idea): each "$ command" line of the
# EXAMPLES section of churn.h2m runs with the built churn first on PATH, and its output
# (stdout and stderr, in order) must equal the lines that follow it in the page.
# Usage: man_examples.sh CHURN_H2M CHURN
set -euo pipefail
source "$(dirname "$0")/lib.sh"
h2m=$1 churn=$2
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT
ln -s "$(cd "$(dirname "$churn")" && pwd)/$(basename "$churn")" "$bindir/churn"

unroff() {  # the roff escapes the page uses, back to plain text
    sed -e 's/\\-/-/g' -e 's/\\(en/–/g' -e 's/\\(mu/×/g' -e 's/\\&//g' -e 's/\\e/\\/g'
}

examples=0 failures=0 command= expected= in_examples=0 in_block=0
check() {
    [[ -n "$command" ]] || return 0
    examples=$((examples + 1))
    local actual
    actual=$(cd "$bindir" && PATH="$bindir:$PATH" LC_ALL=C.UTF-8 bash -c "$command" 2>&1) || true
    if [[ "$actual" != "$expected" ]]; then
        failures=$((failures + 1))
        printf 'FAIL: $ %s\n--- expected\n%s\n--- actual\n%s\n' "$command" "$expected" "$actual" >&2
    fi
    command= expected=
}
while IFS= read -r line; do
    case $line in
        '[EXAMPLES]') in_examples=1; continue ;;
        '['*']') ((in_examples)) && break; continue ;;
    esac
    ((in_examples)) || continue
    case $line in
        .nf) in_block=1; continue ;;
        .fi) check; in_block=0; continue ;;
    esac
    ((in_block)) || continue
    line=$(unroff <<<"$line")
    if [[ $line == '$ '* ]]; then
        check
        command=${line#'$ '}
    elif [[ -n "$command" ]]; then
        expected+=${expected:+$'\n'}$line
    fi
done <"$h2m"
((examples > 0)) || fail "no examples found in $h2m"
((failures == 0)) || fail "$failures of $examples man page examples are out of date"
echo "man page examples: $examples ok"
