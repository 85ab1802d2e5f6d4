#!/usr/bin/env python3
"""Random logs, the same for every run (fixed seeds): `churn cohort` must print what
reference.py prints for each, by month, ISO week and quarter, classic and unbounded, long and
wide. Each log has a few hundred unsorted rows over eight months, refunds (some before a
customer's first order, some customers with refunds only), guests, zero amounts and amounts of
0 to 2 decimals; one log has no amount column and one has times with zones.

    run_generated.py CHURN            (--keep DIR: leave the logs there)
"""
import datetime as dt
import os
import random
import sys
import tempfile
from decimal import ROUND_DOWN, Decimal

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import cases  # noqa: E402

START = dt.date(2023, 11, 7)  # a Tuesday, not a month's first day: partial first periods
DAYS = 230  # to late June 2024


def make_log(seed, path):
    """Write one log."""
    rng = random.Random(seed)
    with_amount = seed != 2
    zoned = seed == 3
    customers = [f"c{n:03d}" for n in range(rng.randint(80, 130))]
    lines = []
    for customer in customers:
        first = rng.randrange(DAYS)
        for _ in range(rng.choice([1, 1, 2, 3, 5, 9])):
            day = START + dt.timedelta(days=min(DAYS - 1, first + int(rng.expovariate(1 / 40))))
            lines.append(row(rng, customer, day, with_amount, zoned))
        if with_amount and rng.random() < 0.15:  # a refund, perhaps before the first order
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            lines.append(row(rng, customer, day, with_amount, zoned, refund=True))
    for n in range(rng.randint(2, 6)):  # customers with refunds only
        if with_amount:
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            lines.append(row(rng, f"refund-only-{n}", day, with_amount, zoned, refund=True))
    for _ in range(rng.randint(5, 15)):  # guests
        day = START + dt.timedelta(days=rng.randrange(DAYS))
        lines.append(row(rng, "", day, with_amount, zoned))
    rng.shuffle(lines)
    header = "customer_id,date,amount" if with_amount else "customer_id,date"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join([header] + lines) + "\n")


def row(rng, customer, day, with_amount, zoned, refund=False):
    when = day.isoformat()
    if zoned:  # a zone that never moves the day (10:xx at -05:00 is 15:xx UTC)
        when += f"T10:{rng.randrange(60):02d}:00" + rng.choice(["Z", "+02:00", "-05:00"])
    if not with_amount:
        return f"{customer},{when}"
    cents = rng.choice([0, 1, 5, 999, 1250, 4999, 12345])
    if refund:
        cents = -max(cents, 1)
    places = Decimal(1).scaleb(-rng.choice([0, 1, 2]))  # 1, 0.1 or 0.01
    amount = Decimal(cents).scaleb(-2).quantize(places, rounding=ROUND_DOWN)
    return f"{customer},{when},{amount:f}"


VARIANTS = [
    ["--period", "month"],
    ["--period", "month", "--retention", "unbounded"],
    ["--period", "month", "--wide"],
    ["--period", "month", "--wide", "--show", "ltv", "--retention", "unbounded"],
    ["--period", "month", "--from", "2023-12", "--to", "2024-05-15"],
    ["--period", "week"],
    ["--period", "week", "--retention", "unbounded", "--wide", "--show", "count"],
    ["--period", "week", "--week-start", "sunday", "--wide", "--show", "revenue"],
    ["--period", "quarter"],
    ["--period", "quarter", "--retention", "unbounded"],
    ["--period", "quarter", "--wide", "--show", "pct", "--precision", "3"],
]


def main(churn, keep=None):
    folder = keep or tempfile.mkdtemp(prefix="churn-cohort-")
    failures = 0
    for seed in (1, 2, 3, 4):
        log = os.path.join(folder, f"log{seed}.csv")
        make_log(seed, log)
        for variant in VARIANTS:
            if seed == 2 and "--show" in variant and \
                    variant[variant.index("--show") + 1] in ("revenue", "ltv"):
                continue  # no amounts: nothing to show
            status, reference, err = cases.run([*cases.REFERENCE, *variant, log])
            if status:
                raise SystemExit(f"FAIL reference.py {' '.join(variant)} {log}: {err}")
            command = [churn, "cohort", *variant, log]
            status, out, err = cases.run(command)
            problem = (f"exit {status}: {err.strip()}" if status
                       else cases.first_difference(out, reference))
            if problem:
                failures += 1
                print(f"FAIL {' '.join(command)}\n{problem}")
    if not keep:
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)
    print(f"{failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) == 2:
        sys.exit(main(sys.argv[1]))
    if len(sys.argv) == 4 and sys.argv[2] == "--keep":
        sys.exit(main(sys.argv[1], sys.argv[3]))
    sys.exit(__doc__)
