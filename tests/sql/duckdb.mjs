// DuckDB for the --emit-sql tests (run_cases.py), through @duckdb/node-api (npm ci --prefix
// tests/sql). Each argument is a case folder: setup.sql creates and fills the table,
// query.sql is churn's query, run as written (every statement in it runs, as a user's script
// would; more than one is an error, and so is a column neither text nor an integer: the
// contract's types), post.sql (optional) checks afterwards. Each case gets a fresh in-memory
// database, in UTC. Writes FOLDER/out.csv (and post.csv): a header, NULL as an empty field,
// '' as "", a field quoted only when it holds , " CR or LF, `\n` line ends; or
// FOLDER/error.txt.
//   node tests/sql/duckdb.mjs FOLDER...
//   node tests/sql/duckdb.mjs --check     exit 77 with the reason when DuckDB cannot load
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let duckdb;
try {
  duckdb = await import('@duckdb/node-api');
} catch (e) {
  console.error(`@duckdb/node-api does not load (${e.message.split('\n')[0]});`
    + ' install it with: npm ci --prefix tests/sql');
  process.exit(77);
}
const folders = process.argv.slice(2);
if (folders[0] === '--check') process.exit(0);

function field(value) {
  if (value === null) return '';
  const text = String(value);
  return text === '' || /[,"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// The contract: integers may come back as integer columns, everything else is text.
const ALLOWED = new Set(['VARCHAR', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT',
  'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT']);

function checkTypes(reader) {
  const types = reader.columnTypes().map(String);
  const wrong = reader.columnNames().map((name, i) => `${name} is ${types[i]}`)
    .filter((_, i) => !ALLOWED.has(types[i]));
  if (wrong.length) throw new Error(`columns neither text nor an integer: ${wrong.join(', ')}`);
}

function csv(reader) {
  const lines = [reader.columnNames(), ...reader.getRows()];
  return lines.map((row) => row.map(field).join(',') + '\n').join('');
}

// Runs every statement of `sql`; the result of the last one, and how many there were.
async function script(connection, sql) {
  const statements = await connection.extractStatements(sql);
  let reader = null;
  for (let i = 0; i < statements.count; i++) {
    const prepared = await statements.prepare(i);
    reader = await prepared.runAndReadAll();
  }
  return { reader, count: statements.count };
}

async function runCase(folder) {
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    await connection.run(readFileSync(join(folder, 'setup.sql'), 'utf8'));
    const query = await script(connection, readFileSync(join(folder, 'query.sql'), 'utf8'));
    if (query.count !== 1) throw new Error(`query.sql holds ${query.count} statements, not one`);
    checkTypes(query.reader);
    writeFileSync(join(folder, 'out.csv'), csv(query.reader));
    if (existsSync(join(folder, 'post.sql'))) {
      const post = await script(connection, readFileSync(join(folder, 'post.sql'), 'utf8'));
      writeFileSync(join(folder, 'post.csv'), csv(post.reader));
    }
  } catch (e) {
    writeFileSync(join(folder, 'error.txt'), String(e.message));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

for (const folder of folders) await runCase(folder);
