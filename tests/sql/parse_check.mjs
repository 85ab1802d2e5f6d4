// Parse-checks the SQL that `churn ... --emit-sql bigquery|spark` prints, since no BigQuery or
// Spark engine runs here (SPEC §8: "checked by a parser of that dialect").
//   node parse_check.mjs --dialect bigquery|spark [FILE...]     (no FILE, or "-": stdin)
// Exit 0: every input is exactly one SELECT statement that parses, its quoting is right by the
// dialect's rules, and FILE.names (if any) are among its quoted names. 1: a parse error (with
// line, column and the offending line) or not exactly one SELECT (a second statement is what an
// injection through an unquoted name would look like). 2: bad usage. 77: node-sql-parser is not
// installed (`npm ci --prefix tests/sql`), so ctest reports a skip, not a failure.
//
// The parser is node-sql-parser 5.4.0 (pinned in package.json). It has a `bigquery` grammar but no
// Spark one: Spark SQL is checked with its `hive` grammar, the nearest relative (backquoted names
// with `` doubled, backslash escapes in '...', explode/sequence, pmod, date_format). Both grammars
// are subsets written by hand: they reject some valid SQL (see DIALECTS.md, "What the parser
// rejects") and accept some invalid SQL, so a pass here says "no syntax error the grammar knows",
// not "BigQuery or Spark runs it". Quoting, where the grammars are wrong, is checked first by
// lexical.mjs with each dialect's own rules, and its quoted names are replaced by placeholders.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { lex } from './lexical.mjs';

const grammar_of = { bigquery: 'bigquery', spark: 'hive' };

function usage(message) {
  process.stderr.write(`parse_check: ${message}\n` +
    'usage: node parse_check.mjs --dialect bigquery|spark [FILE...]\n');
  process.exit(2);
}

function load_parser() {
  // Resolved next to this script, where `npm ci --prefix tests/sql` puts node_modules.
  const require = createRequire(import.meta.url);
  try {
    return new (require('node-sql-parser').Parser)();
  } catch (e) {
    process.stdout.write('parse_check: skipped: node-sql-parser is not installed ' +
      `(run npm ci --prefix tests/sql): ${e.code || e.message}\n`);
    process.exit(77);
  }
}

// The parser's own location (peg.js errors carry one); other errors (its "reserved word" checks)
// have none and are printed as they are.
// peg.js lists every token it would have taken (dozens): the first few say enough.
function shorten(message) {
  const m = /^Expected (.*) but (.*) found\.$/s.exec(message);
  if (!m) return message;
  const expected = m[1].split(', ');
  if (expected.length <= 8) return message;
  return `Expected one of ${expected.length} tokens (${expected.slice(0, 8).join(', ')}, ...)` +
    ` but ${m[2]} found.`;
}

function describe(name, original, seen, error) {
  if (!(error.location && error.location.start)) return `${name}: ${error.message}`;
  // peg.js points at the blanks before the token it could not take: point at the token.
  let at = error.location.start.offset;
  while (at < seen.length && /\s/.test(seen[at])) at += 1;
  const lines = seen.slice(0, at).split('\n');
  const where = { line: lines.length, column: lines[lines.length - 1].length + 1 };
  const line = seen.split('\n')[where.line - 1] ?? '';
  const before = original.split('\n')[where.line - 1] ?? '';
  return `${name}:${where.line}:${where.column}: ${shorten(error.message)}\n` +
    `  ${line}\n  ${' '.repeat(Math.max(0, where.column - 1))}^` +
    (before === line ? '' : `\n  (quoted names replaced; the line as written: ${before})`);
}

// FILE.names, when it exists, holds a JSON list of names (a hostile column, a part of --table)
// that some quoted name of FILE must read as exactly: a quote escaped wrongly changes the name.
function expected_names(file) {
  try {
    return JSON.parse(readFileSync(`${file}.names`, 'utf8'));
  } catch (e) {
    if (e.code === 'ENOENT') return [];
    throw e;
  }
}

function check(parser, dialect, name, text) {
  const lexed = lex(text, dialect);
  if (lexed.problems.length > 0) {
    return lexed.problems.map((p) => `${name}:${p.line}:${p.column}: ${p.message}\n` +
      `  ${text.split('\n')[p.line - 1]}\n  ${' '.repeat(p.column - 1)}^`).join('\n');
  }
  const missing = expected_names(name).filter((n) => !lexed.names.has(n));
  if (missing.length > 0) {
    return `${name}: no quoted name reads as ${missing.map((n) => JSON.stringify(n)).join(', ')}` +
      ` (names quoted: ${[...lexed.names].map((n) => JSON.stringify(n)).join(', ')})`;
  }
  let ast;
  try {
    ast = parser.astify(lexed.text, { database: grammar_of[dialect] });
  } catch (e) {
    return describe(name, text, lexed.text, e);
  }
  const statements = Array.isArray(ast) ? ast : [ast];
  if (statements.length !== 1) {
    return `${name}: ${statements.length} statements (${statements.map((s) => s.type).join(', ')}),` +
      ' expected exactly one SELECT';
  }
  if (statements[0].type !== 'select') {
    return `${name}: a ${statements[0].type} statement, expected a SELECT`;
  }
  return null;
}

const args = process.argv.slice(2);
let dialect = null;
const files = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--dialect') dialect = args[++i];
  else if (args[i].startsWith('--dialect=')) dialect = args[i].slice('--dialect='.length);
  else files.push(args[i]);
}
if (!(dialect in grammar_of)) usage(`--dialect must be bigquery or spark, not ${dialect}`);
if (files.length === 0) files.push('-');

const parser = load_parser();
let failed = false;
for (const file of files) {
  const name = file === '-' ? '<stdin>' : file;
  let text;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    usage(`cannot read ${name}: ${e.message}`);
  }
  const problem = check(parser, dialect, name, text);
  if (problem) {
    process.stdout.write(`${problem}\n`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
