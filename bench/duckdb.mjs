// DuckDB through its Node API: the same query as churn batch --fields period,churn_pct,retention_pct.
import { DuckDBInstance } from '@duckdb/node-api';

const [input, output] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
await db.run(`COPY (
  SELECT period,
         format('{:.2f}', round(lost * 100.0 / start, 2)) AS churn_pct,
         format('{:.2f}', round((\"end\" - new) * 100.0 / start, 2)) AS retention_pct
  FROM read_csv('${input}', header = true,
                columns = {'period': 'VARCHAR', 'start': 'BIGINT', 'lost': 'BIGINT',
                           'new': 'BIGINT', 'end': 'BIGINT'})
) TO '${output}' (HEADER, DELIMITER ',', QUOTE '')`);
