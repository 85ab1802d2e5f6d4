#!/usr/bin/env python3
"""Runs churn's --emit-sql queries on a real engine and compares their result with churn's own
CSV, byte for byte (SPEC §8). For every case (sql_cases.py): `churn CMD FLAGS LOGS` gives the
expected CSV (it must exit 0), `churn CMD FLAGS LOGS --emit-sql DIALECT --table NAME` the
query; the logs are loaded into table NAME, every column text (logs.py), the query runs
(engines.py), and the first differing line is printed when the two differ. A case whose
options no SQL expresses passes only when it is listed so in sql_cases.py (NOT_EXPRESSIBLE,
REFUSED) and its emission fails naming the option.
    run_cases.py CHURN DIALECT [--work DIR] [--only REGEX] [--pg DIR]
DIALECT: duckdb, sqlite or postgres (--pg: the folder `postgres.sh start` ran in). Each case
leaves its folder in DIR (setup.sql, query.sql, expected.csv, out.csv, run.sql) to replay by
hand. Exit 0 when every case passes, 1 otherwise, 77 when the engine is not installed."""
import argparse
import os
import re
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import engines  # noqa: E402
import logs  # noqa: E402
import sql_cases  # noqa: E402
from oracle_cases import first_difference, run  # noqa: E402

SKIP = 77


def folder_name(name):
    return re.sub(r"[^A-Za-z0-9_.=-]+", "_", name)


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def prepare(churn, dialect, case, folder):
    """Writes the case's folder; None when the engine has to run it, else its verdict."""
    os.makedirs(folder)
    status, expected, err = run([churn, case.command, *case.flags, *case.logs])
    if status != 0:
        return f"FAIL {case.name}: churn {case.command} exited {status}: {err.strip()}"
    emit = [churn, case.command, *case.flags, *(case.logs if case.emit_reads_log else []),
            "--emit-sql", dialect, "--table", case.table]
    status, query, err = run(emit)
    if case.unexpressible:
        option, why = case.unexpressible
        if status == 2 and "--emit-sql" in err and option in err:
            error = [line for line in err.splitlines() if line.startswith("churn: error:")]
            return f"not expressible {case.name}: {option}, {why} ({' '.join(error)})"
        return (f"FAIL {case.name}: its emission should fail naming {option} ({why}), "
                f"it exited {status}: {err.strip()}")
    if status != 0:
        unlisted = " (not expressible, but not listed so)" if "cannot express" in err else ""
        return f"FAIL {case.name}: --emit-sql exited {status}{unlisted}: {err.strip()}"
    if not query.endswith(";\n"):
        return f"FAIL {case.name}: the query does not end in ';' and a newline"
    header, rows = logs.read_log(case.logs, case.flags)
    write(os.path.join(folder, "setup.sql"),
          case.before + logs.setup_sql(dialect, case.table, header, rows, case.types))
    write(os.path.join(folder, "query.sql"), query)
    write(os.path.join(folder, "expected.csv"), expected)
    write(os.path.join(folder, "command.txt"), " ".join(emit) + "\n")
    if case.check:
        write(os.path.join(folder, "post.sql"), case.check[0])
    return None


def verdict(case, folder):
    """PASS or FAIL with the first difference, from the engine's outputs in the folder."""
    error = os.path.join(folder, "error.txt")
    if os.path.exists(error):
        return f"FAIL {case.name}: the engine failed: {read(error).strip()}"
    got = read(os.path.join(folder, "out.csv"))
    expected = read(os.path.join(folder, "expected.csv"))
    if got == "" and expected:
        # The sqlite3 shell prints no header either then.
        return f"FAIL {case.name}: the query returned no rows"
    problem = first_difference(got, expected)
    if problem:
        return f"FAIL {case.name}: not churn's CSV, {problem}"
    if case.check:
        problem = first_difference(read(os.path.join(folder, "post.csv")), case.check[1])
        if problem:
            return f"FAIL {case.name}: the other table was changed: {problem}"
    return f"PASS {case.name}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("churn")
    parser.add_argument("dialect", choices=["duckdb", "sqlite", "postgres"])
    parser.add_argument("--work", help="folder for the cases (default: sql-DIALECT here)")
    parser.add_argument("--only", help="only the cases whose name matches this regex")
    parser.add_argument("--pg", help="the folder of `postgres.sh start` (postgres)")
    args = parser.parse_args()

    why = engines.unavailable(args.dialect)
    pg_env = None
    if args.dialect == "postgres" and not why:
        pg_env = os.path.join(args.pg or "pg", "env")
        if not os.path.exists(pg_env):
            print(f"no cluster: {pg_env} is missing; start one with "
                  f"tests/sql/postgres.sh start {args.pg or 'pg'}")
            return 1
    if why:
        print(f"{args.dialect}: skipped: {why}")
        return SKIP

    work = os.path.abspath(args.work or f"sql-{args.dialect}")
    # A rerun starts clean, but only a folder this runner made is ever removed.
    mark = os.path.join(work, ".run_cases")
    if os.path.isdir(work) and os.listdir(work) and not os.path.exists(mark):
        print(f"--work {work} is not empty and not a folder of run_cases.py; choose another")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    write(mark, "")
    cases = sql_cases.all_cases(work, args.dialect)
    if args.only:
        cases = [c for c in cases if re.search(args.only, c.name)]
    folders = [os.path.join(work, f"{i:03d}-{folder_name(c.name)}") for i, c in enumerate(cases)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        early = list(pool.map(lambda cf: prepare(args.churn, args.dialect, *cf),
                              zip(cases, folders)))
    to_run = [f for f, e in zip(folders, early) if e is None]
    engines.run(args.dialect, to_run, pg_env)
    results = [e or verdict(c, f) for c, f, e in zip(cases, folders, early)]

    for line in results:
        print(line)
    failed = sum(r.startswith("FAIL") for r in results)
    passed = sum(r.startswith("PASS") for r in results)
    print(f"{args.dialect}: {passed} passed, {len(results) - passed - failed} not expressible "
          f"(listed), {failed} failed of {len(results)}; the cases are in {work}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
