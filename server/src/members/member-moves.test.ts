// A member moving village (搬迁, issue 18), on PGlite and on PostgreSQL: the coordinator of the
// site they leave starts it, the one of the site they join accepts with the roles they get; they
// keep their account and history, lose their roles at the old site, and the member cache hears it.
import { ledgerQueries, memberQueries, siteQueries, tables, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemberCache, type MemberCache } from '../auth/member-cache';
import { rolesAt } from '../auth/authorize';
import { transfer } from '../ledger/ledger.service';
import { actorFor, codeOf, demoMember, depsFor, outcome } from '../testing';
import { acceptMemberMove, cancelMemberMove, memberMoves, startMemberMove } from './member-moves.service';

/** Asks until the answer changes: a notification arrives a moment after the commit it announces. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(testEngines())('member moves on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let cache: MemberCache;
  let from: number, to: number;
  let coordinator: MemberRow, volunteer: MemberRow, newCoordinator: MemberRow, mover: MemberRow, other: MemberRow;
  const as = (m: MemberRow) => actorFor(db, m);
  const deps = () => depsFor(db);

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    cache = await createMemberCache(handle);
    from = (await seedDemo(db)).siteId;
    coordinator = await demoMember(db, '13900000001');
    volunteer = await demoMember(db, '13900000003');
    await db.transaction(async (tx) => {
      to = (await siteQueries.insertSite(tx, { name: '新村互助站', county: '平江县', village: '新村' })).id;
      newCoordinator = await memberQueries.insertMember(tx, { siteId: to, name: '新村协调员' }, ['COORDINATOR']);
      mover = await memberQueries.insertMember(tx, { siteId: from, name: '搬家的刘姐' }, ['VOLUNTEER', 'CLERK']);
      other = await memberQueries.insertMember(tx, { siteId: from, name: '没搬的陈哥' }, ['VOLUNTEER']);
    });
    const pool = (await ledgerQueries.siteAccount(db, from, 'SITE_POOL', 'MINUTES'))!;
    const account = (await ledgerQueries.memberAccount(db, mover.id, 'MINUTES'))!;
    await db.transaction((tx) =>
      transfer(tx, {
        unit: 'MINUTES',
        amount: 90,
        fromAccountId: pool.id,
        toAccountId: account.id,
        kind: 'SERVICE_CREDIT',
        idempotencyKey: `moves-${engine}-earned`,
        siteId: from,
      }),
    );
  });
  afterAll(async () => {
    await cache.close();
    await handle.close();
  });

  it('moves a member with their account and history; roles leave the old site and are granted at the new', async () => {
    // Kept in the cache as a member of the old site.
    const cached = await eventually(
      () => cache.viewer(db, mover.id),
      (v) => v?.siteId === from,
    );
    expect(cached && rolesAt(cached, from).sort()).toEqual(['CLERK', 'VOLUNTEER']);

    // Only the old site's coordinator starts it, and a retry answers with the same move.
    expect(await codeOf(startMemberMove(deps(), await as(newCoordinator), { memberId: mover.id, toSiteId: to }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(startMemberMove(deps(), await as(volunteer), { memberId: mover.id, toSiteId: to }))).toBe(
      'FORBIDDEN',
    );
    const move = await startMemberMove(deps(), await as(coordinator), { memberId: mover.id, toSiteId: to });
    expect((await startMemberMove(deps(), await as(coordinator), { memberId: mover.id, toSiteId: to })).id).toBe(
      move.id,
    );
    expect(await outcome(startMemberMove(deps(), await as(coordinator), { memberId: mover.id, toSiteId: from }))).toBe(
      'BAD_USER_INPUT toSiteId',
    );
    expect((await memberMoves(deps(), await as(newCoordinator), to)).map((m) => m.id)).toContain(move.id);

    // Only the new site's coordinator accepts, with roles an ordinary member may hold.
    expect(
      await codeOf(acceptMemberMove(deps(), await as(coordinator), { moveId: move.id, roles: ['VOLUNTEER'] })),
    ).toBe('FORBIDDEN');
    expect(
      await outcome(acceptMemberMove(deps(), await as(newCoordinator), { moveId: move.id, roles: ['ADMIN'] })),
    ).toBe('BAD_USER_INPUT roles');
    const done = await acceptMemberMove(deps(), await as(newCoordinator), {
      moveId: move.id,
      roles: ['VOLUNTEER', 'ELDER'],
    });
    expect(done.acceptedBy).toBe(newCoordinator.id);
    const moved = (await memberQueries.memberById(db, mover.id))!;
    expect(moved.siteId).toBe(to);
    const held = await memberQueries.membershipsOf(db, mover.id);
    expect(held.map((m) => [m.siteId, m.role]).sort()).toEqual([
      [to, 'ELDER'],
      [to, 'VOLUNTEER'],
    ]);
    // The same account, its minutes and history.
    expect((await ledgerQueries.memberAccount(db, mover.id, 'MINUTES'))!.balance).toBe(90);
    // Audited at both sites.
    const audited = (await db.select().from(tables.auditLog)).filter(
      (a) => a.entityId === String(mover.id) && a.action === 'acceptMemberMove',
    );
    expect(audited.map((a) => a.siteId).sort()).toEqual([from, to].sort());
    // The cache heard it: the next request acts from the new site, with no role at the old.
    const fresh = await eventually(
      () => cache.viewer(db, mover.id),
      (v) => v?.siteId === to,
    );
    expect(fresh?.siteId).toBe(to);
    expect(rolesAt(fresh!, from)).toEqual([]);
    expect(rolesAt(fresh!, to).sort()).toEqual(['ELDER', 'VOLUNTEER']);
    // Accepted is final: a retry with the same roles returns it, a cancel is refused.
    expect(
      (await acceptMemberMove(deps(), await as(newCoordinator), { moveId: move.id, roles: ['ELDER', 'VOLUNTEER'] })).id,
    ).toBe(move.id);
    expect(await codeOf(cancelMemberMove(deps(), await as(coordinator), move.id))).toBe('ILLEGAL_TRANSITION');
  });

  it('lets either side cancel before acceptance, after which it cannot be accepted', async () => {
    const move = await startMemberMove(deps(), await as(coordinator), { memberId: other.id, toSiteId: to });
    expect(await codeOf(cancelMemberMove(deps(), await as(volunteer), move.id))).toBe('FORBIDDEN');
    const cancelled = await cancelMemberMove(deps(), await as(newCoordinator), move.id);
    expect(cancelled.cancelledBy).toBe(newCoordinator.id);
    expect(
      await codeOf(acceptMemberMove(deps(), await as(newCoordinator), { moveId: move.id, roles: ['VOLUNTEER'] })),
    ).toBe('ILLEGAL_TRANSITION');
    expect((await memberQueries.memberById(db, other.id))!.siteId).toBe(from);
    // A new move may start once the old one is cancelled.
    const again = await startMemberMove(deps(), await as(coordinator), { memberId: other.id, toSiteId: to });
    expect(again.id).not.toBe(move.id);
    await cancelMemberMove(deps(), await as(coordinator), again.id);
  });
});
