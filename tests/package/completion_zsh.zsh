# Runs the zsh completion function _churn outside the line editor, with the completion
# system's helpers replaced by stubs that print what would be offered, one per line.
# Usage: zsh -f completion_zsh.zsh COMPLETION_DIR WORD...   (the last word is being completed)
emulate -L zsh
fpath=($1 $fpath)
shift
autoload -Uz _churn

_call_program() { shift; eval "$@" }
_describe() {  # _describe [-t tag] description array
    local -a opts; zparseopts -D -a opts t: ; shift
    local name
    for name in ${(P)1}; do print -r -- ${name%%:*}; done
}
_values() { shift; print -rl -- "$@" }
_alternative() { local spec; for spec in "$@"; do print -r -- "alternative:${spec%%:*}"; done }
_files() { print -r -- "files" }

words=("$@")
CURRENT=$#words
PREFIX=$words[CURRENT]
_churn | grep -- "^${(b)PREFIX}" | sort
