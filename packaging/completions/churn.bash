# bash completion for churn(1), customer churn and retention calculator.
# Completes the commands, the values of --format, --color, --basis, --period, --from and --to,
# file names after --scores (and for batch and events), and every long option that `churn [COMMAND] --help`
# lists, the way bash-completion's _longopt does. Installed as
# $(pkg-config --variable=completionsdir bash-completion)/churn.

_churn_help()
{
    # The help of the command being completed; `rate` is the default command.
    LC_ALL=C "$1" "${2:-rate}" --help 2>/dev/null
}

_churn()
{
    local cur prev words cword split
    _init_completion -s || return

    local churn=${words[0]} command=
    local commands
    commands=$(LC_ALL=C "$churn" --help 2>/dev/null |
        sed -n '/^[Ss][Uu][Bb][Cc][Oo][Mm][Mm][Aa][Nn][Dd][Ss]:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
    commands=${commands//$'\n'/ }
    [[ -n $commands ]] ||
        commands="rate retention rpr ltv lost-revenue lifetime convert revenue nps batch events cohort"
    if ((cword > 1)) && [[ " $commands " == *" ${words[1]} "* ]]; then
        command=${words[1]}
    fi

    case $prev in
        --format)
            # The values CLI11 lists for this command: "--format FORMAT:{text,json,csv,tsv}".
            local formats
            formats=$(_churn_help "$churn" "$command" |
                sed -n 's/^ *--format [A-Z]*:{\([^}]*\)}.*/\1/p' | tr ',' ' ')
            COMPREPLY=($(compgen -W "${formats:-text json csv tsv}" -- "$cur"))
            return
            ;;
        --color)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return
            ;;
        --basis)
            COMPREPLY=($(compgen -W "start exposed average" -- "$cur"))
            return
            ;;
        --period)
            # none: a snapshot that covers no period.
            COMPREPLY=($(compgen -W "day week month quarter half year none" -- "$cur"))
            return
            ;;
        --from | --to)
            COMPREPLY=($(compgen -W "day week month quarter half year" -- "$cur"))
            return
            ;;
        --scores)
            _filedir
            [[ - == "$cur"* ]] && COMPREPLY+=(-)
            return
            ;;
        -h | --help | --version)
            return
            ;;
        --*)
            # Every other option takes a value (a number) unless the help shows no metavar.
            if _churn_help "$churn" "$command" | grep -q -- "^ *\(-[a-z], *\)\{0,1\}$prev [A-Z]"; then
                return
            fi
            ;;
    esac
    $split && return

    if [[ $cur == -* ]]; then
        local options
        options=$(_parse_help "$churn" "${command:-rate} --help")
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
    elif ((cword == 1)); then
        COMPREPLY=($(compgen -W "$commands help" -- "$cur"))
    elif ((cword == 2)) && [[ ${words[1]} == help ]]; then
        COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    elif [[ $command == batch || $command == events || $command == cohort ]]; then
        _filedir
    fi
} &&
    complete -F _churn churn
