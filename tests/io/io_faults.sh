#!/usr/bin/env bash
# I/O fault tests of the built churn, end to end (RELIABILITY.md §3c, §5.6): a full disk, a
# closed pipe with SIGPIPE at its default and ignored, a closed stdout, a directory, a missing
# file, an unreadable file (as a non-root user), a FIFO, a closed or directory stdin, a
# 100 MB line read in bounded memory (nps --scores and batch), Ctrl-C during batch, and
# stdout written before stderr. Each case is one CTest test.
# Usage: io_faults.sh CASE CHURN      (exit 0 pass, 1 fail, 77 skipped)
set -uo pipefail
case_name=$1
churn=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
work=$(mktemp -d)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

fail() {
    echo "FAIL ($case_name): $*" >&2
    exit 1
}
skip() {
    echo "SKIP ($case_name): $*" >&2
    exit 77
}
# run CMD...: runs with stdout in $work/out, stderr in $work/err, status in $status.
run() {
    "$@" >"$work/out" 2>"$work/err"
    status=$?
}
expect_status() { [[ $status == "$1" ]] || fail "exit status $status, expected $1; stderr: $(cat "$work/err")"; }
expect_stderr() {
    local actual
    actual=$(cat "$work/err")
    [[ "$actual" == "$1" ]] || fail "stderr is '$actual', expected '$1'"
}
expect_no_stdout() { [[ ! -s "$work/out" ]] || fail "stdout is not empty: $(head -c 200 "$work/out")"; }
expect_quiet() { [[ ! -s "$work/err" ]] || fail "stderr is not empty: $(cat "$work/err")"; }

# measure RSS_FILE CMD...: runs CMD (stdin, stdout and stderr as given) and writes its peak
# resident memory in kB to RSS_FILE; returns CMD's status.
measure() {
    local rss_file=$1
    shift
    if [[ -x /usr/bin/time && -z ${CHURN_TEST_NO_TIME:-} ]]; then
        /usr/bin/time -f %M -o "$rss_file" "$@"
    elif command -v python3 >/dev/null; then
        python3 -c '
import resource, subprocess, sys
status = subprocess.run(sys.argv[2:]).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=open(sys.argv[1], "w"))
sys.exit(status)' "$rss_file" "$@"
    else
        skip "neither /usr/bin/time nor python3 is installed to measure memory"
    fi
}

# A pipe whose reader is gone before churn writes: a FIFO opened read-write on fd 3 lets fd 4
# open for writing, then fd 3 (the only reader) is closed. Deterministic, unlike `| head`.
closed_pipe_run() {  # closed_pipe_run IGNORE_SIGPIPE CMD...
    local ignore=$1
    shift
    mkfifo "$work/fifo"
    (
        exec 3<>"$work/fifo" 4>"$work/fifo" 3<&-
        if [[ $ignore == yes ]]; then trap '' PIPE; fi
        exec "$@" >&4 2>"$work/err"
    )
    status=$?
}

case $case_name in
    dev-full)
        # A full disk: every command that prints, and --help and --version, fail loudly.
        for args in "--start 400 --lost 19" "--start 400 --lost 19 --format json" "--help" \
            "--version" "nps --promoters 6 --passives 2 --detractors 2 -q"; do
            # shellcheck disable=SC2086
            "$churn" $args >/dev/full 2>"$work/err"
            status=$?
            expect_status 2
            expect_stderr "churn: error: write error: No space left on device"
        done
        ;;
    stdout-closed)
        "$churn" --start 400 --lost 19 >&- 2>"$work/err"
        status=$?
        expect_status 2
        expect_stderr "churn: error: write error: Bad file descriptor"
        ;;
    pipe-head)
        # The everyday case: whatever the timing, nothing on stderr and head gets line 1.
        for ignore in no yes; do
            first=$(
                if [[ $ignore == yes ]]; then trap '' PIPE; fi
                "$churn" --help 2>"$work/err" | head -1
                echo "${PIPESTATUS[0]}" >"$work/status"
            )
            status=$(cat "$work/status")
            [[ "$first" == "churn "* ]] || fail "head -1 got '$first'"
            expect_quiet
            [[ $status == 0 || ($ignore == no && $status == 141) ]] ||
                fail "exit status $status with SIGPIPE ignored=$ignore"
        done
        ;;
    pipe-closed-sigpipe-default)
        # Killed by SIGPIPE like cat or seq (the shell sees 141), without a word.
        closed_pipe_run no "$churn" --start 400 --lost 19
        expect_status 141
        expect_quiet
        ;;
    pipe-closed-sigpipe-ignored)
        # EPIPE instead of the signal: a quiet, successful end, as ripgrep and xsv do.
        closed_pipe_run yes "$churn" --start 400 --lost 19
        expect_status 0
        expect_quiet
        ;;
    directory)
        mkdir data
        run "$churn" nps --scores data
        expect_status 2
        expect_no_stdout
        expect_stderr "churn: error: data: Is a directory"
        ;;
    stdin-directory)
        mkdir data
        run "$churn" nps --scores - <data
        expect_status 2
        expect_no_stdout
        expect_stderr "churn: error: <stdin>: Is a directory"
        ;;
    stdin-closed)
        run "$churn" nps --scores - <&-
        expect_status 2
        expect_no_stdout
        expect_stderr "churn: error: <stdin>: Bad file descriptor"
        ;;
    missing-file)
        run "$churn" nps --scores nope.csv
        expect_status 2
        expect_no_stdout
        expect_stderr "churn: error: nope.csv: No such file or directory"
        ;;
    unreadable-file)
        printf '10\n9\n' >scores.txt
        chmod 000 scores.txt
        if ((EUID == 0)); then
            # root reads mode-000 files, so run as nobody; the program must be reachable.
            command -v setpriv >/dev/null || skip "setpriv (util-linux) is not installed"
            install -m 755 "$churn" "$work/churn"
            as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
            "${as_nobody[@]}" true 2>/dev/null || skip "setpriv cannot switch to uid 65534 here"
            run "${as_nobody[@]}" "$work/churn" nps --scores scores.txt
        else
            run "$churn" nps --scores scores.txt
        fi
        expect_status 2
        expect_no_stdout
        expect_stderr "churn: error: scores.txt: Permission denied"
        ;;
    fifo)
        mkfifo scores.fifo
        printf '10\n9\n6\n' >scores.fifo &
        run "$churn" nps --scores scores.fifo -q
        wait
        expect_status 0
        expect_quiet
        [[ "$(cat "$work/out")" == "33.33" ]] || fail "stdout is '$(cat "$work/out")'"
        ;;
    long-line)
        # 100 MB without a newline, from a pipe and from /dev/zero: a clear error after the
        # documented limit (1 MiB per line), in bounded memory.
        limit_kb=$((200 * 1024))  # far below what holding the line would take (> 300 MB)
        head -c 100000000 /dev/zero | tr '\0' 7 |
            measure "$work/rss" "$churn" nps --scores - >"$work/out" 2>"$work/err"
        status=${PIPESTATUS[2]}
        expect_status 2
        expect_no_stdout
        expect_stderr "churn: error: <stdin>:1: field longer than 1048576 bytes"
        rss=$(tail -1 "$work/rss")
        ((rss < limit_kb)) || fail "max RSS ${rss} kB for a 100 MB line"
        measure "$work/rss" "$churn" nps --scores /dev/zero >"$work/out" 2>"$work/err"
        status=$?
        expect_status 2
        expect_stderr "churn: error: /dev/zero:1: NUL byte in input (binary file?)"
        rss=$(tail -1 "$work/rss")
        ((rss < limit_kb)) || fail "max RSS ${rss} kB reading /dev/zero"
        ;;
    batch-long-line)
        # churn batch on 100 MB without a newline: one huge field, a huge run of CR bytes, and
        # 50 million tiny fields. Each a clear error past a documented limit (1 MiB a field,
        # 65536 fields a record), in bounded memory.
        limit_kb=$((200 * 1024))
        digits() { head -c 100000000 /dev/zero | tr '\0' 7; }
        carriage_returns() { head -c 100000000 /dev/zero | tr '\0' '\r'; }
        tiny_fields() { yes 1, | tr -d '\n' | head -c 100000000; }
        for input in digits carriage_returns tiny_fields; do
            expected="field longer than 1048576 bytes"
            [[ $input == tiny_fields ]] && expected="more than 65536 fields in one record"
            [[ $input == carriage_returns ]] &&
                expected="a carriage return (CR) ends no line: the file has old Mac line ends (CR only); convert them to LF, e.g. tr '\\r' '\\n'"
            $input | measure "$work/rss" "$churn" batch - >"$work/out" 2>"$work/err"
            status=${PIPESTATUS[1]}
            expect_status 2
            expect_no_stdout
            expect_stderr "churn: error: <stdin>:1: $expected"
            rss=$(tail -1 "$work/rss")
            ((rss < limit_kb)) || fail "max RSS ${rss} kB for a 100 MB line ($input)"
        done
        ;;
    batch-interrupt)
        # Ctrl-C while churn batch waits for input: it dies of SIGINT like any filter (the
        # shell sees 130), says nothing, and leaves no file behind, here or in TMPDIR.
        set -m  # background jobs get the default SIGINT instead of an ignored one
        mkdir tmp
        mkfifo periods.fifo
        { printf 'period,start,lost\nJan,400,19\n'; sleep 30; } >periods.fifo 2>/dev/null &
        writer=$!
        TMPDIR=$work/tmp "$churn" batch periods.fifo >out.csv 2>"$work/err" &
        pid=$!
        sleep 0.5
        kill -INT "$pid"
        wait "$pid"
        status=$?
        kill -- -"$writer" 2>/dev/null  # the writer's whole job, its sleep included
        wait "$writer" 2>/dev/null
        expect_status 130
        expect_quiet
        leftover=$(ls -A | grep -vxE 'tmp|periods\.fifo|out\.csv|out|err')
        [[ -z "$leftover" ]] || fail "files left behind: $leftover"
        [[ -z "$(ls -A tmp)" ]] || fail "files left in TMPDIR: $(ls -A tmp)"
        ;;
    stdout-before-stderr)
        # The number, then the verdict on stderr, in that order on a shared pipe or terminal
        # (regression: the verdict used to come first, stdout being flushed only at exit).
        both=$("$churn" --start 400 --lost 19 --expect 4.7 -q 2>&1)
        status=$?
        expect_status 1
        [[ "$both" == $'4.75\nchurn: mismatch: expected 4.7; exact 4.75% is 4.8% at 1 decimal' ]] ||
            fail "stdout and stderr interleaved as: $both"
        ;;
    *)
        fail "unknown case"
        ;;
esac
echo "ok: $case_name"
