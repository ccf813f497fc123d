// The members behind tokens, kept per process: on PGlite and PostgreSQL, a change to a member or
// their roles, made anywhere (here by another connection, as an operator's psql would), reaches
// the cache before the next request can act on the old roles.
import { memberQueries, postgresClient, siteQueries, type MemberRow } from '@huzhu/db';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemberCache, type MemberCache } from './member-cache';
import { rolesAt } from './authorize';

/** Asks until the answer changes: a notification arrives a moment after the commit it announces. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(testEngines())('member cache on %s', (engine) => {
  let handle: TestDb;
  let cache: MemberCache;
  let siteId: number;
  let coordinator: MemberRow;
  /** SQL from outside the server: another connection on PostgreSQL, the same instance on PGlite. */
  let outside: (text: string) => Promise<unknown>;
  let closeOutside = async () => {};

  beforeAll(async () => {
    handle = await openTestDb(engine);
    cache = await createMemberCache(handle);
    const site = await siteQueries.insertSite(handle.db, { name: '缓存村', county: '测试县', village: '缓存村' });
    siteId = site.id;
    coordinator = await handle.db.transaction((tx) =>
      memberQueries.insertMember(tx, { siteId, name: '王协调' }, ['COORDINATOR', 'VOLUNTEER']),
    );
    if (handle.url) {
      const other = postgresClient(handle.url, { max: 1, onnotice: () => {} });
      outside = (text) => other.unsafe(text);
      closeOutside = () => other.end();
    } else {
      outside = (text) => handle.pglite!.exec(text);
    }
  });
  afterAll(async () => {
    await closeOutside();
    await cache.close();
    await handle.close();
  });

  it('answers the same member from memory until something about them changes', async () => {
    // Registering announced the member's roles; once that announcement has passed, the member is
    // kept: the same viewer, not a new read.
    const [first, second] = await eventually(
      async () => [await cache.viewer(handle.db, coordinator.id), await cache.viewer(handle.db, coordinator.id)],
      ([a, b]) => a === b,
    );
    expect(first && rolesAt(first, siteId).sort()).toEqual(['COORDINATOR', 'VOLUNTEER']);
    expect(second).toBe(first);
    expect(await cache.viewer(handle.db, coordinator.id)).toBe(first);
    // Kept, so frozen: one request cannot change the viewer another request is handed.
    expect(() => first!.memberships.push({ siteId, role: 'ADMIN' })).toThrow(TypeError);
  });

  it('drops a revoked role as soon as the database announces it', async () => {
    await cache.viewer(handle.db, coordinator.id);
    await outside(`delete from memberships where member_id = ${coordinator.id} and role = 'COORDINATOR'`);
    const after = await eventually(
      () => cache.viewer(handle.db, coordinator.id),
      (v) => !rolesAt(v ?? null, siteId).includes('COORDINATOR'),
    );
    expect(rolesAt(after!, siteId)).toEqual(['VOLUNTEER']);
    // A role granted again is heard too.
    await outside(
      `insert into memberships (member_id, site_id, role) values (${coordinator.id}, ${siteId}, 'COORDINATOR')`,
    );
    const granted = await eventually(
      () => cache.viewer(handle.db, coordinator.id),
      (v) => rolesAt(v ?? null, siteId).includes('COORDINATOR'),
    );
    expect(rolesAt(granted!, siteId).sort()).toEqual(['COORDINATOR', 'VOLUNTEER']);
  });

  it('sees a changed member row, and a deleted member is no viewer at all', async () => {
    const member = await handle.db.transaction((tx) =>
      memberQueries.insertMember(tx, { siteId, name: '李志愿' }, ['VOLUNTEER']),
    );
    expect((await cache.viewer(handle.db, member.id))?.member?.name).toBe('李志愿');
    await outside(`update members set name = '李志愿（改）' where id = ${member.id}`);
    const renamed = await eventually(
      () => cache.viewer(handle.db, member.id),
      (v) => v?.member?.name !== '李志愿',
    );
    expect(renamed?.member?.name).toBe('李志愿（改）');
    // Accounts hang off the member; remove them with it, as an operator cleaning up would.
    await outside(`delete from memberships where member_id = ${member.id}`);
    await outside(`delete from accounts where member_id = ${member.id}`);
    await outside(`delete from members where id = ${member.id}`);
    expect(
      await eventually(
        () => cache.viewer(handle.db, member.id),
        (v) => v === undefined,
      ),
    ).toBeUndefined();
  });

  it('keeps no "no such member": one registered later is found at once', async () => {
    const next = coordinator.id + 100_000; // a fresh database holds a handful of members
    expect(await cache.viewer(handle.db, next)).toBeUndefined();
    await outside(
      `insert into members (id, site_id, name) overriding system value values (${next}, ${siteId}, '新成员')`,
    );
    expect((await cache.viewer(handle.db, next))?.member?.name).toBe('新成员');
  });

  it('reads again once an entry is a minute old, even if no change was heard', async () => {
    let clock = 1_000_000;
    const timed = await createMemberCache(handle, () => clock);
    try {
      const first = await timed.viewer(handle.db, coordinator.id);
      clock += 59_000;
      expect(await timed.viewer(handle.db, coordinator.id)).toBe(first);
      clock += 2_000;
      const later = await timed.viewer(handle.db, coordinator.id);
      expect(later).not.toBe(first);
      expect(later?.id).toBe(coordinator.id);
    } finally {
      await timed.close();
    }
  });

  it('shares one read among requests that arrive together', async () => {
    const member = await handle.db.transaction((tx) =>
      memberQueries.insertMember(tx, { siteId, name: '同时到' }, ['VOLUNTEER']),
    );
    const together = await Promise.all([1, 2, 3, 4].map(() => cache.viewer(handle.db, member.id)));
    expect(together[0]?.member?.name).toBe('同时到');
    // Four separate reads would have made four viewers.
    expect(new Set(together).size).toBe(1);
  });

  it('keeps no read that an announcement overtook, and forgets everything on "*" and on a new LISTEN', async () => {
    // The database's reads are real; the announcements are sent by hand, at the moments that matter.
    let announce: (payload: string) => void = () => {};
    let relisten: () => void = () => {};
    const channel = {
      listen: async (_channel: string, onNotify: (payload: string) => void, onListen?: () => void) => {
        announce = onNotify;
        relisten = onListen ?? (() => {});
        return { unlisten: async () => {} };
      },
    };
    const driven = await createMemberCache({ sql: channel as unknown as NonNullable<TestDb['sql']> });
    try {
      const during = driven.viewer(handle.db, coordinator.id);
      announce(String(coordinator.id)); // while the read is under way
      const overtaken = await during;
      const next = await driven.viewer(handle.db, coordinator.id);
      expect(next).not.toBe(overtaken);
      expect(await driven.viewer(handle.db, coordinator.id)).toBe(next); // this one was kept

      announce(String(coordinator.id + 1)); // someone else: no effect on this entry
      expect(await driven.viewer(handle.db, coordinator.id)).toBe(next);
      announce('*'); // a TRUNCATE
      const afterAll = await driven.viewer(handle.db, coordinator.id);
      expect(afterAll).not.toBe(next);
      relisten(); // the listening connection came back: what was said meanwhile went unheard
      expect(await driven.viewer(handle.db, coordinator.id)).not.toBe(afterAll);
    } finally {
      await driven.close();
    }
  });

  it('keeps nothing when it cannot hear the database', async () => {
    const deaf = await createMemberCache({});
    const first = await deaf.viewer(handle.db, coordinator.id);
    expect(await deaf.viewer(handle.db, coordinator.id)).not.toBe(first);
  });
});
