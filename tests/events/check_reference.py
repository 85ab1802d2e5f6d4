#!/usr/bin/env python3
"""The oracle is tested too: reference.py must print, for every hand-made case, exactly the
table worked out by hand in expected/NAME.csv; and every case, log and expectation is used.

    check_reference.py
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import cases  # noqa: E402

REFERENCE = os.path.join(cases.HERE, "reference.py")


def main():
    failures = 0
    used_logs = set()
    for name in cases.names():
        logs, flags, expected = cases.load(name)
        used_logs.update(os.path.basename(log) for log in logs)
        status, out, err = cases.run([sys.executable, REFERENCE, *flags, *logs])
        problem = (f"exit {status}: {err.strip()}" if status
                   else cases.first_difference(out, expected))
        if problem:
            failures += 1
            print(f"FAIL {name}: {problem}")
    expectations = {f[:-4] for f in os.listdir(os.path.join(cases.HERE, "expected"))}
    for stray in sorted(expectations - set(cases.names())):
        failures += 1
        print(f"FAIL expected/{stray}.csv: no cases/{stray}.case uses it")
    for stray in sorted(set(os.listdir(os.path.join(cases.HERE, "logs"))) - used_logs):
        failures += 1
        print(f"FAIL logs/{stray}: no case reads it")
    print(f"{len(cases.names())} cases, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
