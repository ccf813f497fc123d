// pnpm bench: every benchmark, against the local PostgreSQL (BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test), each on a fresh database.
import { benchLedger } from './ledger.bench';
import { table } from './report';

process.env.TEST_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

console.log(`Ledger on PostgreSQL (${process.env.BENCH_SECONDS ?? 5} s a row):`);
const rows = await benchLedger();
console.log(table(rows));
