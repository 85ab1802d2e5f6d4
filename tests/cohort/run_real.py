#!/usr/bin/env python3
"""`churn cohort` on real public data (../shared/data, README there): its table must equal
reference.py's on the same log and flags. On CDNOW both must also show the issue's figure,
counted here again from the raw file: the January-1997 cohort has 7,846 customers and 14.75%
of them ordered again in February (1,157).

    run_real.py CHURN DATA_DIR CASE         CASE: one of CASES below
    run_real.py --reference DATA_DIR CASE   the reference alone (its table on stdout)

CHURN_DATA in the environment, when set, replaces DATA_DIR. Exit 77 (skipped) when the data
set is absent.
"""
import csv
import glob
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import cases  # noqa: E402

RETAIL = ["--quantity", "Quantity", "--price", "UnitPrice"]  # the rest is guessed by name
CDNOW = ["--delimiter", "whitespace", "--amount", "dollar_value"]
CASES = {
    "cdnow-month": ("cdnow", CDNOW),
    "cdnow-month-unbounded": ("cdnow", CDNOW + ["--retention", "unbounded"]),
    "cdnow-wide": ("cdnow", CDNOW + ["--wide", "--show", "ltv"]),
    "retail-month": ("retail", RETAIL),
    "retail-month-unbounded-wide": ("retail", RETAIL + ["--retention", "unbounded", "--wide"]),
}


def cdnow_january(path):
    """(size, active in February) of the January-1997 cohort, from the raw file."""
    first, months = {}, {}
    with open(path, encoding="ascii") as handle:
        next(handle)  # the header
        for line in handle:
            customer, day, _, _ = line.split()
            first[customer] = min(first.get(customer, day), day)
            months.setdefault(customer, set()).add(day[:6])
    january = [c for c, day in first.items() if day.startswith("199701")]
    return len(january), sum("199702" in months[c] for c in january)


def check_cdnow(who, text, flags):
    """The issue's figure in a long table: 1997-01 at age 1."""
    if "--wide" in flags:
        return
    cell = next((r for r in csv.DictReader(text.splitlines())
                 if r["cohort"] == "1997-01" and r["age"] == "1"), None)
    if cell is None:
        raise SystemExit(f"FAIL {who}: no cell 1997-01 at age 1")
    if cell["customers"] != "7846":
        raise SystemExit(f"FAIL {who}: 1997-01 has {cell['customers']} customers, not 7846")
    if "--retention" not in flags and (cell["active"], cell["retention_pct"]) != ("1157",
                                                                                  "14.75"):
        raise SystemExit(f"FAIL {who}: 1997-01 at age 1: {cell['active']} active, "
                         f"{cell['retention_pct']}%, not 1157 and 14.75%")


def main(churn, data, name):
    data = os.environ.get("CHURN_DATA") or data
    dataset, flags = CASES[name]
    if dataset == "retail":
        logs = sorted(glob.glob(os.path.join(data, "retail-data-by-day", "*.csv")))
        if not logs:
            print(f"skipped: no {os.path.join(data, 'retail-data-by-day')}/*.csv")
            return 77
    else:
        logs = [os.path.join(data, "CDNOW_master.txt")]
        if not os.path.exists(logs[0]):
            print(f"skipped: no {logs[0]}")
            return 77
        size, active = cdnow_january(logs[0])
        if (size, active, round(100 * active / size, 2)) != (7846, 1157, 14.75):
            raise SystemExit(f"FAIL raw CDNOW: January 1997 {size} customers, {active} in "
                             "February; the issue says 7846 and 14.75%")
    status, reference, err = cases.run([*cases.REFERENCE, *flags, *logs])
    if status:
        raise SystemExit(f"FAIL reference.py exited {status}: {err}")
    if dataset == "cdnow":
        check_cdnow("reference.py", reference, flags)
    if churn == "--reference":
        print(reference, end="")
        return 0
    command = [churn, "cohort", *flags, *logs]
    status, out, err = cases.run(command)
    if status:
        raise SystemExit(f"FAIL churn cohort {' '.join(flags)} exited {status}: {err}")
    problem = cases.first_difference(out, reference)
    if problem:
        raise SystemExit(f"FAIL churn cohort {' '.join(flags)} against reference.py, {problem}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[3] not in CASES:
        sys.exit(__doc__ + "cases: " + " ".join(CASES))
    sys.exit(main(*sys.argv[1:]))
