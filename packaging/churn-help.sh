#!/bin/sh
# The text help2man turns into churn(1): the real `churn --help` up to its examples, then the
# options of every command (from `churn COMMAND --help`), so that the man page lists every
# option and cannot drift from the program. The examples, exit status and definitions come
# from churn.h2m, where each example is a tested command with its real output.
# Usage: CHURN=path/to/churn churn-help.sh --help|--version
set -eu
: "${CHURN:?set CHURN to the churn program}"
case "${1:-}" in
    --version) exec "$CHURN" --version ;;
    --help) ;;
    *) echo "usage: CHURN=churn $0 --help|--version" >&2; exit 2 ;;
esac

# CLI11's layout differs between versions (2.5+: "OPTIONS:", no "Usage:" before the usage line,
# "-h,     --help"): headings are matched in any case and the usage line gets the "Usage:"
# help2man makes the SYNOPSIS of.
top=$("$CHURN" --help | sed -e 's/^OPTIONS:$/Options:/' -e 's/^SUBCOMMANDS:$/Subcommands:/' \
    -e 's/^churn \[OPTIONS\]/Usage: &/')
printf '%s\n' "$top" | sed '/^Examples:/,$d'
commands=$(printf '%s\n' "$top" | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
for command in $commands; do
    printf 'Options of churn %s:\n' "$command"
    # The command's own group: from "Options:" to the first blank line, without --help.
    "$CHURN" "$command" --help | sed -n '/^Options:/I,/^$/p' | sed '1d;/^$/d;/^  -h, *--help /d'
    printf '\n'
done
printf 'Options every command takes:\n'
"$CHURN" rate --help | sed -n '/^Output:/I,/^$/p' | sed '1d;/^$/d'
