#!/usr/bin/env bash
# The bash completion, sourced into bash with bash-completion loaded, completes commands,
# option values and long options (asked for as bash does: COMP_WORDS, COMP_CWORD, COMPREPLY).
# Usage: completion_bash.sh COMPLETION_FILE CHURN
set -uo pipefail
source "$(dirname "$0")/lib.sh"
completion=$1 churn=$2
bash_completion=${BASH_COMPLETION:-/usr/share/bash-completion/bash_completion}
[[ -f "$bash_completion" ]] || skip "bash-completion is not installed"
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT
ln -s "$(cd "$(dirname "$churn")" && pwd)/$(basename "$churn")" "$bindir/churn"
mkdir "$bindir/files" && touch "$bindir/files/scores.txt"
cd "$bindir"

BASH_COMPLETION_USER_DIR=/nonexistent source "$bash_completion"
source "$completion"
PATH="$bindir:$PATH"
expect_eq "complete -p churn" "complete -F _churn churn" "$(complete -p churn)"

# complete WORD... : the completions offered for the last word, one line, sorted.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _churn churn "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}
check() {  # check EXPECTED WORD...
    local expected=$1
    shift
    expect_eq "completion of '$*'" "$expected" "$(complete_words "$@")"
}

check "retention revenue" churn re
check "convert" churn con
check "lost-revenue" churn los
check "--lost --lost-new" churn lost-revenue --lo
check "csv json text tsv" churn --format ""
check "json" churn nps --format j
check "json" churn --format=j
check "always auto" churn --color a
check "never" churn rate --color n
check "average exposed start" churn --basis ""
check "quarter" churn convert --from q
check "week" churn convert --to w
check "--start" churn --st
check "--lost --lost-new" churn --start 400 --los
check "--version" churn --vers
check "--scores" churn nps --sc
check "--promoters" churn nps --pro
check "--churned --color --contraction" churn revenue --c
check "" churn --start ""
check "files/scores.txt" churn nps --scores files/s
check "none" churn --period no
check "" churn convert --from no
check "help" churn hel
check "batch" churn help ba
all=$(complete_words churn "")
for command in rate retention rpr ltv lost-revenue lifetime convert revenue nps; do
    grep -qw "$command" <<<"$all" || fail "command $command is not completed: $all"
done
echo "bash completion: ok"
