#!/usr/bin/env bash
# The generated churn(1) renders without warnings and has every section a user looks for,
# and every option of every command.
# Usage: man_page.sh CHURN_1_GZ CHURN
set -euo pipefail
source "$(dirname "$0")/lib.sh"
page=$1 churn=$2
command -v man >/dev/null || skip "man (man-db) is not installed"
[[ -f "$page" ]] || fail "no man page at $page"
warnings=$(mktemp)
trap 'rm -f "$warnings"' EXIT
text=$(LC_ALL=C.UTF-8 MANWIDTH=80 MAN_KEEP_FORMATTING= man --warnings -E UTF-8 -l "$page" 2>"$warnings" | col -b)
[[ ! -s "$warnings" ]] || { cat "$warnings"; fail "man reports warnings"; }
for section in NAME SYNOPSIS DESCRIPTION OPTIONS DEFINITIONS "EXIT STATUS" ENVIRONMENT EXAMPLES; do
    grep -qx "$section" <<<"$text" || fail "no $section section"
done
expect_match "NAME" '^ +churn - customer churn and retention calculator$' "$text"
expect_match "NO_COLOR" '^ +NO_COLOR$' "$text"
# Every long option of every command appears.
commands=$("$churn" --help | sed -n '/^Subcommands:/I,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[[ -n "$commands" ]] || fail "no commands in churn --help"
for command in $commands; do
    grep -q "Options of churn $command:" <<<"$text" || fail "no options of churn $command"
    for option in $("$churn" "$command" --help | grep -oE '^ +(-[a-z], *)?--[a-z][a-z-]*' | sed 's/.*--/--/'); do
        grep -qF -- "$option" <<<"$text" || fail "$option (churn $command) is not in the man page"
    done
done
echo "man page: ok"
