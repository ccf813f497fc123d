// Issue 19's goals, each judged inside one run (this machine's speed changes several-fold from day
// to day, so no goal is an absolute figure): a read's bare/GraphQL ratio at 16 connections, a
// write's throughput against the same run's write reference (Apollo + one ledger transfer), no
// errors, the ledger's invariants after the writes, the server's resident memory. The table shows
// the absolute figures beside each verdict.
//
// A row per operation at 16 connections. A peer server (PostGraphile, say) measured on the same
// operation sets `peer` on its ApiRow and gets the "peer req/s" column; a row of its own is one
// more entry in GOALS.
import type { ApiRow } from './api.bench';
import type { Calibration } from './calibrate';

export type Verdict = 'PASS' | 'FAIL' | '-';

export interface GoalRow {
  operation: string;
  graphql?: number;
  p99?: number;
  peer?: number;
  bare?: number;
  statements?: number;
  goal: string;
  verdict: Verdict;
}

export interface Check {
  name: string;
  verdict: Verdict;
  detail: string;
}

/** The connections every goal is judged at. */
const AT = 16;
/** A write goal: at least this fraction of the write reference's req/s, in the same run. */
const WRITE_SHARE = 0.5;

/** The worst realistic write: every confirmation of the run at one site (its pools, its month). */
export const ONE_SITE = 'confirmService, 16 connections at ONE site';

type Goal = { op: (name: string) => boolean; label: string } & (
  { read: { ratio: number; statements?: number } } | { write: true } | { shown: true }
);

export const GOALS: Goal[] = [
  { op: (n) => n.startsWith('needs'), label: 'needs page + beneficiary + claims', read: { ratio: 1.15 } },
  { op: (n) => n.startsWith('viewer'), label: 'viewer { balance transfers }', read: { ratio: 1.3 } },
  {
    op: (n) => n.startsWith('visitCoverage'),
    label: 'visitCoverage',
    read: { ratio: 1.3, statements: 1 },
  },
  { op: (n) => n.startsWith('siteReport('), label: 'siteReport', read: { ratio: 1.3 } },
  { op: (n) => n === 'confirmService', label: 'confirmService', write: true },
  { op: (n) => n.startsWith('redeem'), label: 'redeem, one line', write: true },
  { op: (n) => n === ONE_SITE, label: ONE_SITE, shown: true },
];

export function judge(o: {
  rows: ApiRow[];
  calibration: Calibration[];
  ledgerOk: boolean;
  /** VmRSS of the server in its own process after the run; undefined when not measured. */
  serverRssMb: number | undefined;
}): { rows: GoalRow[]; checks: Check[] } {
  const writeRef = o.calibration.find((c) => c.name === 'apolloWrite');
  const rows: GoalRow[] = [];
  for (const g of GOALS) {
    const r = o.rows.find((x) => g.op(x.op) && x.connections === AT);
    if (!r) continue;
    const figures = {
      operation: g.label,
      graphql: r.gql.perSecond,
      p99: r.gql.p99,
      ...(r.peer ? { peer: r.peer.perSecond } : {}),
      ...(r.bare ? { bare: r.bare.perSecond } : {}),
      statements: r.statements,
    };
    if ('read' in g) {
      const ratio = r.bare ? r.bare.perSecond / r.gql.perSecond : undefined;
      const want = g.read;
      const pass = ratio !== undefined && ratio <= want.ratio && (!want.statements || r.statements <= want.statements);
      rows.push({
        ...figures,
        goal: `<= ${want.ratio}${want.statements ? `, ${want.statements} statement${want.statements > 1 ? 's' : ''}` : ''}`,
        verdict: ratio === undefined ? '-' : pass ? 'PASS' : 'FAIL',
      });
    } else if ('write' in g) {
      const want = writeRef ? WRITE_SHARE * writeRef.perSecond : undefined;
      rows.push({
        ...figures,
        goal:
          want === undefined
            ? `>= ${WRITE_SHARE} x the write reference (not measured)`
            : `>= ${WRITE_SHARE} x ${writeRef!.perSecond.toFixed(0)} = ${want.toFixed(0)}`,
        verdict: want === undefined ? '-' : r.gql.perSecond >= want ? 'PASS' : 'FAIL',
      });
    } else rows.push({ ...figures, goal: 'shown', verdict: '-' });
  }
  if (writeRef)
    rows.push({
      operation: writeRef.label,
      graphql: writeRef.perSecond,
      p99: writeRef.p99,
      statements: 1,
      goal: 'the write reference',
      verdict: '-',
    });

  const errors = o.rows.reduce((n, r) => n + r.gql.errors + (r.bare?.errors ?? 0) + (r.peer?.errors ?? 0), 0);
  const checks: Check[] = [
    {
      name: 'zero errors',
      verdict: errors === 0 ? 'PASS' : 'FAIL',
      detail: `${errors} in ${o.rows.length} rows (GraphQL, bare and peer; the calibration stops at its first)`,
    },
    {
      name: 'pnpm ledger:check after the writes',
      verdict: o.ledgerOk ? 'PASS' : 'FAIL',
      detail: o.ledgerOk ? 'every invariant holds' : 'see its output',
    },
    {
      name: 'server RSS < 250 MB (VmRSS of the server in its own process, after the replayed run)',
      verdict: o.serverRssMb === undefined ? '-' : o.serverRssMb < 250 ? 'PASS' : 'FAIL',
      detail: o.serverRssMb === undefined ? 'not measured' : `${o.serverRssMb.toFixed(1)} MB`,
    },
  ];
  return { rows, checks };
}

const n0 = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(0));

export function goalsTable(rows: GoalRow[]): string {
  const peers = rows.some((r) => r.peer !== undefined);
  const cols = [
    ['operation @16', '---'],
    ['GraphQL req/s', '---:'],
    ['GraphQL p99 ms', '---:'],
    ...(peers ? [['peer req/s', '---:']] : []),
    ['bare req/s', '---:'],
    ['bare/GraphQL', '---:'],
    ['SQL', '---:'],
    ['goal', '---'],
    ['result', '---'],
  ];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(cols.map((c) => c[0]!)),
    line(cols.map((c) => c[1]!)),
    ...rows.map((r) =>
      line([
        r.operation,
        n0(r.graphql),
        r.p99 === undefined ? '-' : r.p99.toFixed(1),
        ...(peers ? [n0(r.peer)] : []),
        n0(r.bare),
        r.bare !== undefined && r.graphql ? (r.bare / r.graphql).toFixed(2) : '-',
        r.statements === undefined ? '-' : String(r.statements),
        r.goal,
        r.verdict,
      ]),
    ),
  ].join('\n');
}

export function checksList(checks: Check[]): string {
  return checks.map((c) => `- ${c.verdict} ${c.name}: ${c.detail}`).join('\n');
}
