// The statements every request runs (token check, loaders), built once and prepared: they must
// answer for the member asked about, the same on both engines, inside a transaction and out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines, type TestDb } from '../testing';
import { insertMember, memberWithRoles, membersByIds } from './members.queries';
import { insertSite } from './sites.queries';

describe.each(testEngines())('members on %s', (engine) => {
  let handle: TestDb;
  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("the token's read gives each member their own roles, and none to a member without any", async () => {
    const { db } = handle;
    const a = await insertSite(db, { name: '甲', county: '县', township: '镇', village: '甲村' });
    const b = await insertSite(db, { name: '乙', county: '县', township: '镇', village: '乙村' });
    const coordinator = await insertMember(db, { siteId: a.id, name: '协调员' }, ['COORDINATOR', 'VOLUNTEER']);
    const elder = await insertMember(db, { siteId: b.id, name: '老人' }, []);
    const clerk = await insertMember(db, { siteId: b.id, name: '店员' }, ['CLERK']);

    const first = await memberWithRoles(db, coordinator.id);
    expect(first?.member.name).toBe('协调员');
    expect(first?.roles).toEqual([
      { siteId: a.id, role: 'COORDINATOR', regionId: null },
      { siteId: a.id, role: 'VOLUNTEER', regionId: null },
    ]);
    // Not a region's staff: no regions, no sites beyond their own.
    expect(first).toMatchObject({ regions: [], regionSiteIds: [] });
    // The same prepared statement, other values: nothing carried over from the last call.
    expect(await memberWithRoles(db, elder.id)).toMatchObject({ member: { name: '老人' }, roles: [] });
    expect((await memberWithRoles(db, clerk.id))?.roles).toEqual([{ siteId: b.id, role: 'CLERK', regionId: null }]);
    expect(await memberWithRoles(db, 987_654_321)).toBeUndefined();

    // Inside a transaction, where the statement is built for that transaction, the same answers.
    await db.transaction(async (tx) => {
      expect((await memberWithRoles(tx, clerk.id))?.roles).toEqual([{ siteId: b.id, role: 'CLERK', regionId: null }]);
      expect((await membersByIds(tx, [elder.id, clerk.id])).map((m) => m.name).sort()).toEqual(['店员', '老人']);
    });
  });

  it('the loaders read any number of ids with one statement text', async () => {
    const { db } = handle;
    const site = await insertSite(db, { name: '丙', county: '县', township: '镇', village: '丙村' });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await insertMember(db, { siteId: site.id, name: `成员${i}` }, [])).id);
    for (let n = 1; n <= ids.length; n++) {
      const rows = await membersByIds(db, ids.slice(0, n));
      expect(rows.map((r) => r.id).sort((x, y) => x - y)).toEqual(ids.slice(0, n));
    }
    expect(await membersByIds(db, [])).toEqual([]);
  });
});
