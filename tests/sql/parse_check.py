#!/usr/bin/env python3
"""Emits every case of parse_cases.txt as BigQuery and as Spark SQL and parse-checks the text.

    parse_check.py CHURN [--keep DIR]

BigQuery and Spark cannot run here, so SPEC §8 asks only that their text parse: churn must exit
0 with one statement ending in ";\\n", and parse_check.mjs must find its quoting right by the
dialect's own rules, every name given by flag (and each part of --table) quoted as exactly that
name, and node-sql-parser must read it as exactly one SELECT. The checker is itself tested first
on SELF_TEST. Exit 0 all pass, 1 any failure, 77 when node or node-sql-parser is missing (ctest:
skipped). --keep DIR leaves every emitted query in DIR as CASE.DIALECT.sql, to read.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LOGS = os.path.join(HERE, '..', 'events', 'logs')
DIALECTS = ('bigquery', 'spark')
SKIP = 77
NAME_FLAGS = ('--customer', '--date', '--amount', '--quantity', '--price', '--order')

# The checker itself, first: text it must accept and text it must refuse (DIALECTS.md says why).
SELF_TEST = [
    ('bigquery', True, "SELECT `a\\`b`, 'it\\'s' AS `end` FROM `p`.`d`.`t`;\n"),
    ('bigquery', False, "SELECT 'it''s' FROM t;\n"),
    ('bigquery', False, "SELECT `a``b` FROM t;\n"),
    ('bigquery', False, "SELECT `a\\mount` FROM t;\n"),
    ('bigquery', False, "SELECT 1 FROM t; DROP TABLE t;\n"),
    ('spark', True, "SELECT `a``b`, 'it\\'s' AS `end` FROM `c`.`s`.`t`;\n"),
    ('spark', False, "SELECT 'it''s' FROM t;\n"),
    ('spark', False, "SELECT x FROM t WHERE s RLIKE '^\\d';\n"),
    ('spark', False, "SELECT `a`b` FROM t;\n"),
]


def read_cases(path):
    """(name, churn arguments) per line; @FILE is a log of tests/events/logs, {NL} a newline."""
    cases = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            words = shlex.split(line)
            if len(words) < 2:
                sys.exit(f'{path}:{number}: a case needs a name and the arguments of churn')
            args = [os.path.join(LOGS, w[1:]) if w.startswith('@') else w.replace('{NL}', '\n')
                    for w in words[1:]]
            cases.append((words[0], args))
    return cases


def expected_names(args):
    """The names the query must quote exactly: the columns given by flag, the parts of --table."""
    names = [value for flag, value in zip(args, args[1:]) if flag in NAME_FLAGS]
    for flag, value in zip(args, args[1:]):
        if flag == '--table':
            names.extend(value.split('.'))
    return names


def run_checker(node, dialect, files):
    """parse_check.mjs on files ({path: label}): (exit status, [problem per failing file])."""
    check = subprocess.run(
        [node, os.path.join(HERE, 'parse_check.mjs'), '--dialect', dialect, *files],
        capture_output=True, text=True, timeout=300)
    if check.returncode not in (0, 1):
        return check.returncode, [f'parse_check.mjs {dialect} exited {check.returncode}: '
                                  f'{check.stdout}{check.stderr}']
    return check.returncode, problems(check.stdout, files, dialect)


def self_test(node, out_dir):
    """Failures of the checker on SELF_TEST, or the exit status 77 when it cannot run."""
    failures = []
    for dialect in DIALECTS:
        files = {}
        for number, (d, ok, text) in enumerate(SELF_TEST):
            if d == dialect:
                path = os.path.join(out_dir, f'self-test-{number}.{dialect}.sql')
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(text)
                files[path] = (f'self-test {number}', ok, text)
        status, found = run_checker(node, dialect, {p: v[0] for p, v in files.items()})
        if status == SKIP:
            return SKIP
        refused = {line.split(' ')[1] for line in found}
        for path, (label, ok, text) in files.items():
            if ok == (label.split(' ')[1] in refused):
                failures.append(f'parse_check.mjs {"refuses" if ok else "accepts"} {dialect} '
                                f'{text.strip()!r}')
    return failures


def emit(churn, args, dialect):
    """The query text, or the reason churn did not print one statement."""
    run = subprocess.run([churn, *args, '--emit-sql', dialect], capture_output=True, timeout=60)
    err = run.stderr.decode('utf-8', 'replace').strip()
    if run.returncode != 0:
        return None, f'churn exited {run.returncode}: {err}'
    try:
        text = run.stdout.decode('utf-8')
    except UnicodeDecodeError as e:
        return None, f'stdout is not UTF-8: {e}'
    # Comment lines may come first; the statement is one WITH or SELECT.
    body = re.sub(r'\A(?:\s*--[^\n]*\n)*\s*', '', text)
    if not body.startswith(('WITH', 'SELECT')) or not text.endswith(';\n'):
        return None, f'stdout is not one WITH/SELECT ending in ";\\n": {text[:80]!r}...'
    return text, None


def problems(report, files, dialect):
    """parse_check.mjs's report split per query: each problem starts with the file's path."""
    found = {}
    current = None
    for line in report.splitlines():
        starts = [path for path in files if line.startswith(path + ':')]
        if starts:
            current = starts[0]
            line = line[len(current):]
            found[current] = f'{files[current]} {dialect}{line}'
        elif current:
            found[current] += '\n' + line
    return list(found.values())


def main():
    if len(sys.argv) not in (2, 4) or (len(sys.argv) == 4 and sys.argv[2] != '--keep'):
        sys.exit(__doc__)
    churn = sys.argv[1]
    node = shutil.which('node')
    if node is None:
        print('skipped: node is not installed, so no SQL parser can run')
        return SKIP
    cases = read_cases(os.path.join(HERE, 'parse_cases.txt'))
    out_dir = sys.argv[3] if len(sys.argv) == 4 else tempfile.mkdtemp(prefix='churn-sqlparse-')
    os.makedirs(out_dir, exist_ok=True)
    failures = []
    try:
        broken = self_test(node, out_dir)
        if broken == SKIP:
            print('skipped: node-sql-parser is not installed (npm ci --prefix tests/sql)')
            return SKIP
        if broken:
            print('\n'.join(broken))
            return 1
        for dialect in DIALECTS:
            files = {}
            for name, args in cases:
                text, problem = emit(churn, args, dialect)
                if problem:
                    failures.append(f'{name} {dialect}: {problem}')
                    continue
                path = os.path.join(out_dir, f'{name}.{dialect}.sql')
                with open(path, 'w', encoding='utf-8', newline='') as f:
                    f.write(text)
                with open(path + '.names', 'w', encoding='utf-8') as f:
                    json.dump(expected_names(args), f)
                files[path] = name
            if not files:
                continue
            # One node process per dialect: starting node per query would cost most of the run.
            status, found = run_checker(node, dialect, files)
            if status == SKIP:
                print('skipped: node-sql-parser is not installed (npm ci --prefix tests/sql)')
                return SKIP
            failures.extend(found)
    finally:
        if len(sys.argv) != 4:
            shutil.rmtree(out_dir, ignore_errors=True)
    total = len(cases) * len(DIALECTS)
    for failure in failures:
        print(failure)
    print(f'{total - len(failures)} of {total} queries parse' if failures
          else f'all {total} queries ({len(cases)} cases x {len(DIALECTS)} dialects) parse')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
