// Finding the person to give minutes to, on PGlite and on PostgreSQL: a member finds people of
// their own site by name or by a whole phone number, sees no more of them than a neighbour may
// (a masked phone, no address), and never finds another site's people or spells out a phone.
import { memberQueries, siteQueries, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toId } from '../core/ids';
import { buildSchema } from '../graphql/schema';
import { donateMinutes } from '../ledger/transfers.service';
import { actorFor, contextFor, depsFor, outcome } from '../testing';
import { balanceOf, findRecipients, RECIPIENTS_LIMIT } from './members.service';

describe.each(testEngines())('finding a recipient on %s', (engine) => {
  let handle: TestDb;
  let site: number;
  const people = new Map<string, MemberRow>();
  const find = async (who: string, search: string) =>
    (await findRecipients(depsFor(handle.db), await actorFor(handle.db, people.get(who)!), search)).map((m) => m.name);

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const demo = await seedDemo(handle.db);
    site = demo.siteId;
    for (const m of await memberQueries.listMembers(handle.db, { siteId: demo.siteId }, 100)) people.set(m.name, m);
    // Another village with a 刘桂兰 of its own, and the bureau's admin (no site).
    await handle.db.transaction(async (tx) => {
      const other = await siteQueries.insertSite(tx, { name: '青山村互助站', county: '平江县', village: '青山村' });
      people.set(
        '外村刘桂兰',
        await memberQueries.insertMember(tx, { siteId: other.id, name: '刘桂兰', phone: '13700000004' }, ['VOLUNTEER']),
      );
      people.set('管理员', await memberQueries.insertMember(tx, { siteId: null, name: '管理员' }, ['ADMIN']));
      // At the demo site: 王芳芳 registered before 王芳, and a family of twelve sharing a name's start.
      for (const name of ['王芳芳', '王芳', ...Array.from({ length: 12 }, (_, i) => `欧阳家${i + 1}`)]) {
        people.set(name, await memberQueries.insertMember(tx, { siteId: site, name }, ['ELDER']));
      }
    });
  });
  afterAll(() => handle.close());

  it('finds a neighbour by part of a name or by the whole phone number, never oneself', async () => {
    expect(await find('张建国', '桂兰')).toEqual(['刘桂兰']);
    expect(await find('张建国', '刘桂兰')).toEqual(['刘桂兰']);
    // Written as people write numbers: spaces, dashes, +86.
    expect(await find('张建国', '139 0000 0004')).toEqual(['刘桂兰']);
    expect(await find('张建国', '+86 139-0000-0004')).toEqual(['刘桂兰']);
    // Elders without a phone are found by name too.
    expect(await find('张建国', '孙德福')).toEqual(['孙德福']);
    // Oneself is no recipient.
    expect(await find('张建国', '张建国')).toEqual([]);
    expect(await find('张建国', '13900000003')).toEqual([]);
    // An exact name comes before names that only contain it, whoever was registered first.
    expect(await find('张建国', '王芳')).toEqual(['王芳', '王芳芳']);
    // A name's wildcard characters are text, not patterns.
    expect(await find('张建国', '%')).toEqual([]);
    expect(await find('张建国', '_')).toEqual([]);
  });

  it("never finds another site's people, by name or by phone", async () => {
    // Only the own village's 刘桂兰, though another village has one too.
    const found = await findRecipients(depsFor(handle.db), await actorFor(handle.db, people.get('张建国')!), '刘桂兰');
    expect(found.map((m) => m.id)).toEqual([people.get('刘桂兰')!.id]);
    expect(await find('张建国', '13700000004')).toEqual([]);
    // And the other village's member does not find this one's.
    expect(await find('外村刘桂兰', '13900000004')).toEqual([]);
    expect(await find('外村刘桂兰', '张建国')).toEqual([]);
  });

  it('cannot spell out a phone number: part of one finds nobody, and an empty search is refused', async () => {
    for (const partial of ['1390000', '0004', '139', '139000000041']) {
      expect(await outcome(find('张建国', partial)), partial).toBe('BAD_USER_INPUT search');
    }
    // A masked number, as shown, is no key to the whole one.
    expect(await find('张建国', '139****0004')).toEqual([]);
    expect(await outcome(find('张建国', ''))).toBe('BAD_USER_INPUT search');
    expect(await outcome(find('张建国', '   '))).toBe('BAD_USER_INPUT search');
    // A shared start finds at most a page of people, not the whole site.
    expect(await find('张建国', '欧阳家')).toHaveLength(RECIPIENTS_LIMIT);
  });

  it('is for members of a site: the platform admin and nobody logged in are refused', async () => {
    expect(
      await outcome(findRecipients(depsFor(handle.db), await actorFor(handle.db, people.get('管理员')!), '刘')),
    ).toBe('FORBIDDEN');
    expect(await outcome(findRecipients(depsFor(handle.db), null, '刘'))).toBe('UNAUTHENTICATED');
  });

  it('shows a volunteer a masked phone and no address; the member list (with phones) stays staff only', async () => {
    const run = async (who: string, query: string, variables: Record<string, unknown>) =>
      execute({
        schema: buildSchema(),
        document: parse(query),
        variableValues: variables,
        contextValue: await contextFor(handle.db, people.get(who)!),
      });
    const found = await run(
      '张建国',
      'query ($s: String!) { recipients(search: $s) { name phone address careCategories } }',
      { s: '黄淑珍' },
    );
    expect(found.errors).toBeUndefined();
    expect(found.data?.['recipients']).toEqual([
      { name: '黄淑珍', phone: '139****0006', address: null, careCategories: [] },
    ]);
    const list = await run('张建国', 'query ($s: ID!) { members(siteId: $s) { edges { node { phone } } } }', {
      s: toId('Site', site),
    });
    expect(list.errors?.map((e) => e.extensions['code'])).toEqual(['FORBIDDEN']);
    // Staff, who may see phones, see them in full here as everywhere.
    const staff = await run('李秀英', 'query ($s: String!) { recipients(search: $s) { phone } }', { s: '刘桂兰' });
    expect(staff.data?.['recipients']).toEqual([{ phone: '13900000004' }]);
  });

  it('gives the minutes to the person found', async () => {
    const donor = await actorFor(handle.db, people.get('张建国')!);
    const [liu] = await findRecipients(depsFor(handle.db), donor, '刘桂兰');
    const before = await balanceOf(depsFor(handle.db), await actorFor(handle.db, liu!), liu!);
    await donateMinutes(depsFor(handle.db), donor, { toMemberId: liu!.id, minutes: 60, idempotencyKey: 'find-give-1' });
    const after = await balanceOf(depsFor(handle.db), await actorFor(handle.db, liu!), liu!);
    expect(after.minutes - before.minutes).toBe(60);
  });
});
