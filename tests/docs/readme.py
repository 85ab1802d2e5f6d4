#!/usr/bin/env python3
"""The README stays true: every `$ command` of its console blocks runs, and its output must be
what the README shows (the way jq tests its manual); the library example it quotes must be
examples/library_example.cpp and its output, byte for byte.

    readme.py CHURN README.md EXAMPLES_DIR

In a console block, a line `$ cmd` is run by bash in a fresh directory with `churn` standing
for the binary under test; the lines after it, up to the next `$ ` line or the end of the
block, are its standard output and standard error as they appear on a terminal. `$ cat FILE`
lines are not run: what follows them becomes FILE, the input of the commands after it.
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile


def console_blocks(text):
    for match in re.finditer(r"^```console\n(.*?)^```$", text, re.S | re.M):
        yield text.count("\n", 0, match.start()) + 2, match.group(1).splitlines()


def commands(first_line, lines):
    """(line number, command, expected output lines) for each `$ ` line of a block."""
    current = None
    for offset, line in enumerate(lines):
        if line.startswith("$ "):
            if current:
                yield current
            current = (first_line + offset, line[2:], [])
        elif current is None:
            raise SystemExit(f"README.md:{first_line + offset}: output before any `$ ` command")
        else:
            current[2].append(line)
    if current:
        yield current


def fenced_after(text, marker, fence):
    start = text.index(marker)
    start = text.index(fence + "\n", start) + len(fence) + 1
    return text[start:text.index("```\n", start)]


def main():
    churn, readme, examples = sys.argv[1:]
    text = open(readme, encoding="utf-8").read()
    failures = 0
    checked = 0
    env = dict(os.environ, LC_ALL="C.UTF-8", TERM="dumb", CHURN_BIN=os.path.abspath(churn))
    env.pop("NO_COLOR", None)
    with tempfile.TemporaryDirectory() as work:
        for first_line, lines in console_blocks(text):
            for line_no, command, expected in commands(first_line, lines):
                cat = re.fullmatch(r"cat (\S+)", command)
                if cat:
                    with open(os.path.join(work, cat.group(1)), "w", encoding="utf-8") as f:
                        f.write("".join(line + "\n" for line in expected))
                    continue
                script = 'churn() { "$CHURN_BIN" "$@"; }\n' + command
                run = subprocess.run(["bash", "-c", script], cwd=work, env=env, text=True,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, timeout=60)
                actual = run.stdout.splitlines()
                checked += 1
                if actual != expected:
                    failures += 1
                    print(f"README.md:{line_no}: $ {command}")
                    sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(
                        expected, actual, "README", "actual", lineterm=""))
    # The library example, quoted whole, and what it prints.
    for marker, fence, path in [
        ("// Using churn::core directly", "```cpp", None),
        ("prints (`examples/library_example.expected`", "```", "library_example.expected"),
    ]:
        if path is None:
            start = text.index("```cpp\n" + marker) + len("```cpp\n")
            quoted = text[start:text.index("```\n", start)]
            path = "library_example.cpp"
        else:
            quoted = fenced_after(text, marker, fence)
        real = open(os.path.join(examples, path), encoding="utf-8").read()
        checked += 1
        if quoted != real:
            failures += 1
            print(f"README.md quotes examples/{path} differently:")
            sys.stdout.writelines(difflib.unified_diff(
                real.splitlines(True), quoted.splitlines(True), path, "README.md"))
    print(f"{checked} README examples checked, {failures} differ")
    return 1 if failures or checked < 10 else 0


if __name__ == "__main__":
    sys.exit(main())
