"""The hand-made cases of `churn events`: cases/NAME.case names its log files (in logs/) and its
flags, and explains the figures of expected/NAME.csv, worked out by hand from the log."""
import os
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
# Running the binary and comparing its output: shared with tests/cohort.
from oracle_cases import first_difference, run, run_case  # noqa: E402,F401


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
