#!/usr/bin/env python3
"""SPEC §6 by month with K = 1 and --orders rows, as a pandas user would write it, exactly:
amounts become integer cents, rates are integer half-up divisions.

    python3 bench/events_pandas.py LOG.csv OUT.csv
"""
import sys

import numpy as np
import pandas as pd


def half_up(num, den):
    """num/den × 100 rounded half up to 2 decimals as text, empty where den is 0 (num ≥ 0)."""
    out = []
    for a, b in zip(num, den):
        if b == 0:
            out.append("")
        else:
            h = (int(a) * 20000 + int(b)) // (2 * int(b))
            out.append(f"{h // 100}.{h % 100:02d}")
    return out


def money(cents):
    return [f"{'-' if c < 0 else ''}{abs(int(c)) // 100}.{abs(int(c)) % 100:02d}" for c in cents]


def main() -> None:
    d = pd.read_csv(sys.argv[1], dtype={"customer_id": str, "order_date": str, "amount": np.float64})
    d = d[d["customer_id"].notna()]                                  # guests are skipped
    day = pd.to_datetime(d["order_date"], format="%Y-%m-%d")
    d["m"] = day.dt.year * 12 + day.dt.month - 1
    # the amounts have at most 2 decimals: × 100 rounded is the exact number of cents
    d["cents"] = (d["amount"] * 100).round().astype(np.int64)
    lo, hi = d["m"].min(), d["m"].max()
    months = pd.RangeIndex(lo, hi + 1)
    revenue = d.groupby("m")["cents"].sum().reindex(months, fill_value=0)

    o = d[d["cents"] >= 0]                                           # a refund is not an order
    cm = o.groupby(["customer_id", "m"]).size().rename("n").reset_index()  # sorted by customer, month
    g = cm.groupby("customer_id", sort=False)
    prev, nxt = g["m"].shift(1), g["m"].shift(-1)
    cm["new"] = prev.isna()
    cm["returned"] = prev < cm["m"] - 1
    cm["repeat"] = g["n"].cumsum() >= 2
    cm["gone"] = nxt.isna() | (nxt > cm["m"] + 1)                    # lost in the next month
    per = cm.groupby("m").agg(active=("n", "size"), orders=("n", "sum"), new=("new", "sum"),
                              returned=("returned", "sum"), repeat=("repeat", "sum"))
    per = per.reindex(months, fill_value=0)
    lost = cm[cm["gone"]].groupby("m").size()
    lost.index = lost.index + 1
    per["lost"] = lost.reindex(months, fill_value=0)
    per["end"] = (per["new"] + per["returned"] - per["lost"]).cumsum()
    per["start"] = per["end"] - per["new"] - per["returned"] + per["lost"]

    first, last = d["order_date"].min(), d["order_date"].max()
    last_day = (pd.Timestamp(last[:7] + "-01") + pd.offsets.MonthEnd(0)).day
    partial = [(m == lo and first[8:10] != "01") or (m == hi and int(last[8:10]) < last_day)
               for m in months]
    a = per["active"].to_numpy()
    arpu = [("-" if r < 0 else "") + money([(2 * abs(int(r)) + n) // (2 * n)])[0] if n else ""
            for r, n in zip(revenue, a)]
    out = pd.DataFrame({
        "period": [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in months],
        "start": per["start"].to_numpy(), "lost": per["lost"].to_numpy(),
        "new": per["new"].to_numpy(), "returned": per["returned"].to_numpy(),
        "end": per["end"].to_numpy(), "active": a,
        "churn_pct": half_up(per["lost"], per["start"]),
        "retention_pct": half_up(per["start"] - per["lost"], per["start"]),
        "orders": per["orders"].to_numpy(), "repeat": per["repeat"].to_numpy(),
        "rpr_pct": half_up(per["repeat"], a),
        "revenue": money(revenue), "arpu": arpu,
        "partial": ["true" if p else "false" for p in partial]})
    out.to_csv(sys.argv[2], index=False)


if __name__ == "__main__":
    main()
