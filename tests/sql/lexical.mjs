// The lexical layer of BigQuery and Spark SQL, checked exactly, before node-sql-parser sees the
// text. The parser's grammars get quoting wrong in both directions: its bigquery grammar rejects
// the valid escape `\`` inside a quoted name, its hive grammar has no `` doubling (it reads `a``b`
// as `a` AS `b`) and no three-part names; and neither knows that a doubled '' is NOT an escape in
// these dialects ('it''s' is two literals: BigQuery refuses it, Spark silently reads "its").
// So every quoted name is decoded here by the dialect's own rules and replaced by a plain
// placeholder, and the mistakes a generator makes with quotes are reported as problems.
//
// Rules (DIALECTS.md has the links):
//   BigQuery: `...` and '...' "..." '''...''' """...""" share one set of backslash escapes
//     (\a \b \f \n \r \t \v \\ \? \" \' \` \ooo \xhh \uhhhh \Uhhhhhhhh); any other is an error;
//     a newline is allowed only in triple-quoted strings; r'...' is raw; # starts a comment.
//   Spark (SqlBaseLexer.g4): `...` with `` for a backquote and no escapes; '...' and "..." with
//     backslash escapes (\0 \ooo \b \n \r \t \Z \% \_ \uXXXX; any other \c is c: the backslash
//     vanishes, so '^\d' is '^d'); R'...' raw; /* */ nests; a -- comment continues over
//     a backslash-newline.

const BQ_SIMPLE_ESCAPES = new Set(['a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '?', '"', "'", '`']);
const SPARK_ESCAPES = new Set(['0', '1', '2', '3', 'b', 'n', 'r', 't', 'Z', '%', '_', 'u', '\\', "'", '"']);

class Scanner {
  constructor(text, dialect) {
    this.text = text;
    this.dialect = dialect;
    this.i = 0;
    this.out = [];
    this.problems = [];
    this.names = new Map(); // decoded name -> placeholder
    this.last_token = null; // 'string' | 'other', for the adjacent-literals check
  }

  where(at) {
    const before = this.text.slice(0, at).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  }

  problem(at, message) {
    this.problems.push({ ...this.where(at), message });
  }

  // A placeholder no grammar mistakes for anything else; the same name gets the same one. Its
  // newlines are kept after it so that line numbers still point into the original text.
  placeholder(name, raw) {
    if (!this.names.has(name)) this.names.set(name, `q${this.names.size + 1}`);
    const id = this.names.get(name);
    return '`' + id + '`' + '\n'.repeat((raw.match(/\n/g) || []).length);
  }

  // The escape at this.i (just after a backslash) in a BigQuery literal or name; returns its length.
  bq_escape(start) {
    const t = this.text;
    const c = t[this.i];
    if (BQ_SIMPLE_ESCAPES.has(c)) return 1;
    const hex = (n) => new RegExp(`^[0-9a-fA-F]{${n}}`).test(t.slice(this.i + 1, this.i + 1 + n));
    if (/[0-7]/.test(c) && /^[0-7]{3}$/.test(t.slice(this.i, this.i + 3))) return 3;
    if ((c === 'x' || c === 'X') && hex(2)) return 3;
    if (c === 'u' && hex(4)) return 5;
    if (c === 'U' && hex(8)) return 9;
    this.problem(start, `illegal escape \\${c ?? ''} (BigQuery refuses it: a backslash itself is \\\\)`);
    return 1;
  }

  bq_decode_char(c, seq) {
    const map = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
    if (seq.length === 1) return map[c] ?? c;
    if (/^[0-7]{3}$/.test(seq)) return String.fromCodePoint(parseInt(seq, 8));
    return String.fromCodePoint(parseInt(seq.slice(1), 16));
  }

  // '...' "..." and the triple-quoted forms; raw when prefixed with r.
  string(start, raw) {
    const t = this.text;
    const q = t[this.i];
    const triple = this.dialect === 'bigquery' && t.startsWith(q.repeat(3), this.i);
    const close = triple ? q.repeat(3) : q;
    this.i += close.length;
    for (;;) {
      if (this.i >= t.length) return this.problem(start, 'unterminated string literal');
      if (t.startsWith(close, this.i)) {
        this.i += close.length;
        return;
      }
      const c = t[this.i];
      if (c === '\n' && !triple && this.dialect === 'bigquery') {
        this.problem(this.i, 'a newline inside a quoted string (BigQuery refuses it: write \\n)');
      }
      if (c === '\\' && !raw) {
        this.i += 1;
        if (this.dialect === 'bigquery') this.i += this.bq_escape(this.i - 1);
        else {
          if (!SPARK_ESCAPES.has(t[this.i])) {
            this.problem(this.i - 1, `\\${t[this.i]} in a string: Spark drops the backslash ` +
              '(write \\\\ for one, or a character class such as [0-9])');
          }
          this.i += 1;
        }
      } else if (c === '\\' && raw && this.dialect === 'bigquery') {
        this.i += 2; // a raw string still cannot end in an odd backslash: \' does not close it
      } else this.i += 1;
    }
  }

  backquoted(start) {
    const t = this.text;
    let name = '';
    this.i += 1;
    for (;;) {
      if (this.i >= t.length) return this.problem(start, 'unterminated quoted name');
      const c = t[this.i];
      if (c === '`') {
        if (this.dialect === 'spark' && t[this.i + 1] === '`') {
          name += '`';
          this.i += 2;
          continue;
        }
        this.i += 1;
        break;
      }
      if (this.dialect === 'bigquery' && c === '\\') {
        this.i += 1;
        const n = this.bq_escape(this.i - 1);
        name += this.bq_decode_char(t[this.i], t.slice(this.i, this.i + n));
        this.i += n;
        continue;
      }
      if (this.dialect === 'bigquery' && c === '\n') {
        this.problem(this.i, 'a newline inside a quoted name (BigQuery refuses it: write \\n)');
      }
      name += c;
      this.i += 1;
    }
    if (name === '') this.problem(start, 'an empty quoted name');
    this.out.push(this.placeholder(name, t.slice(start, this.i)));
  }

  comment(start) {
    const t = this.text;
    if (t.startsWith('/*', this.i)) {
      if (this.dialect === 'bigquery') {
        const close = t.indexOf('*/', this.i + 2);
        this.i = close < 0 ? t.length : close + 2;
        if (close < 0) this.problem(start, 'unterminated /* comment');
      } else {
        let depth = 0; // Spark's bracketed comments nest
        do {
          if (this.i >= t.length) {
            this.problem(start, 'unterminated /* comment (Spark nests them: each /* needs a */)');
            break;
          }
          if (t.startsWith('/*', this.i)) {
            depth += 1;
            this.i += 2;
          } else if (t.startsWith('*/', this.i)) {
            depth -= 1;
            this.i += 2;
          } else this.i += 1;
        } while (depth > 0);
      }
    } else {
      while (this.i < t.length && t[this.i] !== '\n') {
        if (this.dialect === 'spark' && t[this.i] === '\\' && t[this.i + 1] === '\n') {
          this.problem(this.i, 'a -- comment ending in a backslash: Spark continues it on the ' +
            'next line');
          this.i += 1;
        }
        this.i += 1;
      }
    }
    // The parser sees the comment's lines, not its text.
    this.out.push(' ' + '\n'.repeat((t.slice(start, this.i).match(/\n/g) || []).length));
  }

  run() {
    const t = this.text;
    while (this.i < t.length) {
      const start = this.i;
      const c = t[this.i];
      const next = t[this.i + 1];
      if (/\s/.test(c)) {
        this.out.push(c);
        this.i += 1;
        continue;
      }
      if ((c === '-' && next === '-') || (c === '/' && next === '*') ||
          (c === '#' && this.dialect === 'bigquery')) {
        this.comment(start);
        continue;
      }
      if (c === '`') {
        if (this.dialect === 'bigquery' && t[this.i - 1] === '`') {
          this.problem(start, 'two quoted names with nothing between: a doubled backquote is not ' +
            'an escape in BigQuery (write \\`)');
        }
        this.backquoted(start);
        this.last_token = 'other';
        continue;
      }
      const prefixes = this.dialect === 'bigquery' ? /^(?:[rR][bB]?|[bB][rR]?)?(?=['"])/ : /^[rR]?(?=['"])/;
      const prefix = (prefixes.exec(t.slice(this.i, this.i + 3)) || [null])[0];
      const word_before = this.i > 0 && /[A-Za-z0-9_]/.test(t[this.i - 1]);
      if (prefix !== null && !word_before) {
        if (this.last_token === 'string') {
          this.problem(start, 'two string literals in a row: a doubled quote is not an escape ' +
            (this.dialect === 'bigquery' ? '(BigQuery refuses it' : '(Spark joins them') +
            `; write \\${t[this.i + prefix.length]})`);
        }
        this.i += prefix.length;
        this.string(start, /r/i.test(prefix));
        this.out.push(t.slice(start, this.i));
        this.last_token = 'string';
        continue;
      }
      this.out.push(c);
      this.i += 1;
      this.last_token = 'other';
    }
    let text = this.out.join('');
    // The hive grammar takes at most db.table: a catalog.schema.table name (Databricks Unity
    // Catalog) is folded into two parts so that the rest of the statement is still checked.
    if (this.dialect === 'spark') {
      text = text.replace(/`(q\d+)`(?:\s*\.\s*`(q\d+)`)(?:\s*\.\s*`(q\d+)`)+/g,
        (_, a, b, c) => `\`${a}\`.\`${b}_${c}\``);
    }
    return { text, problems: this.problems, names: new Set(this.names.keys()) };
  }
}

// The text with every quoted name replaced by a placeholder, the problems found in its quoting,
// each { line, column, message }, and the set of the names as the engine reads them.
export function lex(text, dialect) {
  return new Scanner(text, dialect).run();
}
