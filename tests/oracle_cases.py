"""What the hand-made cases of tests/events and tests/cohort share: running the binary, and
saying where its output first differs from the table worked out by hand. Run as a script, one
case on the real binary: `churn COMMAND FLAGS LOGS` must print the case's expected table byte
for byte (standard output; notes on standard error are not compared) and exit 0.

    oracle_cases.py CHURN events|cohort NAME
"""
import importlib.util
import os
import subprocess
import sys


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


def main(churn, command, name):
    # tests/COMMAND/cases.py knows where that command's cases and their tables are.
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), command, "cases.py")
    spec = importlib.util.spec_from_file_location(f"{command}_cases", path)
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    logs, flags, expected = cases.load(name)
    return run_case(churn, command, name, logs, flags, expected)


if __name__ == "__main__":
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    if len(sys.argv) != 4 or sys.argv[2] not in ("events", "cohort"):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
