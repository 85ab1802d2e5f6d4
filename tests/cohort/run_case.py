#!/usr/bin/env python3
"""One hand-made case on the real binary: `churn cohort FLAGS LOGS` must print
cases/NAME/expected.csv byte for byte (standard output; notes on standard error are not
compared) and exit 0.

    run_case.py CHURN NAME
"""
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import cases  # noqa: E402


def main(churn, name):
    logs, flags, expected = cases.load(name)
    return cases.run_case(churn, "cohort", name, logs, flags, expected)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
