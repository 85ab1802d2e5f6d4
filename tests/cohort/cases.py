"""The hand-made cases of `churn cohort`: cases/NAME/ holds the log (every file whose name starts
with `log`, in name order), `args` (the flags, one shell line), `expected.csv` (the table worked
out by hand) and `worked.md` (how)."""
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
FILES = {"args", "expected.csv", "worked.md"}


def names():
    return sorted(d for d in os.listdir(CASES) if os.path.isdir(os.path.join(CASES, d)))


def load(name):
    """(log paths, flags, expected text) of one case."""
    folder = os.path.join(CASES, name)
    logs = [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if f.startswith("log")]
    with open(os.path.join(folder, "args"), encoding="utf-8") as handle:
        flags = shlex.split(handle.read())
    with open(os.path.join(folder, "expected.csv"), encoding="utf-8") as handle:
        expected = handle.read()
    return logs, flags, expected


def problems(name):
    """What is missing from or stray in one case's folder."""
    present = set(os.listdir(os.path.join(CASES, name)))
    found = [f"no {f}" for f in sorted(FILES - present)]
    if not any(f.startswith("log") for f in present):
        found.append("no log file")
    found += [f"stray file {f}" for f in sorted(present - FILES) if not f.startswith("log")]
    return found


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


REFERENCE = [sys.executable, os.path.join(HERE, "reference.py")]
