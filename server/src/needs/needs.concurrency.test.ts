// Races on real PostgreSQL with many connections: volunteers racing for the last slot, and a
// coordinator's confirmation retried many times at once. PGlite has one connection and cannot
// race, so this file needs TEST_DATABASE_URL (CI sets it).
import { ledgerQueries, memberQueries, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { hasPostgres, openTestDb, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors';
import { actorFor, demoMember, depsFor } from '../testing';
import * as claims from './claims.service';
import * as confirmation from './confirmation.service';
import * as needs from './needs.service';

describe.runIf(hasPostgres())('needs under concurrency on PostgreSQL', () => {
  let handle: TestDb;
  let siteId: number;
  let coordinator: MemberRow;
  let elder: MemberRow;
  const volunteers: MemberRow[] = [];

  beforeAll(async () => {
    handle = await openTestDb('postgres', { poolSize: 30 });
    siteId = (await seedDemo(handle.db)).siteId;
    coordinator = await demoMember(handle.db, '13900000001');
    elder = await demoMember(handle.db, '13900000007');
    for (let i = 0; i < 20; i++) {
      volunteers.push(
        await handle.db.transaction((tx) =>
          memberQueries.insertMember(
            tx,
            { siteId, name: `志愿者${i}`, phone: `1370000${String(i).padStart(4, '0')}` },
            ['VOLUNTEER'],
          ),
        ),
      );
    }
  });
  afterAll(() => handle.close());

  const post = async (slots: number) =>
    needs.postNeed(depsFor(handle.db), await actorFor(handle.db, coordinator), {
      siteId,
      title: '帮忙收稻子',
      category: 'FARM_WORK',
      beneficiaryId: elder.id,
      // Begun ten minutes ago: check-in opens 2 hours before the start, a report after it.
      startsAt: new Date(Date.now() - 10 * 60_000),
      estimatedMinutes: 120,
      slots,
    });

  it('gives the last slots to exactly as many volunteers as there are slots', async () => {
    const need = await post(3);
    const actors = await Promise.all(volunteers.map((v) => actorFor(handle.db, v)));
    // Each volunteer's call with its own deps, as each request has its own read cache.
    const results = await Promise.allSettled(actors.map((a) => claims.claimNeed(depsFor(handle.db), a, need.id)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const codes = results.flatMap((r) =>
      r.status === 'rejected' ? [isAppError(r.reason) ? r.reason.code : String(r.reason)] : [],
    );
    expect(won).toHaveLength(3);
    expect(codes).toEqual(Array(17).fill('CONFLICT'));
    const after = await needs.getNeed(depsFor(handle.db), await actorFor(handle.db, coordinator), need.id);
    expect(after!.status).toBe('FILLED');
  });

  it('credits a confirmation once when it is sent 20 times at once with one key', async () => {
    const need = await post(1);
    const volunteer = volunteers[0]!;
    const v = await actorFor(handle.db, volunteer);
    const claim = await claims.claimNeed(depsFor(handle.db), v, need.id);
    await claims.checkIn(depsFor(handle.db), v, claim.id);
    await claims.reportService(depsFor(handle.db), v, claim.id, 90, null);
    const before = (await ledgerQueries.memberAccount(handle.db, volunteer.id, 'MINUTES'))!.balance;
    const key = `race-${Date.now()}`;
    const actor = await actorFor(handle.db, coordinator);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => confirmation.confirmService(depsFor(handle.db), actor, claim.id, null, key)),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.every((r) => r.status === 'CONFIRMED')).toBe(true);
    expect((await ledgerQueries.memberAccount(handle.db, volunteer.id, 'MINUTES'))!.balance).toBe(before + 90);
  });
});
