"""What the hand-made cases of tests/events and tests/cohort share: running the binary, and
saying where its output first differs from the table worked out by hand."""
import subprocess


def first_difference(got, expected):
    """None when equal, else a line saying where and how the two texts first differ."""
    if got == expected:
        return None
    got_lines, expected_lines = got.splitlines(), expected.splitlines()
    for number, (g, e) in enumerate(zip(got_lines, expected_lines), 1):
        if g != e:
            return f"line {number}:\n  expected {e}\n  got      {g}"
    if len(got_lines) != len(expected_lines):
        number = min(len(got_lines), len(expected_lines)) + 1
        more = expected_lines if len(expected_lines) > len(got_lines) else got_lines
        which = "missing" if more is expected_lines else "extra"
        return f"line {number}: {which} line {more[number - 1]}"
    return "the same lines, but not the same bytes (line ends or the last newline)"


def run(command):
    """(exit status, standard output, standard error) of a command."""
    done = subprocess.run(command, capture_output=True, check=False)
    return (done.returncode, done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"))


def run_case(churn, subcommand, name, logs, flags, expected):
    """0 when `churn SUBCOMMAND FLAGS LOGS` exits 0 printing `expected`; else 1, saying why."""
    command = [churn, subcommand, *flags, *logs]
    status, out, err = run(command)
    if status != 0:
        print(f"FAIL {name}: {' '.join(command)} exited {status}\n{err}")
        return 1
    problem = first_difference(out, expected)
    if problem:
        print(f"FAIL {name}: {' '.join(command)}\n{problem}")
        return 1
    return 0
