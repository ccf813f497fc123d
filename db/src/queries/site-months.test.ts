// The kept monthly figures (site_months and its two sets, kept by triggers) against the same
// figures computed from the rows, over random sequences of the changes the product makes: needs
// posted and completed, claims confirmed and undone, visits recorded, moved and deleted, points
// credited, redeemed, refunded and reversed, several to a transaction, at instants either side of
// a month's end in two time zones. After every transaction the two must agree.
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../open';
import { claims, needs, siteMonths, siteMonthVolunteers, transfers, visits } from '../schema/index';
import { openTestDb, testEngines, type TestDb } from '../testing';
import { checkInvariants } from './invariants.queries';
import { memberAccount, siteAccount } from './ledger.queries';
import { insertMember } from './members.queries';
import { siteFigures } from './reports.queries';
import { insertSite } from './sites.queries';

const runs = Number(process.env.FC_RUNS ?? 40);

// Either side of midnight on 31 January in Shanghai (UTC+8) and in New York (UTC-5), and mid-month.
const INSTANTS = [
  '2026-01-31T15:59:00Z',
  '2026-01-31T16:00:00Z',
  '2026-02-01T04:59:00Z',
  '2026-02-01T05:00:00Z',
  '2026-02-15T12:00:00Z',
].map((s) => new Date(s));

const at = fc.nat({ max: INSTANTS.length - 1 });
const pick = fc.nat({ max: 1000 });
const site = fc.nat({ max: 1 });
const person = fc.nat({ max: 2 });

type Op =
  | { t: 'post'; site: number; at: number }
  | { t: 'complete'; pick: number; at: number | null }
  | { t: 'claim'; pick: number; person: number }
  | { t: 'confirm'; pick: number; minutes: number; at: number }
  | { t: 'undo'; pick: number }
  | { t: 'visit'; site: number; person: number; at: number }
  | { t: 'moveVisit'; pick: number; at: number }
  | { t: 'deleteVisit'; pick: number }
  | {
      t: 'points';
      site: number;
      person: number;
      kind: 'SERVICE_CREDIT' | 'REDEMPTION' | 'REFUND';
      amount: number;
      at: number;
    }
  | { t: 'reverse'; pick: number; at: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('post' as const), site, at }),
  fc.record({ t: fc.constant('complete' as const), pick, at: fc.option(at) }),
  fc.record({ t: fc.constant('claim' as const), pick, person }),
  fc.record({ t: fc.constant('confirm' as const), pick, minutes: fc.integer({ min: 1, max: 240 }), at }),
  fc.record({ t: fc.constant('undo' as const), pick }),
  fc.record({ t: fc.constant('visit' as const), site, person, at }),
  fc.record({ t: fc.constant('moveVisit' as const), pick, at }),
  fc.record({ t: fc.constant('deleteVisit' as const), pick }),
  fc.record({
    t: fc.constant('points' as const),
    site,
    person,
    kind: fc.constantFrom('SERVICE_CREDIT' as const, 'REDEMPTION' as const, 'REFUND' as const),
    amount: fc.integer({ min: 1, max: 50 }),
    at,
  }),
  fc.record({ t: fc.constant('reverse' as const), pick, at }),
);

interface Village {
  siteId: number;
  pool: number;
  market: number;
  people: { id: number; points: number }[];
}

interface World {
  villages: Village[];
  needs: { id: number; site: number }[];
  claims: { id: number; need: number; person: number; live: boolean }[];
  visits: number[];
  transfers: { id: number; site: number; debit: number; credit: number; amount: number; reversed: boolean }[];
  keys: number;
}

async function village(ex: Executor, label: string, timeZone: string): Promise<Village> {
  const s = await insertSite(ex, { name: label, county: '县', township: '镇', village: label, timeZone });
  const pool = (await siteAccount(ex, s.id, 'SITE_POOL', 'POINTS'))!.id;
  const market = (await siteAccount(ex, s.id, 'SUPERMARKET', 'POINTS'))!.id;
  const people = [];
  for (let i = 0; i < 3; i++) {
    // The kept tier is the services' to compute (server/src/visits/tier-plan.ts); written here as
    // they would: B, due a monthly visit.
    const m = await insertMember(
      ex,
      { siteId: s.id, name: `${label}${i}`, careCategories: ['LIVING_ALONE'], visitTier: 'B' },
      [],
    );
    people.push({ id: m.id, points: (await memberAccount(ex, m.id, 'POINTS'))!.id });
  }
  return { siteId: s.id, pool, market, people };
}

async function apply(ex: Executor, w: World, o: Op): Promise<void> {
  const one = <T>(list: T[], i: number) => (list.length === 0 ? undefined : list[i % list.length]);
  const liveClaim = (i: number) =>
    one(
      w.claims.filter((c) => c.live),
      i,
    );
  switch (o.t) {
    case 'post': {
      const v = w.villages[o.site]!;
      const [row] = await ex
        .insert(needs)
        .values({
          siteId: v.siteId,
          title: '送餐',
          category: 'MEALS',
          beneficiaryId: v.people[0]!.id,
          startsAt: INSTANTS[o.at]!,
          estimatedMinutes: 60,
          slots: 3,
          createdAt: INSTANTS[o.at]!,
        })
        .returning({ id: needs.id });
      w.needs.push({ id: row!.id, site: o.site });
      return;
    }
    case 'complete': {
      const n = one(w.needs, o.pick);
      if (!n) return;
      const completedAt = o.at === null ? null : INSTANTS[o.at]!;
      await ex
        .update(needs)
        .set({ completedAt, status: completedAt ? 'COMPLETED' : 'OPEN' })
        .where(eq(needs.id, n.id));
      return;
    }
    case 'claim': {
      const n = one(w.needs, o.pick);
      if (!n || w.claims.some((c) => c.need === n.id && c.person === o.person && c.live)) return;
      const volunteer = w.villages[n.site]!.people[o.person]!.id;
      const [row] = await ex
        .insert(claims)
        .values({ needId: n.id, volunteerId: volunteer })
        .returning({ id: claims.id });
      w.claims.push({ id: row!.id, need: n.id, person: o.person, live: true });
      return;
    }
    case 'confirm': {
      const c = liveClaim(o.pick);
      if (!c) return;
      await ex
        .update(claims)
        .set({ status: 'CONFIRMED', confirmedMinutes: o.minutes, pointsAwarded: o.minutes, settledAt: INSTANTS[o.at]! })
        .where(eq(claims.id, c.id));
      return;
    }
    case 'undo': {
      const c = liveClaim(o.pick);
      if (!c) return;
      await ex
        .update(claims)
        .set({ status: 'WITHDRAWN', confirmedMinutes: null, pointsAwarded: null })
        .where(eq(claims.id, c.id));
      c.live = false;
      return;
    }
    case 'visit': {
      const v = w.villages[o.site]!;
      const [row] = await ex
        .insert(visits)
        .values({ siteId: v.siteId, elderId: v.people[o.person]!.id, visitedAt: INSTANTS[o.at]! })
        .returning({ id: visits.id });
      w.visits.push(row!.id);
      return;
    }
    case 'moveVisit': {
      const id = one(w.visits, o.pick);
      if (id !== undefined) await ex.update(visits).set({ visitedAt: INSTANTS[o.at]! }).where(eq(visits.id, id));
      return;
    }
    case 'deleteVisit': {
      const i = w.visits.length === 0 ? -1 : o.pick % w.visits.length;
      if (i >= 0) await ex.delete(visits).where(eq(visits.id, w.visits.splice(i, 1)[0]!));
      return;
    }
    case 'points': {
      const v = w.villages[o.site]!;
      const member = v.people[o.person]!.points;
      const [debit, credit] =
        o.kind === 'SERVICE_CREDIT'
          ? [v.pool, member]
          : o.kind === 'REDEMPTION'
            ? [member, v.market]
            : [v.market, member];
      await insertPoints(ex, w, o.site, { debit, credit, amount: o.amount, kind: o.kind, at: INSTANTS[o.at]! });
      return;
    }
    case 'reverse': {
      const t = one(
        w.transfers.filter((x) => !x.reversed),
        o.pick,
      );
      if (!t) return;
      t.reversed = true;
      await insertPoints(ex, w, t.site, {
        debit: t.credit,
        credit: t.debit,
        amount: t.amount,
        kind: 'REVERSAL',
        reverses: t.id,
        at: INSTANTS[o.at]!,
      });
      return;
    }
  }
}

async function insertPoints(
  ex: Executor,
  w: World,
  site: number,
  p: {
    debit: number;
    credit: number;
    amount: number;
    kind: typeof transfers.$inferInsert.kind;
    reverses?: number;
    at: Date;
  },
) {
  const key = `site-months-${Date.now()}-${w.keys++}`;
  const [row] = await ex
    .insert(transfers)
    .values({
      unit: 'POINTS',
      amount: p.amount,
      debitAccountId: p.debit,
      creditAccountId: p.credit,
      kind: p.kind,
      siteId: w.villages[site]!.siteId,
      idempotencyKey: key,
      requestHash: key,
      reversesId: p.reverses,
      createdAt: p.at,
    })
    .returning({ id: transfers.id });
  // A reversal is never reversed again (the ledger refuses it): it is not offered as a pick.
  if (p.kind !== 'REVERSAL')
    w.transfers.push({ id: row!.id, site, debit: p.debit, credit: p.credit, amount: p.amount, reversed: false });
}

describe.each(testEngines())('kept monthly figures on %s', (engine) => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(async () => {
    await handle.close();
  });

  /** The figures check, for the two villages' accounts only. */
  async function broken(w: World) {
    const ids = w.villages.flatMap((v) => [v.pool, v.market, ...v.people.map((p) => p.points)]);
    const [monthly] = (await checkInvariants(handle.db, ids)).filter((r) => r.name === 'monthly-figures-kept');
    return monthly!.violations;
  }

  async function newWorld(label: string): Promise<World> {
    const villages = await handle.db.transaction(async (tx) => [
      await village(tx, `${label}东`, 'Asia/Shanghai'),
      await village(tx, `${label}西`, 'America/New_York'),
    ]);
    return { villages, needs: [], claims: [], visits: [], transfers: [], keys: 0 };
  }

  it('agree with the rows after every transaction, whatever it changed', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        async (batches) => {
          const w = await newWorld(`例${n++}`);
          for (const batch of batches) {
            await handle.db.transaction(async (tx) => {
              for (const o of batch) await apply(tx, w, o);
            });
            expect(await broken(w)).toEqual([]);
          }
        },
      ),
      { numRuns: runs },
    );
  });

  it("books each site's month on its own clock, and the report reads it", async () => {
    const w = await newWorld('钟');
    // 16:00 UTC on 31 January: already February in Shanghai, still January in New York.
    await handle.db.transaction(async (tx) => {
      for (const s of [0, 1]) {
        await apply(tx, w, { t: 'post', site: s, at: 1 });
        await apply(tx, w, { t: 'points', site: s, person: 0, kind: 'SERVICE_CREDIT', amount: 7, at: 1 });
        await apply(tx, w, { t: 'visit', site: s, person: 1, at: 1 });
      }
    });
    const [east, west] = w.villages;
    const figures = async (month: string, siteId: number) => (await siteFigures(handle.db, month, siteId))[0];
    expect(await figures('2026-02-01', east!.siteId)).toMatchObject({
      needsPosted: 1,
      pointsIssued: 7,
      visitedCount: 1,
    });
    expect(await figures('2026-01-01', east!.siteId)).toMatchObject({
      needsPosted: 0,
      pointsIssued: 0,
      visitedCount: 0,
    });
    expect(await figures('2026-01-01', west!.siteId)).toMatchObject({
      needsPosted: 1,
      pointsIssued: 7,
      visitedCount: 1,
    });
    expect(await figures('2026-01-01', west!.siteId)).toMatchObject({ dueCount: 3 });
  });

  it('a figure changed behind the triggers is reported, naming the site and month', async () => {
    const w = await newWorld('改');
    await handle.db.transaction(async (tx) => {
      await apply(tx, w, { t: 'post', site: 0, at: 4 });
      await apply(tx, w, { t: 'claim', pick: 0, person: 1 });
      await apply(tx, w, { t: 'confirm', pick: 0, minutes: 90, at: 4 });
    });
    expect(await broken(w)).toEqual([]);
    const siteId = w.villages[0]!.siteId;
    await handle.db
      .update(siteMonths)
      .set({ serviceMinutes: sql`${siteMonths.serviceMinutes} + 1` })
      .where(eq(siteMonths.siteId, siteId));
    await handle.db.delete(siteMonthVolunteers).where(eq(siteMonthVolunteers.siteId, siteId));
    const found = await broken(w);
    expect(found).toContainEqual({
      side: 'kept',
      what: 'figures',
      row: expect.objectContaining({ site_id: siteId, month: '2026-02-01', service_minutes: 91 }),
    });
    expect(found).toContainEqual({
      side: 'rows',
      what: 'volunteers',
      row: expect.objectContaining({ site_id: siteId, volunteer_id: w.villages[0]!.people[1]!.id, claims: 1 }),
    });
  });
});
