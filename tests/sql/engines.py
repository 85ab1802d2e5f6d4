"""Running a case's SQL on a real engine. A case is a folder holding setup.sql (the table),
query.sql (churn's --emit-sql output, run as written: every statement in it runs, as a user's
client would run the file) and optionally post.sql (a check after the query); the engine writes
out.csv (and post.csv) there, or error.txt, also when a column of the result is neither text
nor an integer (the contract's types; types.sql asks the engine). The CSV is the same text for
every engine: a header, NULL as an empty field, an empty string as "", a field quoted only when
it holds a comma, a quote, CR or LF, and `\\n` after every line (duckdb.mjs writes the same).
    run(engine, folders, env)   engine: duckdb, sqlite or postgres
    unavailable(engine)         None, or why the engine cannot run here (the test is skipped)"""
import csv
import glob
import io
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
# What the SQLite and PostgreSQL clients print for NULL, so that it differs from ''.
NULL = "@@churn-null@@"
# Every engine's session and process in UTC, whatever the machine says.
ENGINE_ENV = dict(os.environ, TZ="UTC", PGTZ="UTC")
# Seconds for one case (a runaway recursive CTE must not take the other cases' results with
# it), and for one node process's share of the cases.
CASE_TIMEOUT = 60
BATCH_TIMEOUT = 200


def csv_field(value):
    if value is None:
        return ""
    if value == "" or any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def canonical(raw):
    """The canonical CSV of a client's CSV output in which NULL was printed as NULL."""
    records = csv.reader(io.StringIO(raw, newline=""))
    return "".join(",".join(csv_field(None if f == NULL else f) for f in r) + "\n"
                   for r in records)


def write_error(folder, text):
    with open(os.path.join(folder, "error.txt"), "w", encoding="utf-8") as handle:
        handle.write(text)


def client(command, timeout, **options):
    """Runs a client; a timeout is an exit status 124 and a message, as timeout(1) says."""
    try:
        return subprocess.run(command, capture_output=True, text=True, env=ENGINE_ENV,
                              check=False, timeout=timeout, **options)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(command, 124, "", f"no result after {timeout} s")


def types_sql(folder, after):
    """SQL that makes the query a view (which runs nothing) and then `after`, to see the types
    of its columns: the contract allows text and integers only."""
    with open(os.path.join(folder, "query.sql"), encoding="utf-8") as handle:
        body = handle.read().rstrip().removesuffix(";")
    with open(os.path.join(folder, "types.sql"), "w", encoding="utf-8") as handle:
        handle.write(f"CREATE TEMP VIEW churn_result AS\n{body};\n{after}")


# The column types the contract allows: text and integers.
PG_TYPES = {"text", "character varying", "bigint", "integer", "smallint"}
PG_TYPES_QUERY = ("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute\n"
                  "WHERE attrelid = 'churn_result'::regclass AND attnum > 0 ORDER BY attnum;\n")
# SQLite has types per value: `.mode quote` writes text quoted, integers bare, reals with a '.'.
SQLITE_TYPES_QUERY = ".mode quote\n.headers off\nSELECT * FROM churn_result;\n"
SQLITE_VALUE = re.compile(r"'(?:[^']|'')*'|NULL|-?[0-9]+(?=,|$)|[^,]*")


def wrong_types(engine, folder):
    """The result's columns of a type the contract does not allow, as `name is TYPE`."""
    with open(os.path.join(folder, "types.raw"), encoding="utf-8", newline="") as handle:
        raw = handle.read()
    if engine == "postgres":
        return [f"{n} is {t}" for n, t in csv.reader(io.StringIO(raw)) if t not in PG_TYPES]
    with open(os.path.join(folder, "out.csv"), encoding="utf-8", newline="") as handle:
        names = next(csv.reader(handle), [])
    wrong = {}
    for line in raw.splitlines():
        values = [m.group(0) for m in SQLITE_VALUE.finditer(line) if m.group(0)]
        for name, value in zip(names, values):
            if not (value.startswith("'") or value == "NULL" or re.fullmatch(r"-?[0-9]+", value)):
                wrong.setdefault(name, f"{name} holds {value}")
    return list(wrong.values())


def finish(engine, folder, done, names):
    """Turns a client's raw outputs into the canonical ones, or records why it failed."""
    if done.returncode != 0:
        write_error(folder, f"exit {done.returncode}: {done.stderr.strip()}")
        return
    for name in names:
        raw_path = os.path.join(folder, name + ".raw")
        if not os.path.exists(raw_path):
            continue
        with open(raw_path, encoding="utf-8", newline="") as handle:
            text = canonical(handle.read())
        with open(os.path.join(folder, name + ".csv"), "w", encoding="utf-8",
                  newline="") as handle:
            handle.write(text)
    wrong = wrong_types(engine, folder)
    if wrong:
        write_error(folder, f"columns neither text nor an integer: {', '.join(wrong)}")


def run_sqlite(folder):
    """One sqlite3 process on an in-memory database; run.sql can be replayed by hand:
    `sqlite3 :memory: < FOLDER/run.sql`."""
    lines = [".bail on", f".read '{os.path.join(folder, 'setup.sql')}'", ".headers on",
             ".mode csv", f".nullvalue {NULL}",
             f".output '{os.path.join(folder, 'out.raw')}'",
             f".read '{os.path.join(folder, 'query.sql')}'"]
    if os.path.exists(os.path.join(folder, "post.sql")):
        lines += [f".output '{os.path.join(folder, 'post.raw')}'",
                  f".read '{os.path.join(folder, 'post.sql')}'"]
    types_sql(folder, SQLITE_TYPES_QUERY)
    lines += [f".output '{os.path.join(folder, 'types.raw')}'",
              f".read '{os.path.join(folder, 'types.sql')}'"]
    with open(os.path.join(folder, "run.sql"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    with open(os.path.join(folder, "run.sql"), "rb") as script:
        done = client(["sqlite3", "-bail", ":memory:"], CASE_TIMEOUT, stdin=script)
    # The sqlite3 shell reports some errors of a .read file without a failing exit status.
    if done.returncode == 0 and done.stderr.strip():
        done.returncode = 1
    finish("sqlite", folder, done, ["out", "post"])


def pg_settings(env_file):
    """PGDATA, PGHOST… of the cluster postgres.sh started (its DIR/env)."""
    settings = {}
    with open(env_file, encoding="utf-8") as handle:
        for line in handle:
            key, _, value = line.rstrip("\n").partition("=")
            settings[key] = value
    return settings


def run_postgres(folder, schema, host):
    """One psql session: the case's own schema (dropped first: a rerun on the same cluster
    starts clean) on the search path; run.sql can be replayed with `psql -f`."""
    lines = ["\\set ON_ERROR_STOP 1", "SET client_min_messages = warning;",
             "SET TimeZone = 'UTC';", f"SET statement_timeout = '{CASE_TIMEOUT}s';",
             f'DROP SCHEMA IF EXISTS "{schema}" CASCADE;', f'CREATE SCHEMA "{schema}";',
             f'SET search_path TO "{schema}";',
             f"\\i '{os.path.join(folder, 'setup.sql')}'",
             f"\\pset null '{NULL}'",
             f"\\o '{os.path.join(folder, 'out.raw')}'",
             f"\\i '{os.path.join(folder, 'query.sql')}'"]
    if os.path.exists(os.path.join(folder, "post.sql")):
        lines += [f"\\o '{os.path.join(folder, 'post.raw')}'",
                  f"\\i '{os.path.join(folder, 'post.sql')}'"]
    types_sql(folder, PG_TYPES_QUERY)
    lines += ["\\pset tuples_only on", f"\\o '{os.path.join(folder, 'types.raw')}'",
              f"\\i '{os.path.join(folder, 'types.sql')}'"]
    with open(os.path.join(folder, "run.sql"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    done = client(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--csv", "-h", host, "-U",
                   "churn", "-d", "postgres", "-f", os.path.join(folder, "run.sql")],
                  CASE_TIMEOUT)
    finish("postgres", folder, done, ["out", "post"])


def run_duckdb(folders):
    """The cases in one node process (loading DuckDB costs more than a small case)."""
    done = client(["node", os.path.join(HERE, "duckdb.mjs"), *folders], BATCH_TIMEOUT)
    if done.returncode != 0:
        for folder in folders:
            if not os.path.exists(os.path.join(folder, "out.csv")):
                write_error(folder, f"duckdb.mjs exited {done.returncode}: "
                                    f"{done.stderr.strip()}")


def unavailable(engine):
    """None, or why the engine cannot run here."""
    if engine == "duckdb":
        if not shutil.which("node"):
            return "node is not installed (Debian: apt-get install nodejs)"
        done = subprocess.run(["node", os.path.join(HERE, "duckdb.mjs"), "--check"],
                              capture_output=True, text=True, check=False)
        return (done.stderr.strip() or "duckdb.mjs --check failed") if done.returncode else None
    if engine == "sqlite":
        return None if shutil.which("sqlite3") else \
            "the sqlite3 shell is not installed (Debian: apt-get install sqlite3)"
    if not shutil.which("psql") or not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        return "PostgreSQL is not installed (Debian: apt-get install postgresql)"
    return None


def run(engine, folders, env=None):
    """Runs every case folder on the engine (env: the postgres.sh env file)."""
    if engine == "duckdb":
        # two processes, every other case each: the large cases are spread over both
        jobs = [(run_duckdb, folders[i::2]) for i in range(2) if folders[i::2]]
    elif engine == "sqlite":
        jobs = [(run_sqlite, folder) for folder in folders]
    else:
        host = pg_settings(env)["PGHOST"]
        jobs = [(run_postgres, folder, f"case{i}", host) for i, folder in enumerate(folders)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(*job) for job in jobs]:
            future.result()
