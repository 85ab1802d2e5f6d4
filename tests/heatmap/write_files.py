#!/usr/bin/env python3
"""Writes `churn cohort LOG` as the long form, SVG and HTML into OUTDIR (cohort.csv, .svg,
.html), for svg_check.py and html_render.py to read; with --check, runs both on them too (for
the real data, where one test does it all). Exit 77 when LOG is absent (real data not here).

    write_files.py [--check] CHURN OUTDIR LOG [churn cohort flags…]
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    args = sys.argv[1:]
    check = args[:1] == ["--check"]
    if check:
        args = args[1:]
    if len(args) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    churn, outdir, log, flags = args[0], args[1], args[2], args[3:]
    if not os.path.exists(log):
        print(f"write_files: skipped, {log} is absent")
        sys.exit(77)
    os.makedirs(outdir, exist_ok=True)
    for fmt in ("csv", "svg", "html"):
        path = os.path.join(outdir, f"cohort.{fmt}")
        with open(path, "wb") as out:
            result = subprocess.run([churn, "cohort", log, "--format", fmt] + flags, stdout=out,
                                    stderr=subprocess.PIPE, text=True, timeout=300)
        if result.returncode != 0:
            print(f"write_files: churn cohort --format {fmt} exited {result.returncode}: "
                  f"{result.stderr}", file=sys.stderr)
            sys.exit(1)
    print(f"write_files: {outdir}/cohort.csv, .svg, .html")
    if not check:
        return
    csv_path = os.path.join(outdir, "cohort.csv")
    for page in ("cohort.svg", "cohort.html"):
        subprocess.run([sys.executable, os.path.join(HERE, "svg_check.py"),
                        os.path.join(outdir, page), csv_path], check=True)
    render = subprocess.run([sys.executable, os.path.join(HERE, "html_render.py"),
                             os.path.join(outdir, "cohort.html"), os.path.join(outdir, "render")])
    sys.exit(render.returncode)


if __name__ == "__main__":
    main()
