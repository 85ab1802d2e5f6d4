#!/usr/bin/env python3
"""A second, independent `churn events` (SPEC §6 and the events contract), written from the
definitions with the standard library only, to check the real one against. Slow on purpose: it
keeps every row, and every figure is recomputed from the per-customer sets of active periods
and orders, with exact arithmetic (Decimal money, Fraction rates).

    reference.py [--customer COL] [--date COL] [--amount COL | --quantity COL --price COL]
                 [--order COL] [--delimiter , ; | tab whitespace] [--period P]
                 [--week-start monday|sunday] [--inactive-after K] [--orders distinct|days|rows]
                 [--from DATE] [--to DATE] [--utc-offset ±HH:MM] [--precision N] FILE…|-

Where the contract leaves a choice open, the comment after the imports says which one it takes.
"""
import argparse
import csv
import datetime as dt
import decimal
import io
import re
import sys
from fractions import Fraction

# Choices the contract does not spell out, taken here so that a difference is visible:
# - an event is any non-guest row (orders and refunds): both open and close the range of
#   periods and decide `partial`; guests are not events at all;
# - the revenue's number of decimals is the largest over the amounts of non-guest rows of the
#   whole log, an amount from --quantity × --price having those of the exact product
#   (6 × 2.55 = 15.30: two);
# - --from/--to pick the first and last reported periods; every row up to --to counts in its
#   own period (a row of --from's period before --from's day still counts in that period);
# - partial: the first period is partial when its first day is before the coverage's start
#   (--from if given, else the first event's day), the last when its last day is after the
#   coverage's end (--to if given, else the last event's day);
# - an order whose rows fall in two periods counts in the first one's `orders` (each row still
#   makes its customer active in its own period); none of the logs here has one;
# - without --delimiter: tab for *.tsv and *.tab, else the comma (as batch);
# - a value that rounds to zero is written without a sign (0.00, never -0.00).

decimal.getcontext().prec = 200  # sums stay exact: far beyond any log's digits

GUESSES = {
    "customer": ["customer_id", "CustomerID", "user_id", "client_id", "account_id"],
    "date": ["date", "order_date", "InvoiceDate", "created_at", "timestamp"],
    "amount": ["amount", "revenue", "total"],
    "order": ["order_id", "InvoiceNo", "transaction_id"],
}
DELIMITERS = {",": ",", ";": ";", "|": "|", "tab": "\t", "\t": "\t", "whitespace": None}


def fail(message):
    sys.exit(f"reference.py: {message}")


def canonical(name):
    """Header names compare case-insensitively, ignoring `_`, `-` and blanks (§5)."""
    return re.sub(r"[\s_-]", "", name).lower()


# ---- reading ---------------------------------------------------------------------------------

def read_lines(path):
    if path == "-":
        return sys.stdin.buffer.read().decode("utf-8-sig")
    with open(path, "rb") as handle:
        return handle.read().decode("utf-8-sig")


def records(path, delimiter):
    """(line number, fields) of every line of one file, its header first."""
    text = read_lines(path)
    if delimiter is None:
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip():
                yield number, line.split()
        return
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    for fields in reader:
        if fields and fields != [""]:
            yield reader.line_num, fields


def pick_columns(header, args):
    """The index of each role's column: the flag's, else the one guessed name present."""
    by_name = {}
    for index, name in enumerate(header):
        by_name.setdefault(canonical(name.strip()), index)
    chosen = {}
    for role in ("customer", "date", "amount", "quantity", "price", "order"):
        flag = getattr(args, role)
        if flag is not None:
            if canonical(flag) not in by_name:
                fail(f"--{role} {flag}: no such column in {header}")
            chosen[role] = by_name[canonical(flag)]
        elif role in GUESSES and not (role == "amount" and args.quantity):
            found = sorted({by_name[canonical(n)] for n in GUESSES[role]
                            if canonical(n) in by_name})
            if len(found) > 1:
                fail(f"two candidates for the {role} column: {[header[i] for i in found]}")
            if found:
                chosen[role] = found[0]
    for role in ("customer", "date"):
        if role not in chosen:
            fail(f"no {role} column in {header}")
    if ("quantity" in chosen) != ("price" in chosen):
        fail("--quantity and --price go together")
    return chosen


DATE_ONLY = re.compile(r"(\d{4})(\d{2})(\d{2})")
DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?")


def offset_minutes(text):
    sign = -1 if text[0] == "-" else 1
    return sign * (int(text[1:3]) * 60 + int(text[4:6]))


def event_day(text, utc_offset):
    """The calendar day of a timestamp: as written when naive, else in UTC or --utc-offset."""
    compact = DATE_ONLY.fullmatch(text)
    match = DATE_TIME.fullmatch(text)
    if compact:
        year, month, day, hour, minute, second, zone = compact.groups() + (None,) * 4
    elif match:
        year, month, day, hour, minute, second, zone = match.groups()
    else:
        raise ValueError("not a date")
    moment = dt.datetime(int(year), int(month), int(day),
                         int(hour or 0), int(minute or 0), int(second or 0))
    if zone:
        moment -= dt.timedelta(minutes=0 if zone == "Z" else offset_minutes(zone))
        moment += dt.timedelta(minutes=utc_offset)
    return moment.date()


def parse_amount(text):
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise ValueError("not a decimal")
    return decimal.Decimal(text)


def read_log(args):
    """Every non-guest row as (customer, day, amount or None, order key), and the guests."""
    rows, guests = [], 0
    if args.delimiter is not None and args.delimiter not in DELIMITERS:
        fail(f"--delimiter {args.delimiter}: not one of , ; | tab whitespace")
    utc_offset = offset_minutes(args.utc_offset) if args.utc_offset else 0
    for path in args.files or ["-"]:
        if args.delimiter is not None:
            delimiter = DELIMITERS[args.delimiter]
        else:  # as batch: tab for *.tsv and *.tab, else the comma
            delimiter = "\t" if path.endswith((".tsv", ".tab")) else ","
        lines = records(path, delimiter)
        try:
            _, header = next(lines)
        except StopIteration:
            fail(f"{path}: no header")
        col = pick_columns(header, args)
        for number, fields in lines:
            if len(fields) != len(header):
                fail(f"{path}:{number}: {len(fields)} fields, the header has {len(header)}")
            value = {role: fields[index].strip() for role, index in col.items()}
            if value["customer"] == "":
                guests += 1
                continue
            try:
                day = event_day(value["date"], utc_offset)
                amount = None
                if "amount" in value:
                    amount = parse_amount(value["amount"])
                elif "quantity" in value:
                    amount = parse_amount(value["quantity"]) * parse_amount(value["price"])
            except ValueError as error:
                fail(f"{path}:{number}: {error}: {fields}")
            if args.orders == "rows":
                key = ("row", path, number)
            elif args.orders == "days":
                key = ("day", day)
            elif "order" in value:
                key = ("order", value["order"])
            else:
                key = ("timestamp", value["date"])
            rows.append((value["customer"], day, amount, key))
    return rows, guests


# ---- periods ---------------------------------------------------------------------------------

def period_index(day, args):
    """Periods as consecutive integers, so that p−1 and p−K+1 are arithmetic."""
    if args.period == "day":
        return day.toordinal()
    if args.period == "week":
        # ordinal 1 (0001-01-01) is a Monday; a Sunday week starts one day earlier
        shift = 0 if args.week_start == "monday" else 1
        return (day.toordinal() - 1 + shift) // 7
    if args.period == "month":
        return day.year * 12 + day.month - 1
    if args.period == "quarter":
        return day.year * 4 + (day.month - 1) // 3
    return day.year


def period_days(index, args):
    """(first day, last day) of a period."""
    if args.period == "day":
        first = dt.date.fromordinal(index)
        return first, first
    if args.period == "week":
        shift = 0 if args.week_start == "monday" else 1
        first = dt.date.fromordinal(index * 7 + 1 - shift)
        return first, first + dt.timedelta(days=6)
    if args.period == "month":
        first = dt.date(index // 12, index % 12 + 1, 1)
        following = dt.date((index + 1) // 12, (index + 1) % 12 + 1, 1)
    elif args.period == "quarter":
        first = dt.date(index // 4, index % 4 * 3 + 1, 1)
        following = dt.date((index + 1) // 4, (index + 1) % 4 * 3 + 1, 1)
    else:
        first = dt.date(index, 1, 1)
        following = dt.date(index + 1, 1, 1)
    return first, following - dt.timedelta(days=1)


def period_label(index, args):
    first, _ = period_days(index, args)
    if args.period == "day":
        return first.isoformat()
    if args.period == "week":
        if args.week_start == "sunday":
            return first.isoformat()
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    if args.period == "month":
        return f"{first.year}-{first.month:02d}"
    if args.period == "quarter":
        return f"{first.year}-Q{index % 4 + 1}"
    return str(first.year)


# ---- numbers out -----------------------------------------------------------------------------

def rounded(value, places):
    """A Fraction rounded half away from zero, written with exactly `places` decimals."""
    scaled = abs(value) * 10 ** places
    units = int(scaled + Fraction(1, 2))  # floor(|x| + 1/2): half away from zero
    sign = "-" if value < 0 and units else ""
    whole, part = divmod(units, 10 ** places)
    return f"{sign}{whole}.{part:0{places}d}" if places else f"{sign}{whole}"


def rate(numerator, denominator, places):
    return rounded(Fraction(100 * numerator, denominator), places) if denominator else ""


def money(total, places):
    quantum = decimal.Decimal(1).scaleb(-places)
    return format(total.quantize(quantum), "f")


# ---- the table -------------------------------------------------------------------------------

def table(args):
    rows, _ = read_log(args)
    has_amount = any(r[2] is not None for r in rows)
    places = max((max(0, -r[2].as_tuple().exponent) for r in rows if r[2] is not None),
                 default=0)
    if args.to:
        last_day = event_day(args.to, 0)
        rows = [r for r in rows if r[1] <= last_day]
    if not rows:
        fail("no events")

    # Per customer: the periods with an order, and each order with the period of its first row.
    active, orders_of = {}, {}
    revenue_in = {}
    for customer, day, amount, key in rows:
        p = period_index(day, args)
        if amount is not None:
            revenue_in[p] = revenue_in.get(p, decimal.Decimal(0)) + amount
        if amount is not None and amount < 0:
            continue  # a refund: revenue, not an order, not activity
        active.setdefault(customer, set()).add(p)
        mine = orders_of.setdefault(customer, {})
        mine[key] = min(mine.get(key, p), p)
    orders_in = {}
    for mine in orders_of.values():
        for p in mine.values():
            orders_in[p] = orders_in.get(p, 0) + 1

    first_day = min(r[1] for r in rows)
    last_day = max(r[1] for r in rows)
    cover_from = event_day(args.from_, 0) if args.from_ else first_day
    cover_to = event_day(args.to, 0) if args.to else last_day
    first, last = period_index(cover_from, args), period_index(cover_to, args)
    k = args.inactive_after

    def alive(customer, p):
        latest = max((q for q in active[customer] if q <= p), default=None)
        return latest is not None and latest >= p - k + 1

    columns = ["period", "start", "lost", "new", "returned", "end", "active", "churn_pct",
               "retention_pct", "orders", "repeat", "rpr_pct"]
    if has_amount:
        columns += ["revenue", "arpu"]
    out = [",".join(columns + ["partial"])]
    for p in range(first, last + 1):
        start = lost = new = returned = end = act = repeat = 0
        for customer, periods in active.items():
            before, now = alive(customer, p - 1), alive(customer, p)
            is_active = p in periods
            is_new = min(periods) == p
            start += before
            end += now
            lost += before and not now
            new += is_new
            returned += is_active and not is_new and not before
            act += is_active
            if is_active:
                repeat += sum(1 for q in orders_of[customer].values() if q <= p) >= 2
        assert end == start - lost + new + returned
        first_of, last_of = period_days(p, args)
        partial = (p == first and first_of < cover_from) or (p == last and last_of > cover_to)
        cells = [period_label(p, args), start, lost, new, returned, end, act,
                 rate(lost, start, args.precision), rate(end - new - returned, start,
                                                         args.precision),
                 orders_in.get(p, 0), repeat, rate(repeat, act, args.precision)]
        if has_amount:
            revenue = revenue_in.get(p, decimal.Decimal(0))
            cells += [money(revenue, places),
                      rounded(Fraction(revenue) / act, args.precision) if act else ""]
        cells.append("true" if partial else "false")
        out.append(",".join(str(c) for c in cells))
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for role in ("customer", "date", "amount", "quantity", "price", "order"):
        parser.add_argument(f"--{role}")
    parser.add_argument("--delimiter")
    parser.add_argument("--period", default="month",
                        choices=["day", "week", "month", "quarter", "year"])
    parser.add_argument("--week-start", default="monday", choices=["monday", "sunday"])
    parser.add_argument("--inactive-after", type=int, default=1)
    parser.add_argument("--orders", default="distinct", choices=["distinct", "days", "rows"])
    parser.add_argument("--from", dest="from_")
    parser.add_argument("--to")
    parser.add_argument("--utc-offset")
    parser.add_argument("--precision", type=int, default=2)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    if args.inactive_after < 1:
        fail("--inactive-after must be at least 1")
    if args.amount and (args.quantity or args.price):
        fail("--amount or --quantity with --price, not both")
    sys.stdout.write(table(args))


if __name__ == "__main__":
    main()
