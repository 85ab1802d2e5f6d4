"""A generated order log for the --emit-sql tests: deterministic (seeded), about 3000 rows of
300 customers over 26 months (2022-11-07 … 2024-12-20, so the first and last months are
partial) with what the hand-made cases hold one at a time: months without any row
(2023-06, 2024-02), refunds (negative amounts), guests (empty customer), ids padded with
blanks or quoted in CSV, same-day repeat orders, several rows per order sharing its timestamp
and `order_ref` (not a guessed name: the default counts orders by timestamp, `--order
order_ref` by id), some rows with a time of day, amounts with 2 decimals and some with 0 or 3.
    write(folder)   the logs (full, zoned, no amount, a slice for days, epoch seconds and
                    milliseconds), their paths by name"""
import csv
import datetime
import os
import random

SEED = 20240612
FIRST, LAST = datetime.date(2022, 11, 7), datetime.date(2024, 12, 20)
EMPTY_MONTHS = {(2023, 6), (2024, 2)}
HEADER = ["customer_id", "date", "order_ref", "amount", "channel"]
# Ids that SQL or CSV quote: the log's CSV quotes them, the loader's literals too.
ODD_IDS = {7: "o'brien", 8: 'sm"ith', 9: "a,b", 10: "ü-ñ 10"}


def months():
    year, month = FIRST.year, FIRST.month
    while (year, month) <= (LAST.year, LAST.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def day_in(rng, year, month):
    start = datetime.date(year, month, 1)
    end = datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
    start, end = max(start, FIRST), min(end, LAST)
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


def amount(rng):
    cents = rng.randrange(100, 20000)
    shape = rng.random()
    if shape < 0.08:
        return str(cents // 100)                      # whole: "42"
    if shape < 0.15:
        return f"{cents // 100}.{rng.randrange(1000):03d}"  # three decimals: "42.125"
    return f"{cents // 100}.{cents % 100:02d}"


def orders(rng):
    """(customer, day, time or None) of every order, in no particular order."""
    found = []
    all_months = [m for m in months() if m not in EMPTY_MONTHS]
    for n in range(1, 301):
        customer = ODD_IDS.get(n, f"c{n:03d}")
        start = rng.randrange(len(all_months))
        loyalty = rng.random()
        for index in range(start, len(all_months)):
            if index > start and rng.random() > loyalty * 0.7:
                continue
            year, month = all_months[index]
            for _ in range(1 if rng.random() < 0.8 else 2):
                day = day_in(rng, year, month)
                time = None
                if rng.random() < 0.2:
                    time = f"{rng.randrange(1, 24):02d}:{rng.randrange(60):02d}:" \
                           f"{rng.randrange(60):02d}"
                found.append((customer, day, time))
                if rng.random() < 0.05:             # a second order the same day
                    found.append((customer, day, None if time else "18:30:00"))
    return found


def rows(rng):
    """The log's rows: each order 1-3 line items, some refunded, some guests."""
    out = []
    for number, (customer, day, time) in enumerate(orders(rng), 1):
        ref = f"O{number:05d}"
        when = day.isoformat() + (f" {time}" if time else "")
        if rng.random() < 0.03:
            customer = f" {customer} " if rng.random() < 0.5 else f"{customer} "
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            out.append([customer, when, ref, amount(rng), rng.choice(["web", "shop"])])
        if rng.random() < 0.04:
            out.append([customer, when, ref, "-" + amount(rng), "web"])
    for _ in range(40):
        year, month = rng.choice([m for m in months() if m not in EMPTY_MONTHS])
        out.append(["", day_in(rng, year, month).isoformat(), "", amount(rng), "shop"])
    rng.shuffle(out)
    return out


def zoned(rng, log):
    """The log with a third of the timed rows written with `T` and a zone (Z or an offset),
    some of them moving to another day or month in UTC."""
    out = []
    for row in log:
        when = row[1]
        if len(when) > 10 and rng.random() < 0.35:
            zone = rng.choice(["Z", "+02:00", "-05:00", "+05:30"])
            when = when[:10] + "T" + when[11:] + zone
        out.append([row[0], when, *row[2:]])
    return out


def epoch(log, factor):
    """The log with each time as seconds (factor 1) or milliseconds (1000) since 1970 UTC."""
    out = []
    for row in log:
        when = datetime.datetime.fromisoformat(row[1]).replace(tzinfo=datetime.timezone.utc)
        out.append([row[0], str(int(when.timestamp()) * factor), *row[2:]])
    return out


def write_csv(path, header, log):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *log])


def write(folder):
    """Writes the generated logs into `folder`; {name: path}."""
    rng = random.Random(SEED)
    log = rows(rng)
    paths = {name: os.path.join(folder, f"generated_{name}.csv")
             for name in ("full", "zoned", "no_amount", "days", "epoch", "epoch_ms")}
    write_csv(paths["full"], HEADER, log)
    write_csv(paths["zoned"], HEADER, zoned(rng, log))
    write_csv(paths["epoch"], HEADER, epoch(log, 1))
    write_csv(paths["epoch_ms"], HEADER, epoch(log, 1000))
    drop = HEADER.index("amount")
    write_csv(paths["no_amount"], HEADER[:drop] + HEADER[drop + 1:],
              [r[:drop] + r[drop + 1:] for r in log])
    write_csv(paths["days"], HEADER, [r for r in log if "2023-09-01" <= r[1][:10] <= "2023-11-30"])
    return paths
