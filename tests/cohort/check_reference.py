#!/usr/bin/env python3
"""The oracle is tested too: reference.py must print, for every hand-made case, exactly the
table worked out by hand in cases/NAME/expected.csv, and every case folder must be whole.

    check_reference.py
"""
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import cases  # noqa: E402


def main():
    failures = 0
    for name in cases.names():
        problem = "; ".join(cases.problems(name))
        if not problem:
            logs, flags, expected = cases.load(name)
            status, out, err = cases.run([*cases.REFERENCE, *flags, *logs])
            problem = (f"exit {status}: {err.strip()}" if status
                       else cases.first_difference(out, expected))
        if problem:
            failures += 1
            print(f"FAIL {name}: {problem}")
    print(f"{len(cases.names())} cases, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
