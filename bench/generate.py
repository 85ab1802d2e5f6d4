#!/usr/bin/env python3
"""Writes a deterministic, realistic series of periods for benchmarks:
period,start,lost,new,end with monthly churn around 1-9% and steady acquisition.

    bench/generate.py ROWS > periods.csv
"""
import sys


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    seed = 20261122
    out = sys.stdout
    out.write("period,start,lost,new,end\n")
    lines = []
    start = 50_000
    year, month = 2000, 1
    for i in range(rows):
        # A 64-bit linear congruential generator: the same file on every machine.
        seed = (seed * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        r = seed >> 33
        lost = start * (10 + r % 80) // 1000
        new = start * (20 + (r >> 8) % 70) // 1000
        end = start - lost + new
        lines.append(f"{year:04d}-{month:02d},{start},{lost},{new},{end}\n")
        start = end if 1_000 < end < 10_000_000 else 50_000
        month += 1
        if month == 13:
            year, month = (year + 1 if year < 9999 else 2000), 1
        if len(lines) == 100_000:
            out.write("".join(lines))
            lines.clear()
    out.write("".join(lines))


if __name__ == "__main__":
    main()
