// pnpm bench [--quick] [--docs] [--sql] [--only <op>] [--no-ledger] [--no-notify] [--no-calibrate] [--no-peer]: every benchmark
// against the local PostgreSQL.
//
// 0. First, the machine: the three reference servers (express JSON, Apollo hello world,
//    Apollo + one PostgreSQL read) measured here, and the budgets scaled by how this machine compares.
// 1. The API on generated county data (BENCH_DATABASE_URL, default .../huzhu_bench; made with
//    `pnpm bench:data`; when absent or empty a small county is generated first): every operation
//    of issue 6 at 1, 16 and 64 connections, GraphQL beside the bare express + postgres-js
//    baseline, SQL statements per operation, the budgets as PASS/FAIL, `pnpm ledger:check` after
//    the writes, and the server's resident memory. Beside the needs row, a real peer: PostGraphile
//    over the same tables in its own process (peer/postgraphile.ts; --no-peer leaves it out).
// 2. The ledger on a fresh database (as before): transfers per second at 1 and 16 clients.
//
// --docs writes EXPLAIN (ANALYZE, BUFFERS) of every statement the operations ran into docs/perf.md
// and the fan-out table into docs/scale.md; --sql prints the statements.
// BENCH_SECONDS sets the seconds per row (default 4; --quick: 1, and 1 and 16 connections only).
// The server runs with RATE_LIMIT_PER_MINUTE=100000000: the per-token limit (default 1200 a
// minute) would otherwise throttle a benchmark that sends thousands of requests a second per token.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import { benchApi, explainAll, type ApiRow } from './api.bench';
import { calibrate, calibrationTable, scaledBudgets, type Calibration } from './calibrate';
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

// ---- the machine: the reference servers, measured here ----
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

// ---- --docs: EXPLAIN ANALYZE of every statement into docs/perf.md (and fan-out into docs/scale.md) ----
const writeDocs = process.argv.includes('--docs');
function replaceSection(doc: string, name: string, content: string): void {
  const file = fileURLToPath(new URL(`../../docs/${doc}`, import.meta.url));
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (at < 0 || stop < at) throw new Error(`docs/${doc} has no ${begin} ... ${end} section`);
  writeFileSync(file, `${text.slice(0, at + begin.length)}\n\n${content}\n\n${text.slice(stop)}`);
}
const stamp = `Captured by \`pnpm bench --docs\` on ${api.data.sites} sites, ${api.data.members} members, ${api.data.transfers} transfers (month ${api.month}), ${new Date().toISOString().slice(0, 16)}Z.`;
if (writeDocs) {
  const plans = await explainAll(url, api.statements);
  replaceSection('perf.md', 'plans', `${stamp}\n\n${plans}`);
  console.log(
    `\nEXPLAIN ANALYZE of ${[...api.statements.values()].reduce((n, l) => n + l.length, 0)} statements written to docs/perf.md.`,
  );
}

// ---- invariants after the writes ----
const root = fileURLToPath(new URL('../../', import.meta.url));
const check = spawnSync(`${root}node_modules/.bin/tsx`, ['server/src/cli/ledger-check.cli.ts'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: url },
  encoding: 'utf8',
});
console.log(`\npnpm ledger:check after the writes (exit ${check.status}):\n${check.stdout}${check.stderr}`);

// ---- budgets ----
const budgets = checkBudgets(api.rows, api.child?.afterMb ?? api.rssMb, check.status === 0, api.child !== undefined);
console.log(`Budgets (issue 6):`);
for (const b of budgets) console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.detail}`);
const factor = calibration.find((c) => c.name === 'apolloRead')?.factor;
if (factor !== undefined) {
  console.log(
    `\nThe same budgets at this machine's speed (Apollo + one read runs here at ${factor.toFixed(2)} of the issue's figure):`,
  );
  for (const b of scaledBudgets(api.rows, factor)) console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.detail}`);
}
if (api.child) {
  console.log(
    `\nServer resident memory (VmRSS of server/dist/main.mjs in its own process, as pnpm start runs it): ${api.child.startMb.toFixed(0)} MB started, ${api.child.afterMb.toFixed(0)} MB after replaying the run's reads and writes (${api.child.seconds.toFixed(0)} s at 64 connections).`,
  );
}
console.log(
  `Resident memory of the bench process (the in-process server, the bare baseline and the harness; after a full GC): ${api.rssMb.toFixed(0)} MB after the run (heap ${api.heapMb.toFixed(0)} MB), ${api.rssAtStartMb.toFixed(0)} MB when the server had just started.`,
);

// ---- LISTEN/NOTIFY fan-out across processes ----
if (!process.argv.includes('--no-notify')) {
  console.log(
    `\nLISTEN/NOTIFY fan-out (one channel, each listening connection stands for a server process; ${Math.min(seconds, 2)} s a row):`,
  );
  const fanout = notifyTable(await benchNotify(url, Math.min(seconds, 2), quick ? [1, 4] : [1, 4, 16]));
  console.log(fanout);
  if (writeDocs) replaceSection('scale.md', 'notify', `${stamp}\n\n${fanout}`);
}

// ---- the ledger on its own ----
if (!process.argv.includes('--no-ledger')) {
  console.log(`\nLedger on PostgreSQL (${process.env.BENCH_SECONDS ?? 5} s a row):`);
  const rows = await benchLedger();
  console.log(table(rows));
}

function apiTable(rows: ApiRow[]): string {
  const head =
    '| operation | conns | GraphQL req/s | p50 ms | p99 ms | bare req/s | bare p99 ms | bare/GraphQL | SQL | errors |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const body = rows.map((r) => {
    const b = r.bare;
    return `| ${r.op} | ${r.connections} | ${r.gql.perSecond.toFixed(0)} | ${r.gql.p50.toFixed(1)} | ${r.gql.p99.toFixed(1)} | ${b ? b.perSecond.toFixed(0) : '-'} | ${b ? b.p99.toFixed(1) : '-'} | ${b ? (b.perSecond / r.gql.perSecond).toFixed(2) : '-'} | ${r.statements} | ${r.gql.errors + (b?.errors ?? 0)} |`;
  });
  return [head, ...body].join('\n');
}

function checkBudgets(rows: ApiRow[], rssMb: number, ledgerOk: boolean, ownProcess: boolean) {
  const at16 = (prefix: string) => rows.find((r) => r.op.startsWith(prefix) && r.connections === 16);
  const at1 = (prefix: string) => rows.find((r) => r.op.startsWith(prefix) && r.connections === 1);
  const out: { name: string; pass: boolean; detail: string }[] = [];
  const pct = (have: number, want: number) => `${(((have - want) / want) * 100).toFixed(0)}%`;
  for (const op of ['needs', 'viewer', 'visitCoverage']) {
    const r = at16(op);
    if (!r) continue;
    out.push({
      name: `${op} >= 2000 req/s @16`,
      pass: r.gql.perSecond >= 2000,
      detail: `${r.gql.perSecond.toFixed(0)} req/s (${pct(r.gql.perSecond, 2000)})`,
    });
    out.push({ name: `${op} p99 < 15 ms @16`, pass: r.gql.p99 < 15, detail: `${r.gql.p99.toFixed(1)} ms` });
  }
  const report = at16('siteReport(');
  if (report)
    out.push({
      name: 'siteReport p99 < 50 ms @16',
      pass: report.gql.p99 < 50,
      detail: `${report.gql.p99.toFixed(1)} ms`,
    });
  const all = at1('siteReports');
  if (all)
    out.push({
      name: 'siteReports (all sites) p99 < 1 s @1',
      pass: all.gql.p99 < 1000,
      detail: `${all.gql.p99.toFixed(0)} ms`,
    });
  for (const op of ['confirmService', 'redeem']) {
    const r = at16(op);
    if (!r) continue;
    out.push({
      name: `${op} >= 1000/s @16`,
      pass: r.gql.perSecond >= 1000 && r.gql.errors === 0,
      detail: `${r.gql.perSecond.toFixed(0)}/s (${pct(r.gql.perSecond, 1000)}), p99 ${r.gql.p99.toFixed(1)} ms, ${r.gql.errors} errors`,
    });
  }
  out.push({
    name: 'ledger:check after the writes',
    pass: ledgerOk,
    detail: ledgerOk ? 'every invariant holds' : 'see above',
  });
  for (const r of rows.filter((x) => x.kind === 'read' && x.connections === 16 && x.bare)) {
    const ratio = r.bare!.perSecond / r.gql.perSecond;
    out.push({ name: `bare/GraphQL < 1.5 @16: ${r.op}`, pass: ratio < 1.5, detail: ratio.toFixed(2) });
  }
  out.push({
    name: `server resident memory < 300 MB (${ownProcess ? 'VmRSS of the server in its own process' : 'bench process, after GC'})`,
    pass: rssMb < 300,
    detail: `${rssMb.toFixed(0)} MB`,
  });
  return out;
}
