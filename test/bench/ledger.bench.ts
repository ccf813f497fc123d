// Ledger throughput on real PostgreSQL: transfers per second and latency at 1 and 16 concurrent
// clients, for donations between members (spread over many rows) and for service credits out of
// one site pool (every transfer locks the same pool row: the hot spot a busy site has).
import { ledgerQueries } from '@huzhu/db';
import { createLedgerFixture, openTestDb, type LedgerFixture } from '@huzhu/db/testing';
import { transfer, type TransferRequest } from '@huzhu/server/ledger';
import { summarize, type Row } from './report';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const MEMBERS = 200;

export async function benchLedger(): Promise<Row[]> {
  const handle = await openTestDb('postgres', { poolSize: 20 });
  try {
    const f = await createLedgerFixture(handle.db, MEMBERS, 'bench');
    let n = 0;
    const send = (r: Omit<TransferRequest, 'idempotencyKey'>) =>
      handle.db.transaction((tx) => transfer(tx, { ...r, idempotencyKey: `bench-${n++}` }));
    for (const m of f.members) {
      await send({
        unit: 'MINUTES',
        amount: 1_000_000,
        kind: 'ISSUANCE',
        fromAccountId: f.pool.minutes,
        toAccountId: m.minutes,
      });
    }
    const rows: Row[] = [];
    for (const clients of [1, 16]) {
      rows.push(await run(`donation member->member`, clients, () => donation(f, send)));
      rows.push(await run(`service credit from one pool`, clients, () => credit(f, send)));
    }
    const broken = (await import('@huzhu/db')).checkInvariants(handle.db);
    const failing = (await broken).filter((r) => !r.holds);
    if (failing.length > 0) throw new Error(`ledger invariants broken after the bench: ${JSON.stringify(failing)}`);
    console.log(
      `  ${await ledgerQueries.countTransfersFrom(handle.db, f.accountIds)} transfers written; invariants hold.`,
    );
    return rows;
  } finally {
    await handle.close();
  }
}

type Send = (r: Omit<TransferRequest, 'idempotencyKey'>) => Promise<unknown>;

function donation(f: LedgerFixture, send: Send) {
  const a = f.members[Math.floor(Math.random() * MEMBERS)]!;
  let b = f.members[Math.floor(Math.random() * MEMBERS)]!;
  if (b === a) b = f.members[(f.members.indexOf(a) + 1) % MEMBERS]!;
  return send({ unit: 'MINUTES', amount: 1, kind: 'DONATION', fromAccountId: a.minutes, toAccountId: b.minutes });
}

function credit(f: LedgerFixture, send: Send) {
  const m = f.members[Math.floor(Math.random() * MEMBERS)]!;
  return send({
    unit: 'POINTS',
    amount: 10,
    kind: 'SERVICE_CREDIT',
    fromAccountId: f.pool.points,
    toAccountId: m.points,
  });
}

async function run(name: string, clients: number, op: () => Promise<unknown>): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await op();
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return summarize(`${name}`, clients, latencies, (performance.now() - started) / 1000, errors);
}
