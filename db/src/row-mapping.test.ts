// Rows as drizzle hands them to the services, through the patched mapper (a function made once per
// list of selected columns, patches/drizzle-orm): a left join's missing row is null, a present one
// has every column with its type, an object of columns from two tables is never nulled, keys keep
// the table's order, and a statement run again (prepared or not) maps the same. On both engines.
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members, needs, sites } from './schema/index';
import { insertMember } from './queries/members.queries';
import { insertNeed } from './queries/needs.queries';
import { insertSite } from './queries/sites.queries';
import { openTestDb, testEngines, type TestDb } from './testing';

describe.each(testEngines())('rows mapped by drizzle on %s', (engine) => {
  let handle: TestDb;
  let siteId: number;
  let elderId: number;
  let loneId: number;
  beforeAll(async () => {
    handle = await openTestDb(engine);
    const { db } = handle;
    siteId = (await insertSite(db, { name: '丁', county: '县', township: '镇', village: '丁村' })).id;
    const elder = await insertMember(
      db,
      { siteId, name: '有人帮', birthYear: 1940, careCategories: ['LIVING_ALONE'] },
      ['ELDER'],
    );
    const lone = await insertMember(db, { siteId, name: '没发过', phone: '13800000099' }, ['ELDER']);
    elderId = elder.id;
    loneId = lone.id;
    await insertNeed(db, {
      siteId,
      title: '送饭',
      category: 'MEALS',
      beneficiaryId: elder.id,
      startsAt: new Date(Date.UTC(2026, 10, 3, 2, 15, 30, 250)),
      estimatedMinutes: 60,
      slots: 1,
      createdBy: elder.id,
    });
  });
  afterAll(() => handle.close());

  const joined = () =>
    handle.db
      .select({ member: members, need: needs, label: sql<string>`'x'` })
      .from(members)
      .leftJoin(needs, eq(needs.beneficiaryId, members.id))
      .where(eq(members.siteId, siteId))
      .orderBy(members.id);

  it('gives a left join’s missing row as null and a present one whole, typed, in the table’s key order', async () => {
    const rows = await joined();
    expect(rows.map((r) => r.member.id)).toEqual([elderId, loneId]);
    const [withNeed, without] = rows;
    expect(without!.need).toBeNull();
    expect(without!.member.phone).toBe('13800000099');
    expect(withNeed!.need).not.toBeNull();
    expect(withNeed!.need!.startsAt).toBeInstanceOf(Date);
    expect(withNeed!.need!.startsAt.toISOString()).toBe('2026-11-03T02:15:30.250Z');
    expect(typeof withNeed!.need!.id).toBe('number');
    expect(withNeed!.member.careCategories).toEqual(['LIVING_ALONE']);
    expect(withNeed!.label).toBe('x');
    expect(Object.keys(withNeed!.member)).toEqual(Object.keys(getTableColumns(members)));
    expect(Object.keys(withNeed!.need!)).toEqual(Object.keys(getTableColumns(needs)));
    expect(Object.keys(withNeed!)).toEqual(['member', 'need', 'label']);
  });

  it('keeps an object of two tables’ columns even when the joined table has no row', async () => {
    const rows = await handle.db
      .select({ who: { firstNeed: needs.title, name: members.name }, site: { name: sites.name } })
      .from(members)
      .innerJoin(sites, eq(sites.id, members.siteId))
      .leftJoin(needs, eq(needs.beneficiaryId, members.id))
      .where(eq(members.id, loneId));
    expect(rows).toEqual([{ who: { firstNeed: null, name: '没发过' }, site: { name: '丁' } }]);
  });

  it('maps a statement run again, and the same statement prepared, to the same rows', async () => {
    const first = await joined();
    expect(await joined()).toEqual(first);
    const prepared = joined().prepare('row_mapping_joined');
    expect(await prepared.execute()).toEqual(first);
    expect(await prepared.execute()).toEqual(first);
  });
});
