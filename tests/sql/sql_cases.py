"""The cases the --emit-sql tests run on every engine: every hand-made case of tests/events and
tests/cohort, variants over a generated log (generated.py), the options the emission must
refuse, hostile names (injection), table names (schema-qualified, like the query's CTEs), and
typed columns (DuckDB and PostgreSQL).
A case is churn's command, flags and logs; its expected table is what churn itself prints.
    all_cases(folder, dialect)   the cases, their generated logs written into `folder`"""
import importlib.util
import os
from dataclasses import dataclass

import generated

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)

# Hand-made cases whose options the contract says no SQL expresses: (the option, why). Their
# emission must fail (exit 2, an error naming --emit-sql and the option); each counts as a pass
# only because it is listed here.
NOT_EXPRESSIBLE = {
    "cohort/customers_age0": ("--customers", "it lists ids, not the table"),
    "cohort/customers_unbounded": ("--customers", "it lists ids, not the table"),
    "cohort/date_format_qty": ("--date-format", "a pattern: SQL reads ISO dates and epochs"),
    "cohort/wide_count": ("--wide", "one column per age: not a fixed result"),
    "cohort/wide_ltv": ("--wide", "one column per age: not a fixed result"),
    "cohort/wide_pct": ("--wide", "one column per age: not a fixed result"),
    "cohort/wide_revenue": ("--wide", "one column per age: not a fixed result"),
}

# The second table of the injection cases: it must still be there, whole, after the query.
KEEP_SETUP = "CREATE TABLE keep (x TEXT);\nINSERT INTO keep VALUES ('still here');\n"
KEEP_CHECK = ("SELECT count(*) AS n, min(x) AS x FROM keep;\n", "n,x\n1,still here\n")
HOSTILE_TABLE = 'we"ird;DROP TABLE keep;--'
HOSTILE_COLUMNS = {"customer": "cu'st\"omer;", "date": "da`te -- x", "amount": "am'; ount\"--"}


@dataclass
class Case:
    name: str
    command: str  # events or cohort
    flags: list
    logs: list
    table: str = "events"
    before: str = ""  # SQL run before the log's table is created
    check: tuple = None  # (SQL run after the query, the CSV it must print)
    unexpressible: tuple = None  # (option, why): NOT_EXPRESSIBLE, REFUSED
    types: dict = None  # column: SQL type, for the columns not loaded as text
    emit_reads_log: bool = True  # False: the emission is given the flags only, no log file


def load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def hand_made():
    out = []
    for command in ("events", "cohort"):
        module = load_module(f"{command}_cases", os.path.join(TESTS, command, "cases.py"))
        for name in module.names():
            logs, flags, _ = module.load(name)
            key = f"{command}/{name}"
            out.append(Case(key, command, flags, logs, unexpressible=NOT_EXPRESSIBLE.get(key)))
    stale = set(NOT_EXPRESSIBLE) - {c.name for c in out}
    if stale:
        raise ValueError(f"NOT_EXPRESSIBLE names no hand-made case: {', '.join(sorted(stale))}")
    return out


# (name, command, flags, which generated log): what the generated log is run with.
GENERATED = [
    ("month", "events", [], "full"),
    ("month K=3", "events", ["--inactive-after", "3"], "full"),
    ("month K=12", "events", ["--inactive-after", "12"], "full"),
    ("week K=2", "events", ["--period", "week", "--inactive-after", "2"], "full"),
    ("iso week", "events", ["--period", "week"], "full"),
    ("sunday week", "events", ["--period", "week", "--week-start", "sunday"], "full"),
    ("quarter", "events", ["--period", "quarter"], "full"),
    ("day", "events", ["--period", "day"], "days"),
    ("year", "events", ["--period", "year"], "full"),
    ("orders rows", "events", ["--orders", "rows"], "full"),
    ("orders days", "events", ["--orders", "days"], "full"),
    ("order column", "events", ["--order", "order_ref"], "full"),
    ("from to labels", "events", ["--from", "2023-03", "--to", "2024-06"], "full"),
    ("from to dates", "events", ["--from", "2023-03-15", "--to", "2024-06-10"], "full"),
    ("to past the end", "events", ["--to", "2025-03"], "full"),
    ("from before the start", "events", ["--from", "2022-09-15", "--period", "quarter"],
     "full"),
    ("week from to", "events", ["--period", "week", "--from", "2023-05-03",
                                "--to", "2023-08-31"], "full"),
    ("precision 0", "events", ["--precision", "0"], "full"),
    ("precision 4", "events", ["--precision", "4"], "full"),
    ("fields", "events", ["--fields", "period,lost,churn_pct,revenue"], "full"),
    ("no amount", "events", [], "no_amount"),
    ("zoned times", "events", [], "zoned"),
    ("zoned times utc offset", "events", ["--utc-offset", "+05:30"], "zoned"),
    ("zoned times by day utc offset", "events", ["--period", "day", "--utc-offset", "-05:00"],
     "zoned"),
    ("epoch seconds", "events", ["--date-format", "epoch"], "epoch"),
    ("epoch milliseconds utc offset", "events", ["--date-format", "epoch-ms", "--utc-offset",
                                                 "-03:00"], "epoch_ms"),
    ("cohort epoch seconds", "cohort", ["--date-format", "epoch"], "epoch"),
    ("cohort month", "cohort", [], "full"),
    ("cohort unbounded", "cohort", ["--retention", "unbounded"], "full"),
    ("cohort week", "cohort", ["--period", "week"], "full"),
    ("cohort quarter", "cohort", ["--period", "quarter"], "full"),
    ("cohort year", "cohort", ["--period", "year"], "full"),
    ("cohort day", "cohort", ["--period", "day"], "days"),
    ("cohort precision fields", "cohort", ["--precision", "3", "--fields",
                                           "cohort,age,retention_pct,ltv"], "full"),
    ("cohort from to", "cohort", ["--from", "2023-05", "--to", "2024-03"], "full"),
    ("cohort from to unbounded", "cohort", ["--from", "2023-05-10", "--to", "2024-03-20",
                                            "--retention", "unbounded"], "full"),
]


# (name, command, flags, the option the emission must refuse, why): what the contract says no
# SQL expresses, on the generated log.
REFUSED = [
    ("summary", "events", ["--summary"], "--summary", "totals are another table"),
    ("summary only", "events", ["--summary-only"], "--summary", "totals are another table"),
    ("format json", "events", ["--format", "json"], "--format", "the query returns CSV's rows"),
    ("cohort format json", "cohort", ["--format", "json"], "--format",
     "the query returns CSV's rows"),
    ("decimal comma", "events", ["--decimal-comma"], "--decimal-comma",
     "the query writes decimal points"),
    ("skip invalid", "events", ["--skip-invalid"], "--skip-invalid",
     "a query has no rows to report"),
    ("chart", "events", ["--chart", "--format", "table"], "--chart", "a picture, not rows"),
]


def generated_cases(paths):
    cases = [Case(f"generated/{name}", command, flags, [paths[log]])
             for name, command, flags, log in GENERATED]
    cases += [Case(f"refused/{name}", command, flags, [paths["full"]], unexpressible=(option, why))
              for name, command, flags, option, why in REFUSED]
    k1 = os.path.join(TESTS, "events", "logs", "k1.csv")
    cases.append(Case("refused/revenue movements", "events", ["--revenue-movements"], [k1],
                      unexpressible=("--revenue-movements", "not written as SQL")))
    return cases


def hostile_log(folder):
    """A log whose column names hold quotes, semicolons, a backquote, blanks and `--`."""
    path = os.path.join(folder, "hostile.csv")
    names = [HOSTILE_COLUMNS[k] for k in ("customer", "date", "amount")]
    header = ",".join('"' + n.replace('"', '""') + '"' for n in names)
    rows = ["a,2024-01-05,10.00", "b,2024-01-20,5.50", "a,2024-02-03,7.25", "c,2024-03-09,1.00",
            "b,2024-03-30,-2.00"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("\n".join([header, *rows]) + "\n")
    return path


def injection_cases(folder):
    log = hostile_log(folder)
    flags = ["--customer", HOSTILE_COLUMNS["customer"], "--date", HOSTILE_COLUMNS["date"],
             "--amount", HOSTILE_COLUMNS["amount"]]
    return [Case(f"injection/{command}", command, flags, [log], table=HOSTILE_TABLE,
                 before=KEEP_SETUP, check=KEEP_CHECK) for command in ("events", "cohort")]


def table_cases():
    """A schema-qualified table, tables named like the query's own CTEs (at the time of
    writing), as a user's table may well be (in SQLite every CTE of a WITH sees every other),
    and an emission that reads no log, only the flags."""
    log = os.path.join(TESTS, "events", "logs", "k1.csv")
    return [Case("table/schema-qualified", "events", [], [log], table="shop.orders"),
            Case("table/named log_text", "events", [], [log], table="log_text"),
            Case("table/named log_rows", "events", [], [log], table="log_rows"),
            Case("table/named periods", "events", [], [log], table="periods"),
            Case("table/named cells", "cohort", [], [log], table="cells"),
            Case("table/columns from the flags, no log file", "events",
                 ["--customer", "customer_id", "--date", "date", "--amount", "amount"], [log],
                 emit_reads_log=False)]


def typed_cases(paths):
    """The contract's typed columns (DuckDB and PostgreSQL): DATE or TIMESTAMP, DECIMAL,
    INTEGER."""
    k1 = os.path.join(TESTS, "events", "logs", "k1.csv")
    qty_price = os.path.join(TESTS, "events", "logs", "qty_price.csv")
    full = paths["full"]
    typed = {"date": "TIMESTAMP", "amount": "DECIMAL(18,3)"}
    return [Case("typed/k1 date decimal", "events", [], [k1],
                 types={"date": "DATE", "amount": "DECIMAL(12,2)"}),
            Case("typed/qty integer price decimal", "events", ["--quantity", "qty", "--price",
                 "price"], [qty_price], types={"date": "DATE", "qty": "INTEGER",
                                               "price": "DECIMAL(10,3)"}),
            Case("typed/generated timestamp decimal", "events", [], [full], types=typed),
            Case("typed/generated cohort", "cohort", [], [full], types=typed)]


def all_cases(folder, dialect):
    paths = generated.write(folder)
    typed = typed_cases(paths) if dialect in ("duckdb", "postgres") else []
    return [*hand_made(), *generated_cases(paths), *injection_cases(folder), *table_cases(),
            *typed]
