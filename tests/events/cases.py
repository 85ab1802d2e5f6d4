"""The hand-made cases of `churn events`: cases/NAME.case names its log files (in logs/) and its
flags, and explains the figures of expected/NAME.csv, worked out by hand from the log."""
import os
import shlex
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def names():
    return sorted(f[:-5] for f in os.listdir(os.path.join(HERE, "cases")) if f.endswith(".case"))


def load(name):
    """(log paths, flags, expected text) of one case."""
    fields = {}
    with open(os.path.join(HERE, "cases", name + ".case"), encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#") and ":" in line:
                key, _, value = line.partition(":")
                fields[key.strip()] = value.strip()
    logs = [os.path.join(HERE, "logs", f) for f in fields["log"].split()]
    with open(os.path.join(HERE, "expected", name + ".csv"), encoding="utf-8") as handle:
        expected = handle.read()
    return logs, shlex.split(fields.get("flags", "")), expected


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
