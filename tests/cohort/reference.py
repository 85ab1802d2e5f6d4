#!/usr/bin/env python3
"""A second, independent `churn cohort` (SPEC §7 and the cohort contract), written from the
definitions with the standard library only, to check the real one against. Slow on purpose: it
keeps every row and recounts every cell from the per-customer sets of periods, with exact
arithmetic (Decimal money, Fraction rates). The log is read with tests/events/reference.py's
functions (the §6 reader of the previous round), plus --date-format here.

    reference.py [--customer COL] [--date COL] [--amount COL | --quantity COL --price COL]
                 [--order COL] [--delimiter , ; | tab whitespace]
                 [--date-format FMT|epoch|epoch-ms] [--utc-offset ±HH:MM]
                 [--period day|week|month|quarter|year] [--week-start monday|sunday]
                 [--from DATE|PERIOD] [--to DATE|PERIOD] [--retention classic|unbounded]
                 [--wide [--show pct|count|revenue|ltv]] [--precision N]
                 [--customers --cohort C --age K] FILE…|-

Choices the contract leaves open, taken here so that a difference is visible:
- the range of periods and `partial` are those of the events reference (every non-guest row,
  refunds too, is an event; see its header comment);
- the revenue's decimals are the most of any non-guest amount up to --to (history before
  --from included): rows after --to are ignored whole, their decimals too (the events reference
  counts them; churn events does not);
- a customer's cohort is the period of their first row with an amount ≥ 0 (every row without
  an amount column); a customer with refunds only has no cohort;
- everything is by period: a row of --from's period before --from's day counts in that period
  (as the events reference counts it), so a --from date inside a period only changes `partial`;
- --from/--to take a date (YYYY-MM-DD) or a label of the chosen period (2024-03, 2024-Q1, 2024,
  2024-W05; for days and Sunday weeks the label is a date);
- --customers lists the cell's active customers (the whole cohort at age 0), one per line, in
  the order of their first row in the log (as churn events lists them);
- with --wide, cells are rounded as in the long form and the header's ages run 0 … the largest
  age of the first cohort (last period − first cohort).
"""
import argparse
import datetime as dt
import decimal
import importlib.util
import os
import re
import sys
from fractions import Fraction

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
_EVENTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "events", "reference.py")
_SPEC = importlib.util.spec_from_file_location("events_reference", _EVENTS)
ev = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(ev)

decimal.getcontext().prec = 200  # sums stay exact


def fail(message):
    sys.exit(f"reference.py: {message}")


# ---- reading ---------------------------------------------------------------------------------

FORMAT_FIELDS = {"Y": r"(?P<Y>\d{4})", "m": r"(?P<m>\d{1,2})", "d": r"(?P<d>\d{1,2})",
                 "H": r"(?P<H>\d{1,2})", "M": r"(?P<M>\d{1,2})", "S": r"(?P<S>\d{1,2})"}


def format_pattern(fmt):
    """--date-format's %Y %m %d %H %M %S and literal characters as one regular expression."""
    parts, i = [], 0
    while i < len(fmt):
        if fmt[i] == "%" and i + 1 < len(fmt) and fmt[i + 1] in FORMAT_FIELDS:
            parts.append(FORMAT_FIELDS[fmt[i + 1]])
            i += 2
        else:
            parts.append(re.escape(fmt[i]))
            i += 1
    return re.compile("".join(parts))


def day_of(text, args):
    """The calendar day of one date field, as §6 reads it."""
    offset = ev.offset_minutes(args.utc_offset) if args.utc_offset else 0
    if args.date_format in ("epoch", "epoch-ms"):
        if not re.fullmatch(r"-?\d+", text):
            raise ValueError("not an epoch time")
        seconds = Fraction(int(text), 1000 if args.date_format == "epoch-ms" else 1)
        moment = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(seconds // 1))
        return (moment + dt.timedelta(minutes=offset)).date()
    if args.date_format:
        match = args.pattern.fullmatch(text)
        if not match:
            raise ValueError(f"not a date of the form {args.date_format}")
        field = match.groupdict()
        return dt.date(int(field["Y"]), int(field["m"]), int(field.get("d") or 1))
    return ev.event_day(text, offset)


def read_log(args):
    """Every non-guest row as (customer, day, amount or None)."""
    rows = []
    if args.delimiter is not None and args.delimiter not in ev.DELIMITERS:
        fail(f"--delimiter {args.delimiter}: not one of , ; | tab whitespace")
    for path in args.files or ["-"]:
        if args.delimiter is not None:
            delimiter = ev.DELIMITERS[args.delimiter]
        else:
            delimiter = "\t" if path.endswith((".tsv", ".tab")) else ","
        lines = ev.records(path, delimiter)
        try:
            _, header = next(lines)
        except StopIteration:
            fail(f"{path}: no header")
        col = ev.pick_columns(header, args)
        for number, fields in lines:
            if len(fields) != len(header):
                fail(f"{path}:{number}: {len(fields)} fields, the header has {len(header)}")
            value = {role: fields[index].strip() for role, index in col.items()}
            if value["customer"] == "":
                continue  # a guest
            try:
                day = day_of(value["date"], args)
                amount = None
                if "amount" in value:
                    amount = ev.parse_amount(value["amount"])
                elif "quantity" in value:
                    amount = ev.parse_amount(value["quantity"]) * ev.parse_amount(value["price"])
            except ValueError as error:
                fail(f"{path}:{number}: {error}: {fields}")
            rows.append((value["customer"], day, amount))
    return rows


def bound(text, args, last):
    """The day --from (last=False) or --to (last=True) stands for: a date, or the first or last
    day of a period label of the chosen unit."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    index = None
    if args.period == "month" and re.fullmatch(r"\d{4}-\d{2}", text):
        index = int(text[:4]) * 12 + int(text[5:]) - 1
    elif args.period == "quarter" and re.fullmatch(r"\d{4}-Q[1-4]", text):
        index = int(text[:4]) * 4 + int(text[6]) - 1
    elif args.period == "year" and re.fullmatch(r"\d{4}", text):
        index = int(text)
    elif args.period == "week" and args.week_start == "monday" and \
            re.fullmatch(r"\d{4}-W\d{2}", text):
        index = ev.period_index(dt.date.fromisocalendar(int(text[:4]), int(text[6:]), 1), args)
    if index is None:
        fail(f"{text}: neither a date nor a {args.period} label")
    first, final = ev.period_days(index, args)
    return final if last else first


# ---- the cohorts -----------------------------------------------------------------------------

def money(total, places):
    text = ev.money(total, places)
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def cells(args):
    """Every cell of the triangle, cohorts ascending then age, then the `all` row, as dicts."""
    rows = read_log(args)
    has_amount = any(r[2] is not None for r in rows)
    if args.to:
        cover_to = bound(args.to, args, last=True)
        rows = [r for r in rows if r[1] <= cover_to]
    places = max((max(0, -r[2].as_tuple().exponent) for r in rows if r[2] is not None),
                 default=0)
    if not rows:
        fail("no events")
    cover_from = bound(args.from_, args, last=False) if args.from_ else min(r[1] for r in rows)
    if not args.to:
        cover_to = max(r[1] for r in rows)
    first = ev.period_index(cover_from, args)
    last = ev.period_index(cover_to, args)

    ordered_in, revenue_in = {}, {}  # customer → set of periods; (customer, period) → Σ amount
    for customer, day, amount in rows:
        p = ev.period_index(day, args)
        if amount is not None:
            revenue_in[customer, p] = revenue_in.get((customer, p), decimal.Decimal(0)) + amount
        if amount is None or amount >= 0:
            ordered_in.setdefault(customer, set()).add(p)
    members = {}  # cohort period → customers
    for customer, periods in ordered_in.items():
        c = min(periods)
        if first <= c <= last:
            members.setdefault(c, []).append(customer)

    def partial(p):
        first_day, last_day = ev.period_days(p, args)
        return (p == first and first_day < cover_from) or (p == last and last_day > cover_to)

    out = []
    for c in sorted(members):
        size = len(members[c])
        cumulative = decimal.Decimal(0)
        for k in range(0, last - c + 1):
            p = c + k
            if args.retention == "classic":
                active = sum(1 for m in members[c] if p in ordered_in[m])
            else:
                active = sum(1 for m in members[c] if max(ordered_in[m]) >= p)
            revenue = sum((revenue_in.get((m, p), decimal.Decimal(0)) for m in members[c]),
                          decimal.Decimal(0))
            cumulative += revenue
            out.append({"cohort": c, "age": k, "period": p, "customers": size, "active": active,
                        "revenue": revenue, "cumulative": cumulative, "partial": partial(p)})
    for k in range(0, max((r["age"] for r in out), default=-1) + 1):
        mine = [r for r in out if r["age"] == k]
        out.append({"cohort": None, "age": k, "period": None,
                    "customers": sum(r["customers"] for r in mine),
                    "active": sum(r["active"] for r in mine),
                    "revenue": sum((r["revenue"] for r in mine), decimal.Decimal(0)),
                    "cumulative": sum((r["cumulative"] for r in mine), decimal.Decimal(0)),
                    "partial": any(r["partial"] for r in mine)})
    return out, members, has_amount, places, (first, last, ordered_in, rows)


def text_of(cell, has_amount, places, precision):
    """Each figure of one cell as the CSV writes it."""
    pct = ev.rounded(Fraction(100 * cell["active"], cell["customers"]), precision)
    ltv = ev.rounded(Fraction(cell["cumulative"]) / cell["customers"], precision)
    return {"count": str(cell["active"]), "pct": pct,
            "revenue": money(cell["revenue"], places) if has_amount else "",
            "ltv": ltv if has_amount else ""}


def label(cell, args):
    return "all" if cell["cohort"] is None else ev.period_label(cell["cohort"], args)


def long_form(args):
    out, _, has_amount, places, _ = cells(args)
    lines = ["cohort,age,period,customers,active,retention_pct,revenue,ltv,partial"]
    for cell in out:
        shown = text_of(cell, has_amount, places, args.precision)
        period = "" if cell["period"] is None else ev.period_label(cell["period"], args)
        lines.append(",".join([label(cell, args), str(cell["age"]), period,
                               str(cell["customers"]), shown["count"], shown["pct"],
                               shown["revenue"], shown["ltv"],
                               "true" if cell["partial"] else "false"]))
    return "\n".join(lines) + "\n"


def wide_form(args):
    out, members, has_amount, places, _ = cells(args)
    ages = max((cell["age"] for cell in out), default=-1) + 1
    lines = [",".join(["cohort", "customers"] + [str(k) for k in range(ages)])]
    keys = sorted(members) + [None]
    for key in keys:
        mine = {cell["age"]: cell for cell in out if cell["cohort"] == key}
        size = len(members[key]) if key is not None else sum(len(m) for m in members.values())
        row = ["all" if key is None else ev.period_label(key, args), str(size)]
        for k in range(ages):
            row.append(text_of(mine[k], has_amount, places, args.precision)[args.show]
                       if k in mine else "")
        lines.append(",".join(row))
    return "\n".join(lines) + "\n"


def customers_of_cell(args):
    """The ids behind cell (--cohort, --age): its active customers."""
    _, members, _, _, (first, last, ordered_in, rows) = cells(args)
    cohort = next((c for c in members if ev.period_label(c, args) == args.cohort), None)
    if cohort is None or cohort + args.age > last:
        fail(f"no cell {args.cohort} at age {args.age}")
    p = cohort + args.age
    chosen = {m for m in members[cohort]
              if (p in ordered_in[m] if args.retention == "classic" else max(ordered_in[m]) >= p)}
    in_log_order = list(dict.fromkeys(r[0] for r in rows))
    return "".join(f"{c}\n" for c in in_log_order if c in chosen)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for role in ("customer", "date", "amount", "quantity", "price", "order"):
        parser.add_argument(f"--{role}")
    parser.add_argument("--delimiter")
    parser.add_argument("--date-format")
    parser.add_argument("--utc-offset")
    parser.add_argument("--period", default="month",
                        choices=["day", "week", "month", "quarter", "year"])
    parser.add_argument("--week-start", default="monday", choices=["monday", "sunday"])
    parser.add_argument("--from", dest="from_")
    parser.add_argument("--to")
    parser.add_argument("--retention", default="classic", choices=["classic", "unbounded"])
    parser.add_argument("--wide", action="store_true")
    parser.add_argument("--show", default="pct", choices=["pct", "count", "revenue", "ltv"])
    parser.add_argument("--precision", type=int, default=2)
    parser.add_argument("--customers", action="store_true")
    parser.add_argument("--cohort")
    parser.add_argument("--age", type=int)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    if args.amount and (args.quantity or args.price):
        fail("--amount or --quantity with --price, not both")
    if args.date_format and args.date_format not in ("epoch", "epoch-ms"):
        args.pattern = format_pattern(args.date_format)
    if args.customers:
        if args.cohort is None or args.age is None:
            fail("--customers needs --cohort C and --age K")
        sys.stdout.write(customers_of_cell(args))
    else:
        sys.stdout.write(wide_form(args) if args.wide else long_form(args))


if __name__ == "__main__":
    main()
