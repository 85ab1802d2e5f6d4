"""Loading a case's log into a table the way the --emit-sql contract says the user has it: the
columns of the header, every one text, every value exactly as written in the file after the
CSV/TSV parsing of the log's delimiter (an empty field is '', not NULL), several files one
table (the header of the first). The loader quotes every identifier and literal itself, so a
hostile column or table name is data here too."""
import csv
import re

# The column type for text in each engine.
TEXT = {"duckdb": "VARCHAR", "postgres": "text", "sqlite": "TEXT"}
# Rows per INSERT: well under every engine's limit on one statement.
CHUNK = 400


def delimiter_of(flags, path):
    """The delimiter churn reads `path` with: --delimiter, else tab for *.tsv/*.tab, else ','.
    'whitespace' stands for runs of blanks."""
    given = None
    for i, flag in enumerate(flags):
        if flag == "--delimiter" and i + 1 < len(flags):
            given = flags[i + 1]
        elif flag.startswith("--delimiter="):
            given = flag.partition("=")[2]
    if given is None:
        return "\t" if path.endswith((".tsv", ".tab")) else ","
    if given in ("whitespace", "space", " "):
        return "whitespace"
    if given in ("tab", "\\t", "\t"):
        return "\t"
    return given


def read_records(path, delimiter):
    """The records of one file (lists of fields), blank lines skipped, a UTF-8 BOM ignored."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        if delimiter == "whitespace":
            # Blanks at either end of a line are ignored; quotes are ordinary bytes.
            lines = (line.rstrip("\r\n").strip(" \t") for line in handle)
            return [re.split(r"[ \t]+", line) for line in lines if line]
        return [r for r in csv.reader(handle, delimiter=delimiter, strict=True) if r]


def read_log(paths, flags):
    """(header, rows) of the files of one log."""
    header, rows = None, []
    for path in paths:
        records = read_records(path, delimiter_of(flags, path))
        if not records:
            continue
        if header is None:
            header = records[0]
        for number, record in enumerate(records[1:], 2):
            if len(record) != len(header):
                raise ValueError(f"{path}: record {number} has {len(record)} fields, "
                                 f"the header {len(header)}")
            rows.append(record)
    if header is None:
        raise ValueError(f"no header in {' '.join(paths)}")
    return header, rows


def identifier(name):
    """A quoted SQL identifier: the same rule in DuckDB, PostgreSQL and SQLite."""
    return '"' + name.replace('"', '""') + '"'


def literal(text):
    """A quoted SQL string literal (standard strings: a backslash is an ordinary byte)."""
    return "'" + text.replace("'", "''") + "'"


def table_name(name):
    """The table of `--table NAME`: a dotted name is schema-qualified, each part quoted."""
    return ".".join(identifier(part) for part in name.split("."))


def schema_statements(engine, name):
    """What creates the schema of a schema.table name (SQLite: an attached database)."""
    if "." not in name:
        return []
    schema = table_name(name.rpartition(".")[0])
    if engine == "sqlite":
        return [f"ATTACH DATABASE ':memory:' AS {schema};"]
    if engine == "postgres":
        return [f"DROP SCHEMA IF EXISTS {schema} CASCADE;", f"CREATE SCHEMA {schema};"]
    return [f"CREATE SCHEMA {schema};"]


def setup_sql(engine, name, header, rows, types=None):
    """CREATE TABLE and INSERTs that load the rows into table `name` in `engine`; `types` gives
    some columns another type than text (the engine converts the text literals)."""
    table = table_name(name)
    types = types or {}
    columns = ", ".join(f"{identifier(c)} {types.get(c, TEXT[engine])}" for c in header)
    out = schema_statements(engine, name) + [f"CREATE TABLE {table} ({columns});"]
    for start in range(0, len(rows), CHUNK):
        values = ",\n".join("(" + ", ".join(literal(v) for v in row) + ")"
                            for row in rows[start:start + CHUNK])
        out.append(f"INSERT INTO {table} VALUES\n{values};")
    return "\n".join(out) + "\n"
