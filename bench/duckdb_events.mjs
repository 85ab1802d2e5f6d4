// DuckDB through its Node API: bench/events.sql (the exact §6 query) on one order log.
//   node duckdb_events.mjs events.sql LOG.csv OUT.csv
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [sqlFile, input, output] = process.argv.slice(2);
const query = readFileSync(sqlFile, 'utf8').trim().replace(/;$/, '');
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
// events.sql is written for SQLite's integer '/' as well
await db.run('SET integer_division = true');
// DECIMAL keeps the amounts exact; times 100 they are whole cents
await db.run(`CREATE VIEW ev AS
  SELECT customer_id AS c, order_date AS d, CAST(amount * 100 AS BIGINT) AS cents
  FROM read_csv('${input}', header = true,
                columns = {'customer_id': 'VARCHAR', 'order_date': 'VARCHAR',
                           'amount': 'DECIMAL(18,2)'})`);
await db.run(`COPY (${query}) TO '${output}' (HEADER, DELIMITER ',', QUOTE '')`);
