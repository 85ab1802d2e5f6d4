#!/usr/bin/env python3
"""Every Catch2 test case of one test binary runs as exactly one ctest entry.

catch_discover_tests turns each listed test name into a ctest entry that runs the binary with
that name as its test spec. A name CMake cannot carry (Catch2 2 splits one with ';' into two
entries) or a spec that matches nothing gives entries that run no test case and still pass, and
test cases that never run. This check runs every entry of the binary as ctest would, listing
instead of running, and fails unless each lists exactly its own test case and every test case of
the binary is some entry's.

    check_catch_tests.py CTEST CATCH_MAJOR PREFIX BINARY    (run in the top build directory)
"""
import json
import subprocess
import sys


def listed(command, major, cwd=None):
    flags = ["--list-test-names-only"] if major == "2" else ["--list-tests", "--verbosity", "quiet"]
    run = subprocess.run(command + flags, cwd=cwd, capture_output=True, text=True, check=False)
    # Catch2 2 exits with the number of listed tests, Catch2 3 with 0.
    if run.returncode < 0 or (major == "3" and run.returncode != 0):
        sys.exit(f"{' '.join(command)} failed listing its tests:\n{run.stderr}")
    return [line for line in run.stdout.splitlines() if line.strip()]


def main():
    ctest, major, prefix, binary = sys.argv[1:]
    prefix = prefix.rstrip()  # Catch2 2's discovery drops the prefix's trailing blank
    problems = []
    names = listed([binary], major)
    for name in names:
        if ";" in name:
            problems.append(f"test name with ';' (CMake splits it into two ctest entries): {name}")
    if len(set(names)) != len(names):
        problems.append("two test cases share a name")

    show = subprocess.run([ctest, "--show-only=json-v1"], capture_output=True, text=True, check=True)
    covered = []
    for test in json.loads(show.stdout)["tests"]:
        if not test["name"].startswith(prefix) or "command" not in test:
            continue
        if test["command"][0] != binary:
            continue
        cwd = next((p["value"] for p in test.get("properties", [])
                    if p["name"] == "WORKING_DIRECTORY"), None)
        runs = listed(test["command"], major, cwd)
        want = test["name"][len(prefix):].lstrip()
        if runs != [want]:
            problems.append(f"ctest entry '{test['name']}' runs {len(runs)} test cases {runs}, "
                            f"not just '{want}'")
        covered += runs
    for name in sorted(set(names) - set(covered)):
        problems.append(f"test case no ctest entry runs: {name}")
    for problem in problems:
        print(problem)
    print(f"{binary}: {len(names)} test cases, {len(covered)} run by ctest entries '{prefix}…'")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
