#!/usr/bin/env python3
"""Exits 1 unless two CSV files agree, as text, on every column they share (by name; the
ceiling's crr_pct is retention_pct) in every row.

    python3 bench/same_columns.py REFERENCE.csv OTHER.csv
"""
import csv
import sys

ALIASES = {"crr_pct": "retention_pct"}


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        sys.exit(f"{path}: empty")
    return [ALIASES.get(h, h) for h in rows[0]], rows[1:]


def main() -> None:
    (ha, ra), (hb, rb) = read(sys.argv[1]), read(sys.argv[2])
    shared = [h for h in ha if h in hb]
    if "period" not in shared or len(ra) != len(rb):
        sys.exit(f"{sys.argv[2]}: {len(rb)} rows against {len(ra)}, columns {hb}")
    ia, ib = [ha.index(h) for h in shared], [hb.index(h) for h in shared]
    for n, (x, y) in enumerate(zip(ra, rb), start=2):
        a, b = [x[i] for i in ia], [y[i] for i in ib]
        if a != b:
            bad = [f"{h}: {p} vs {q}" for h, p, q in zip(shared, a, b) if p != q]
            sys.exit(f"{sys.argv[2]} line {n} differs from {sys.argv[1]}: {'; '.join(bad)}")


if __name__ == "__main__":
    main()
