// Services called as a job or a command would call them, on PGlite and on PostgreSQL: the system
// actor has platform staff's rights and is named in the audit trail by its label; the platform's
// health (ledger check, failed jobs) is for platform staff and the system only.
import { memberQueries, tables, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePassword } from '../auth/auth.service';
import { systemActor } from '../auth/authorize';
import { createSite } from '../sites/sites.service';
import { actorFor, codeOf, demoMember, depsFor } from '../testing';
import { failedJobs, ledgerHealth, queueSummary } from './platform.service';

describe.each(testEngines())('services called by the system on %s', (engine) => {
  let handle: TestDb;
  let staff: MemberRow;
  let coordinator: MemberRow;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    await seedDemo(handle.db);
    coordinator = await demoMember(handle.db, '13900000001');
    staff = await handle.db.transaction((tx) =>
      memberQueries.insertMember(tx, { siteId: null, name: '民政局值班员' }, ['ADMIN']),
    );
  });
  afterAll(() => handle.close());

  const auditOf = async (siteId: number) =>
    (await handle.db.select().from(tables.auditLog)).filter((a) => a.action === 'createSite' && a.siteId === siteId);

  it('records a site created by a command under its label, and one by staff under their id and address', async () => {
    const bySystem = await createSite(depsFor(handle.db), systemActor('cli:import-sites'), {
      name: '东岭村互助站',
      region: '平江县/安定镇/东岭村',
      pointsPerHour: 10,
    });
    expect(await auditOf(bySystem.id)).toMatchObject([{ actorId: null, actorLabel: 'cli:import-sites', ip: null }]);

    const byStaff = await createSite(depsFor(handle.db), await actorFor(handle.db, staff), {
      name: '西岭村互助站',
      region: '平江县/安定镇/西岭村',
      pointsPerHour: 10,
    });
    expect(await auditOf(byStaff.id)).toMatchObject([{ actorId: staff.id, actorLabel: null, ip: '127.0.0.1' }]);
  });

  it('refuses a site coordinator and nobody; a member-only act is refused to the system', async () => {
    const input = { name: '北岭村互助站', region: '平江县/安定镇/北岭村', pointsPerHour: 10 };
    expect(await codeOf(createSite(depsFor(handle.db), await actorFor(handle.db, coordinator), input))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(createSite(depsFor(handle.db), null, input))).toBe('UNAUTHENTICATED');
    const deps = { db: handle.db, jwtSecret: new Uint8Array(32), loginLimiter: undefined as never };
    expect(
      await codeOf(changePassword(deps, systemActor('job:x'), { oldPassword: 'a', newPassword: 'b'.repeat(12) })),
    ).toBe('FORBIDDEN');
  });

  it('shows the ledger check to platform staff and the system, and to nobody else', async () => {
    const held = await ledgerHealth(depsFor(handle.db), await actorFor(handle.db, staff));
    expect(held.length).toBeGreaterThan(5);
    expect(held.filter((r) => !r.holds).map((r) => r.name)).toEqual([]);
    const bySystem = await ledgerHealth(depsFor(handle.db), systemActor('job:ledger.check'));
    expect(bySystem.map((r) => r.name)).toEqual(held.map((r) => r.name));

    const asCoordinator = await actorFor(handle.db, coordinator);
    expect(await codeOf(ledgerHealth(depsFor(handle.db), asCoordinator))).toBe('FORBIDDEN');
    expect(await codeOf(failedJobs(depsFor(handle.db), asCoordinator, 5))).toBe('FORBIDDEN');
    expect(await codeOf(queueSummary(depsFor(handle.db), null))).toBe('UNAUTHENTICATED');
  });

  it('answers no failed jobs and no queue on a database no server has started on', async () => {
    const actor = await actorFor(handle.db, staff);
    expect(await failedJobs(depsFor(handle.db), actor, 5)).toEqual([]);
    expect(await queueSummary(depsFor(handle.db), actor)).toBeNull();
    expect(await codeOf(failedJobs(depsFor(handle.db), actor, 500))).toBe('BAD_USER_INPUT');
  });
});
