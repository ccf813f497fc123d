// The demo village on both engines: what a newcomer logs in to, whole and balanced, and only once.
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../crypto/password';
import { checkInvariants } from '../queries/invariants.queries';
import { memberAccount } from '../queries/ledger.queries';
import { memberByPhone, membershipsOf } from '../queries/members.queries';
import { occurrencesFrom } from '../queries/series.queries';
import { needSeries } from '../schema/index';
import { openTestDb, testEngines } from '../testing';
import { DEMO_PASSWORD, seedDemo } from './demo.seed';

describe.each(testEngines())('demo seed on %s', (engine) => {
  it('creates a village with every role, logs in with the printed password, and runs only once', async () => {
    const handle = await openTestDb(engine);
    try {
      const first = await seedDemo(handle.db);
      expect(first.created).toBe(true);
      const roles = new Set(first.logins.map((l) => l.role));
      for (const role of ['COORDINATOR', 'CLERK', 'VOLUNTEER', 'ELDER'] as const) expect(roles).toContain(role);

      const coordinator = await memberByPhone(handle.db, first.logins.find((l) => l.role === 'COORDINATOR')!.phone);
      expect(await verifyPassword(DEMO_PASSWORD, coordinator!.passwordHash)).toBe(true);
      expect(await verifyPassword('wrong', coordinator!.passwordHash)).toBe(false);
      expect((await membershipsOf(handle.db, coordinator!.id)).map((m) => m.role)).toEqual(['COORDINATOR']);

      const volunteer = await memberByPhone(handle.db, '13900000003');
      expect((await memberAccount(handle.db, volunteer!.id, 'MINUTES'))!.balance).toBe(600);

      // The meal round every weekday at 11:00 and the bath every Saturday at 15:00, with their
      // occurrences of the next two weeks.
      const series = await handle.db.select().from(needSeries);
      expect(series.map((x) => [x.title, x.weekdays, x.timeOfDay])).toEqual([
        ['给周奶奶送午饭', [1, 2, 3, 4, 5], '11:00'],
        ['帮孙大爷洗澡', [6], '15:00'],
      ]);
      const meals = await occurrencesFrom(handle.db, series[0]!.id, '2000-01-01');
      expect(meals.length).toBeGreaterThanOrEqual(9);
      expect(meals.every((n) => n.status === 'OPEN' && n.startsAt > new Date(Date.now() - 60_000))).toBe(true);
      expect((await occurrencesFrom(handle.db, series[1]!.id, '2000-01-01')).length).toBeGreaterThanOrEqual(1);

      const again = await seedDemo(handle.db);
      expect(again).toMatchObject({ created: false, siteId: first.siteId });
      expect((await checkInvariants(handle.db)).filter((r) => !r.holds)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('seeds once when several processes start together on a new database', async () => {
    const handle = await openTestDb(engine, { poolSize: 4 });
    try {
      // Each call sees no village before it takes the lock (on PostgreSQL, each on its own connection).
      const results = await Promise.all([seedDemo(handle.db), seedDemo(handle.db), seedDemo(handle.db)]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.siteId)).size).toBe(1);
      expect((await checkInvariants(handle.db)).filter((r) => !r.holds)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
