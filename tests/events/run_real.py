#!/usr/bin/env python3
"""`churn events` on real public data (../shared/data, README there): its table must equal
reference.py's on the same log and flags, and both must agree with figures counted here from the
raw files with the csv module (the ones the issue quotes: Online Retail's 541,909 rows, 406,829
of them with a customer, 4,372 customers; CDNOW's 69,659 rows of 23,570 customers who all first
bought in 1997-01 … 03).

    run_real.py CHURN DATA_DIR CASE      CASE: one of CASES below
    run_real.py --reference DATA_DIR CASE   the reference alone against the raw figures

Exit 77 (skipped) when DATA_DIR lacks the data set.
"""
import csv
import glob
import os
import sys
from decimal import Decimal

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import cases  # noqa: E402

REFERENCE = os.path.join(cases.HERE, "reference.py")
RETAIL = ["--quantity", "Quantity", "--price", "UnitPrice"]  # the rest is guessed by name
CDNOW = ["--delimiter", "whitespace", "--amount", "dollar_value"]
CASES = {
    "retail-month-k1": ("retail", RETAIL),
    "retail-month-k3": ("retail", RETAIL + ["--inactive-after", "3"]),
    "retail-week": ("retail", RETAIL + ["--period", "week"]),
    "cdnow-month-k1": ("cdnow", CDNOW),
    "cdnow-quarter": ("cdnow", CDNOW + ["--period", "quarter"]),
}


def retail_files(data):
    return sorted(glob.glob(os.path.join(data, "retail-data-by-day", "*.csv")))


def retail_figures(files):
    """Counted from the raw files: rows, customers, orders (distinct customer and invoice, not
    cancellations) and revenue (Σ quantity × unit price of the rows with a customer)."""
    rows = with_customer = 0
    customers, buyers, orders, revenue = set(), set(), set(), Decimal(0)
    for path in files:
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                rows += 1
                customer = row["CustomerID"].strip()
                if not customer:
                    continue
                with_customer += 1
                customers.add(customer)
                amount = Decimal(row["Quantity"]) * Decimal(row["UnitPrice"])
                revenue += amount
                if amount >= 0:
                    buyers.add(customer)
                    orders.add((customer, row["InvoiceNo"]))
    expect("Online Retail rows", rows, 541909)
    expect("Online Retail rows with a customer", with_customer, 406829)
    expect("Online Retail customers", len(customers), 4372)
    return {"first": "2010-12", "last": "2011-12", "customers": len(buyers),
            "orders": len(orders), "revenue": revenue}


def cdnow_figures(path):
    """CDNOW_master.txt: blank-separated, one header line; an order is a (customer, day)."""
    rows = 0
    first_order, orders, revenue = {}, set(), Decimal(0)
    with open(path, newline="", encoding="ascii") as handle:
        lines = csv.reader(handle, delimiter=" ", skipinitialspace=True)
        expect("CDNOW header", next(lines), ["customer_id", "date", "number_of_cds",
                                              "dollar_value"])
        for customer, day, _, dollars in lines:
            rows += 1
            first_order[customer] = min(first_order.get(customer, day), day)
            orders.add((customer, day))
            revenue += Decimal(dollars)
    expect("CDNOW rows", rows, 69659)
    expect("CDNOW customers", len(first_order), 23570)
    expect("CDNOW first-order months", sorted({d[:6] for d in first_order.values()}),
           ["199701", "199702", "199703"])
    return {"first": "1997-01", "last": "1998-06", "customers": len(first_order),
            "orders": len(orders), "revenue": revenue, "new_only_in": ("1997-01", "1997-03")}


def expect(what, got, wanted):
    if got != wanted:
        raise SystemExit(f"FAIL {what}: {got}, the issue says {wanted}")


def check_table(who, text, figures, flags):
    """The raw figures in a table: first and last period, Σ new = customers with an order,
    Σ orders, Σ revenue, each row's identity and each start = the previous end."""
    table = list(csv.DictReader(text.splitlines()))
    if not table:
        raise SystemExit(f"FAIL {who}: no rows")
    if "--period" not in flags:  # months: the labels are known
        expect(f"{who}: first period", table[0]["period"], figures["first"])
        expect(f"{who}: last period", table[-1]["period"], figures["last"])
    expect(f"{who}: Σ new (customers with an order)", sum(int(r["new"]) for r in table),
           figures["customers"])
    expect(f"{who}: Σ orders", sum(int(r["orders"]) for r in table), figures["orders"])
    expect(f"{who}: Σ revenue", sum(Decimal(r["revenue"]) for r in table), figures["revenue"])
    previous_end = 0
    for r in table:
        start, lost, new, returned, end = (int(r[c]) for c in
                                           ("start", "lost", "new", "returned", "end"))
        expect(f"{who}: {r['period']} start = previous end", start, previous_end)
        expect(f"{who}: {r['period']} end = start - lost + new + returned", end,
               start - lost + new + returned)
        previous_end = end
    if "new_only_in" in figures and "--period" not in flags:
        first, last = figures["new_only_in"]
        late = [r["period"] for r in table if not first <= r["period"] <= last and r["new"] != "0"]
        expect(f"{who}: periods with new customers outside {first} … {last}", late, [])
    return table


def main(churn, data, name):
    dataset, flags = CASES[name]
    if dataset == "retail":
        logs = retail_files(data)
        if not logs:
            print(f"skipped: no {os.path.join(data, 'retail-data-by-day')}/*.csv")
            return 77
        figures = retail_figures(logs)
    else:
        logs = [os.path.join(data, "CDNOW_master.txt")]
        if not os.path.exists(logs[0]):
            print(f"skipped: no {logs[0]}")
            return 77
        figures = cdnow_figures(logs[0])
    status, reference, err = cases.run([sys.executable, REFERENCE, *flags, *logs])
    if status:
        raise SystemExit(f"FAIL reference.py exited {status}: {err}")
    check_table("reference.py", reference, figures, flags)
    if churn == "--reference":
        print(reference, end="")
        return 0
    command = [churn, "events", *flags, *logs]
    status, out, err = cases.run(command)
    if status:
        raise SystemExit(f"FAIL churn events {' '.join(flags)} exited {status}: {err}")
    problem = cases.first_difference(out, reference)
    if problem:
        raise SystemExit(f"FAIL churn events {' '.join(flags)} against reference.py, {problem}")
    check_table("churn", out, figures, flags)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[3] not in CASES:
        sys.exit(__doc__ + "cases: " + " ".join(CASES))
    sys.exit(main(*sys.argv[1:]))
