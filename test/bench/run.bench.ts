// pnpm bench [--quick] [--docs] [--sql] [--only <op>[,<op>...]] [--no-ledger] [--no-notify] [--no-calibrate] [--no-peer]: every benchmark
// against the local PostgreSQL.
//
// 0. First, the machine: the issue's reference servers (express JSON, Apollo hello world, Apollo +
//    one PostgreSQL read) measured here against the issue's figures, and the write reference
//    (Apollo + one ledger transfer) every write goal is a ratio to.
// 1. The API on generated county data (BENCH_DATABASE_URL, default .../huzhu_bench; made with
//    `pnpm bench:data`; when absent or empty a small county is generated first): every operation
//    at 1, 16 and 64 connections, GraphQL beside the bare express + postgres-js baseline, SQL
//    statements per operation, confirmations at one site, `pnpm ledger:check` after the writes,
//    the server's resident memory, and issue 19's goals as PASS/FAIL (goals.ts). Beside the needs row, a real peer:
//    PostGraphile over the same tables in its own process (peer/postgraphile.ts; --no-peer leaves it out).

// 2. The ledger on a fresh database (as before): transfers per second at 1 and 16 clients.
//
// --docs writes the results (calibration, goals, every row) into docs/perf.md and the README,
// EXPLAIN (ANALYZE, BUFFERS) of every statement the operations ran into test/bench/generated/plans.md
// and the fan-out table into docs/scale.md; --sql prints the statements.
// BENCH_SECONDS sets the seconds per row (default 4; --quick: 1, and 1 and 16 connections only).
// The server runs with RATE_LIMIT_PER_MINUTE=100000000: the per-token limit (default 1200 a
// minute) would otherwise throttle a benchmark that sends thousands of requests a second per token.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { benchApi, explainAll, type ApiRow } from './api.bench';
import { calibrate, calibrationTable, type Calibration } from './calibrate';
import { checksList, goalsTable, judge } from './goals';
import { benchDatabaseUrl, datasetSize, ensureDatabase } from './county/database';
import { generate } from './county/generate';
import { benchLedger } from './ledger.bench';
import { LoadGenerator } from './load';
import { benchNotify, notifyTable } from './notify.bench';
import { table } from './report';

const quick = process.argv.includes('--quick');
const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 1 : 4));
const levels = quick ? [1, 16] : [1, 16, 64];
const url = benchDatabaseUrl();
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
const log = (line: string) => process.stderr.write(line + '\n');

process.env.TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// ---- data ----
let size = await datasetSize(url);
if (!size || size.sites === 0) {
  const small = { sites: 20, members: 5000, months: 3 };
  log(
    `No bench data in ${new URL(url).pathname.slice(1)}: generating a small county (${small.sites} sites, ${small.members} members, ${small.months} months).\n` +
      `For the county of issue 6 run: pnpm bench:data --sites 500 --members 200000 --months 24`,
  );
  await ensureDatabase(url);
  await generate({ url, ...small });
  size = await datasetSize(url);
}

// ---- the machine: the issue's reference servers, measured here ----
let calibration: Calibration[] = [];
if (!process.argv.includes('--no-calibrate')) {
  const load = new LoadGenerator();
  try {
    calibration = await calibrate({ url, load, seconds, connections: 16, memberId: 1 });
  } finally {
    load.close();
  }
  console.log(`\nThis machine against the issue's reference figures (${seconds} s a row):`);
  console.log(calibrationTable(calibration, 16));
}

// ---- the API ----
console.log(
  `\nAPI on ${size!.sites} sites, ${size!.members} members, ~${size!.transfers} transfers (${seconds} s a row; ` +
    `GraphQL server in this process with RATE_LIMIT_PER_MINUTE=100000000, load from a separate process over loopback):`,
);
const api = await benchApi({ url, seconds, levels, log, only, peer: !process.argv.includes('--no-peer') });
console.log(apiTable(api.rows));
console.log(`\nSQL statements per operation (onQuery; transaction begin/commit not counted):`);
for (const [op, list] of api.sql) console.log(`  ${op}: ${list.length}`);
if (process.argv.includes('--sql')) {
  for (const [op, list] of api.sql) {
    console.log(`\n-- ${op}`);
    for (const q of list) console.log(`${q};`);
  }
}

// ---- --docs: EXPLAIN ANALYZE of every statement into a generated file (results below) ----
const writeDocs = process.argv.includes('--docs');
const root = fileURLToPath(new URL('../../', import.meta.url));
const written: string[] = [];
/** Replaces what lies between `<!-- name:begin -->` and `<!-- name:end -->` in a file of the repository. */
function replaceSection(path: string, name: string, content: string): void {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const text = readFileSync(root + path, 'utf8');
  const at = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (at < 0 || stop < at) throw new Error(`${path} has no ${begin} ... ${end} section`);
  writeFileSync(root + path, `${text.slice(0, at + begin.length)}\n\n${content}\n\n${text.slice(stop)}`);
  written.push(path);
}
const stamp = `Captured by \`pnpm bench --docs\` on ${api.data.sites} sites, ${api.data.members} members, ${api.data.transfers} transfers (month ${api.month}), ${seconds} s a row, ${new Date().toISOString().slice(0, 16)}Z.`;
if (writeDocs) {
  const plans = await explainAll(url, api.statements);
  const file = 'test/bench/generated/plans.md';
  mkdirSync(root + 'test/bench/generated', { recursive: true });
  writeFileSync(
    root + file,
    `<!-- DO NOT EDIT: written by \`pnpm bench --docs\` (test/bench/run.bench.ts). -->\n\n` +
      `# EXPLAIN (ANALYZE, BUFFERS) of every statement the benchmarked operations ran\n\n${stamp}\n\n${plans}\n`,
  );
  console.log(
    `\nEXPLAIN ANALYZE of ${[...api.statements.values()].reduce((n, l) => n + l.length, 0)} statements written to ${file}.`,
  );
}

// ---- invariants after the writes ----
const check = spawnSync(`${root}node_modules/.bin/tsx`, ['server/src/cli/ledger-check.cli.ts'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: url },
  encoding: 'utf8',
});
console.log(`\npnpm ledger:check after the writes (exit ${check.status}):\n${check.stdout}${check.stderr}`);

// ---- issue 19's goals ----
const goals = judge({ rows: api.rows, calibration, ledgerOk: check.status === 0, serverRssMb: api.child?.afterMb });
const results = [
  `This machine against the issue's reference figures, and the write reference:`,
  calibrationTable(calibration, 16),
  `Goals (issue 19), each a ratio inside this run:`,
  goalsTable(goals.rows),
  checksList(goals.checks),
].join('\n\n');
console.log(
  `\nGoals (issue 19), each a ratio inside this run:\n${goalsTable(goals.rows)}\n\n${checksList(goals.checks)}`,
);
if (api.child) {
  console.log(
    `\nServer resident memory (VmRSS of server/dist/main.mjs in its own process, as pnpm start runs it): ${api.child.startMb.toFixed(0)} MB started (listening ${api.child.startSeconds.toFixed(1)} s after spawn), ${api.child.afterMb.toFixed(0)} MB after replaying the run's reads and writes (${api.child.seconds.toFixed(0)} s at 64 connections).`,
  );
}
console.log(
  `Resident memory of the bench process (the in-process server, the bare baseline and the harness; after a full GC): ${api.rssMb.toFixed(0)} MB after the run (heap ${api.heapMb.toFixed(0)} MB), ${api.rssAtStartMb.toFixed(0)} MB when the server had just started.`,
);
if (writeDocs) {
  for (const file of ['docs/perf.md', 'README.md']) replaceSection(file, 'results', `${stamp}\n\n${results}`);
  replaceSection('docs/perf.md', 'rows', `${stamp}\n\n${apiTable(api.rows)}`);
}

// ---- LISTEN/NOTIFY fan-out across processes ----
if (!process.argv.includes('--no-notify')) {
  console.log(
    `\nLISTEN/NOTIFY fan-out (one channel, each listening connection stands for a server process; ${Math.min(seconds, 2)} s a row):`,
  );
  const fanout = notifyTable(await benchNotify(url, Math.min(seconds, 2), quick ? [1, 4] : [1, 4, 16]));
  console.log(fanout);
  if (writeDocs) replaceSection('docs/scale.md', 'notify', `${stamp}\n\n${fanout}`);
}

// ---- the ledger on its own ----
if (!process.argv.includes('--no-ledger')) {
  console.log(`\nLedger on PostgreSQL (${process.env.BENCH_SECONDS ?? 5} s a row):`);
  const rows = await benchLedger();
  console.log(table(rows));
}

// ---- the tables as Prettier lays them out, so that `pnpm check` stays clean after --docs ----
if (written.length > 0) {
  const files = [...new Set(written)];
  spawnSync(`${root}node_modules/.bin/prettier`, ['--write', ...files], { cwd: root, stdio: 'ignore' });
  console.log(`\nResults written to ${files.join(', ')}.`);
}

function apiTable(rows: ApiRow[]): string {
  const peers = rows.some((r) => r.peer);
  const head =
    `| operation | conns | GraphQL req/s | p50 ms | p99 ms |${peers ? ' peer req/s |' : ''} bare req/s | bare p99 ms | bare/GraphQL | SQL | CPU ms/op server + PostgreSQL | errors |\n` +
    `| --- | ---: | ---: | ---: | ---: |${peers ? ' ---: |' : ''} ---: | ---: | ---: | ---: | ---: | ---: |`;
  const body = rows.map((r) => {
    const b = r.bare;
    const peer = peers ? ` ${r.peer ? r.peer.perSecond.toFixed(0) : '-'} |` : '';
    const errors = r.gql.errors + (b?.errors ?? 0) + (r.peer?.errors ?? 0);
    return `| ${r.op} | ${r.connections} | ${r.gql.perSecond.toFixed(0)} | ${r.gql.p50.toFixed(1)} | ${r.gql.p99.toFixed(1)} |${peer} ${b ? b.perSecond.toFixed(0) : '-'} | ${b ? b.p99.toFixed(1) : '-'} | ${b ? (b.perSecond / r.gql.perSecond).toFixed(2) : '-'} | ${r.statements} | ${r.cpu ? `${r.cpu.serverMs.toFixed(2)} + ${r.cpu.postgresMs.toFixed(2)}` : '-'} | ${errors} |`;
  });
  return [head, ...body].join('\n');
}
