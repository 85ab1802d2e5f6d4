#!/usr/bin/env python3
"""The §6 definitions of `churn events` by month, written as plainly as possible (standard
library only, customers × months), to check the fast tools on small logs.

    bench/events_ref.py LOG.csv [--orders rows|distinct|days] [--inactive-after K] > out.csv
"""
import argparse
import calendar
import csv
import sys
from decimal import Decimal
from fractions import Fraction


def two_places(x: Fraction) -> str:
    """x rounded half away from zero to 2 decimals, from its exact value."""
    h = (abs(x) * 100 + Fraction(1, 2)).__floor__()
    return f"{'-' if x < 0 and h else ''}{h // 100}.{h % 100:02d}"


def pct(num: int, den: int) -> str:
    return two_places(Fraction(num * 100, den)) if den else ""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("--orders", choices=["rows", "distinct", "days"], default="distinct")
    ap.add_argument("--inactive-after", type=int, default=1)
    a = ap.parse_args()
    k = a.inactive_after

    orders = {}        # (customer, month) -> orders in that month
    keys = set()       # distinct (customer, date as written) seen, for distinct/days
    revenue = {}       # month -> Decimal
    places = 0
    dmin = dmax = None
    with open(a.log, newline="") as f:
        for row in csv.DictReader(f):
            c = row["customer_id"].strip()
            if not c:
                continue                                  # a guest
            d = row["order_date"]
            m = int(d[:4]) * 12 + int(d[5:7]) - 1
            amount = Decimal(row["amount"])
            places = max(places, -amount.as_tuple().exponent)
            revenue[m] = revenue.get(m, Decimal(0)) + amount
            dmin = d if dmin is None or d < dmin else dmin
            dmax = d if dmax is None or d > dmax else dmax
            if amount < 0:
                continue                                  # a refund is not an order
            if a.orders != "rows":
                key = (c, d if a.orders == "distinct" else d[:10])
                if key in keys:
                    continue
                keys.add(key)
            orders[(c, m)] = orders.get((c, m), 0) + 1

    lo = int(dmin[:4]) * 12 + int(dmin[5:7]) - 1
    hi = int(dmax[:4]) * 12 + int(dmax[5:7]) - 1
    months_of = {}
    for (c, m) in orders:
        months_of.setdefault(c, []).append(m)
    customers = {c: sorted(ms) for c, ms in months_of.items()}

    def alive(ms, p):
        last = max((m for m in ms if m <= p), default=None)
        return last is not None and last >= p - k + 1

    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow("period,start,lost,new,returned,end,active,churn_pct,retention_pct,orders,repeat,"
               "rpr_pct,revenue,arpu,partial".split(","))
    for p in range(lo, hi + 1):
        start = lost = new = returned = end = active = n_orders = repeat = 0
        for c, ms in customers.items():
            before = p > lo and alive(ms, p - 1)
            now = alive(ms, p)
            is_active = p in ms
            start += before
            end += now
            lost += before and not now
            if is_active:
                active += 1
                n_orders += orders[(c, p)]
                if ms[0] == p:
                    new += 1
                elif not before:
                    returned += 1
                if sum(orders[(c, m)] for m in ms if m <= p) >= 2:
                    repeat += 1
        assert end == start - lost + new + returned
        rev = revenue.get(p, Decimal(0))
        arpu = two_places(Fraction(rev) / active) if active else ""
        y, mo = divmod(p, 12)
        first_partial = p == lo and dmin[8:10] != "01"
        last_partial = p == hi and int(dmax[8:10]) < calendar.monthrange(int(dmax[:4]), int(dmax[5:7]))[1]
        w.writerow([f"{y:04d}-{mo + 1:02d}", start, lost, new, returned, end, active,
                    pct(lost, start), pct(end - new - returned, start), n_orders, repeat,
                    pct(repeat, active), f"{rev:.{places}f}", arpu,
                    "true" if first_partial or last_partial else "false"])


if __name__ == "__main__":
    main()
