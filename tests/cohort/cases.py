"""The hand-made cases of `churn cohort`: cases/NAME/ holds the log (every file whose name starts
with `log`, in name order), `args` (the flags, one shell line), `expected.csv` (the table worked
out by hand) and `worked.md` (how)."""
import os
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
# Running the binary and comparing its output: shared with tests/events.
from oracle_cases import first_difference, run, run_case  # noqa: E402,F401
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


REFERENCE = [sys.executable, os.path.join(HERE, "reference.py")]
