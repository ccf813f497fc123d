// Statements built once and run in many transactions: each run happens on its own transaction's
// connection, is reported to its own handle's log, and sees that transaction's writes; an UPDATE's
// placeholders take values, Dates and NULLs alike. On PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../open';
import { openTestDb, testEngines, type TestDb } from '../testing';
import { insertMember } from './members.queries';
import { claimById, insertClaim, insertNeed, needById, updateClaim } from './needs.queries';
import { insertSite } from './sites.queries';

describe.each(testEngines())('statements kept across transactions on %s', (engine) => {
  let handle: TestDb;
  let needId: number;
  let claimId: number;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    await handle.db.transaction(async (tx) => {
      const site = await insertSite(tx, { name: 'kept statements', county: 'test' });
      const elder = await insertMember(tx, { siteId: site.id, name: '老人' }, ['ELDER']);
      const volunteer = await insertMember(tx, { siteId: site.id, name: '志愿者' }, ['VOLUNTEER']);
      const need = await insertNeed(tx, {
        siteId: site.id,
        title: 'visit',
        category: 'VISIT',
        beneficiaryId: elder.id,
        startsAt: new Date('2026-11-30T02:00:00Z'),
        estimatedMinutes: 30,
        createdBy: elder.id,
      });
      needId = need.id;
      claimId = (await insertClaim(tx, need.id, volunteer.id)).id;
    });
  });
  afterAll(() => handle?.close());

  it('see the writes of the transaction they run in, and only after commit outside it', async () => {
    const checkedInAt = new Date('2026-11-30T02:05:00.123Z');
    await handle.db.transaction(async (tx) => {
      await claimById(tx, claimId, true);
      await updateClaim(tx, claimId, { status: 'CHECKED_IN', checkedInAt });
      expect(await claimById(tx, claimId, true)).toMatchObject({ status: 'CHECKED_IN', checkedInAt });
    });
    await handle.db.transaction(async (tx) => {
      // The kept statement, now in a second transaction: the committed row, and NULLs written.
      expect((await claimById(tx, claimId, true))!.checkedInAt).toEqual(checkedInAt);
      await updateClaim(tx, claimId, { status: 'CLAIMED', checkedInAt: null, reportNote: null });
    });
    expect(await claimById(handle.db, claimId)).toMatchObject({
      status: 'CLAIMED',
      checkedInAt: null,
      reportNote: null,
    });
  });

  it('undo with the transaction that ran them', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await updateClaim(tx, claimId, { status: 'WITHDRAWN', settledAt: new Date() });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await claimById(handle.db, claimId))!.status).toBe('CLAIMED');
  });

  // Two handles with logs of their own need PostgreSQL (a PGlite instance is one handle).
  it.runIf(engine === 'postgres')('report each run to the log of the handle whose transaction ran it', async () => {
    const seen = { a: [] as string[], b: [] as string[] };
    const open = (log: string[]) =>
      openDb({ url: handle.url!, migrate: false, poolSize: 2, onQuery: (q) => log.push(q) });
    const [a, b] = await Promise.all([open(seen.a), open(seen.b)]);
    try {
      await a.db.transaction((tx) => needById(tx, needId, true));
      await b.db.transaction((tx) => needById(tx, needId, true));
      await b.db.transaction((tx) => needById(tx, needId, true));
      const locks = (list: string[]) => list.filter((q) => q.includes('"needs"') && q.includes('for update')).length;
      expect([locks(seen.a), locks(seen.b)]).toEqual([1, 2]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
