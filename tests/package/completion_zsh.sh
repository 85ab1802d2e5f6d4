#!/usr/bin/env bash
# The zsh completion _churn parses in zsh and offers the commands, option values and options
# (run with the completion system's helpers stubbed, see completion_zsh.zsh).
# Usage: completion_zsh.sh COMPLETION_DIR CHURN
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dir=$1 churn=$2
command -v zsh >/dev/null || skip "zsh is not installed"
zsh -n "$dir/_churn" || fail "_churn does not parse"
head -1 "$dir/_churn" | grep -qx '#compdef churn' || fail "_churn does not start with #compdef churn"
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT
ln -s "$(cd "$(dirname "$churn")" && pwd)/$(basename "$churn")" "$bindir/churn"
driver=$(cd "$(dirname "$0")" && pwd)/completion_zsh.zsh

check() {  # check EXPECTED WORD...
    local expected=$1 actual
    shift
    actual=$(PATH="$bindir:$PATH" zsh -f "$driver" "$dir" "$@" | tr '\n' ' ' | sed 's/ $//')
    if [[ "$actual" != "$expected" ]]; then
        echo "trace of the failing completion:" >&2
        PATH="$bindir:$PATH" zsh -f -x "$driver" "$dir" "$@" 2>&1 | tail -40 >&2
    fi
    expect_eq "zsh completion of '$*'" "$expected" "$actual"
}
check "retention revenue" churn re
check "csv json text tsv" churn --format ""
check "json" churn nps --format j
check "always auto" churn --color a
check "average exposed start" churn --basis ""
check "quarter" churn convert --from q
check "--start" churn --st
check "--lost --lost-new" churn --start 400 --los
check "--scores" churn nps --sc
check "--version" churn --vers
check "alternative:files alternative:stdin" churn nps --scores ""
check "" churn --start ""
echo "zsh completion: ok"
