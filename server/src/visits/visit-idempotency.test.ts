// Recording a visit with an idempotency key, on PGlite and on PostgreSQL: a coordinator's phone
// that recorded a visit offline (in the elder's yard, no signal) sends it again when the link is
// back, maybe more than once, and the coverage counts one visit with one audit entry.
import { memberQueries, siteQueries, tables, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toId } from '../core/ids';
import { currentMonth } from '../core/time';
import { buildSchema } from '../graphql/schema';
import { actorFor, contextFor, demoMember, depsFor, outcome } from '../testing';
import { recordVisit, visitCoverage, type NewVisit } from './visits.service';

let n = 0;
const newKey = () => `record-visit-${Date.now()}-${n++}-0000`;

describe.each(testEngines())('recordVisit with an idempotency key on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number;
  let coordinator: MemberRow, volunteer: MemberRow, elder: MemberRow;
  // An hour ago: recorded offline, sent later.
  const visitedAt = new Date(Date.now() - 3_600_000);

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    siteId = (await seedDemo(db)).siteId;
    coordinator = await demoMember(db, '13900000001');
    volunteer = await demoMember(db, '13900000003');
    elder = (await memberQueries.membersDueVisits(db, siteId))[0]!;
    timeZone = (await siteQueries.siteById(db, siteId))!.timeZone;
  });
  afterAll(() => handle.close());

  const visit = (overrides: Partial<NewVisit> = {}): NewVisit => ({
    elderId: elder.id,
    visitedAt,
    note: '身体不错',
    ...overrides,
  });
  const counts = async () => ({
    visits: (await db.select().from(tables.visits)).length,
    audit: (await db.select().from(tables.auditLog)).filter((a) => a.action === 'recordVisit').length,
  });
  let timeZone: string;
  const month = () => currentMonth(timeZone, visitedAt);

  it('records one visit however often the same visit comes with its key', async () => {
    const key = newKey();
    const before = await counts();
    const actor = await actorFor(db, coordinator);
    const first = await recordVisit(depsFor(db), actor, visit({ idempotencyKey: key }));
    const second = await recordVisit(depsFor(db), actor, visit({ idempotencyKey: key }));
    const third = await recordVisit(depsFor(db), actor, visit({ idempotencyKey: key }));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(await counts()).toEqual({ visits: before.visits + 1, audit: before.audit + 1 });
    // The visit keeps the time it was recorded offline, not the time it arrived.
    expect(first.visitedAt.toISOString()).toBe(visitedAt.toISOString());
    const coverage = await visitCoverage(depsFor(db), actor, siteId, month());
    expect(coverage.visits.filter((v) => v.id === first.id)).toHaveLength(1);
  });

  it('refuses the same key with another visit as CONFLICT and writes nothing', async () => {
    const key = newKey();
    const actor = await actorFor(db, coordinator);
    const first = await recordVisit(depsFor(db), actor, visit({ idempotencyKey: key }));
    const before = await counts();
    const other = (await memberQueries.membersDueVisits(db, siteId)).find((m) => m.id !== elder.id)!;
    for (const change of [
      { elderId: other.id },
      { visitedAt: new Date(visitedAt.getTime() - 60_000) },
      { note: '要送药' },
      { followUpNeeded: true },
    ]) {
      expect(await outcome(recordVisit(depsFor(db), actor, visit({ ...change, idempotencyKey: key })))).toBe(
        'CONFLICT',
      );
    }
    expect(await counts()).toEqual(before);
    expect(await recordVisit(depsFor(db), actor, visit({ idempotencyKey: key }))).toEqual(first);
  });

  it("keeps each visitor's keys apart: a volunteer's same key records their own visit", async () => {
    const key = newKey();
    const mine = await recordVisit(depsFor(db), await actorFor(db, coordinator), visit({ idempotencyKey: key }));
    const theirs = await recordVisit(depsFor(db), await actorFor(db, volunteer), visit({ idempotencyKey: key }));
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.visitorId).toBe(volunteer.id);
  });

  it('still records a visit per request without a key (outside clients that send none)', async () => {
    const before = await counts();
    const actor = await actorFor(db, coordinator);
    const a = await recordVisit(depsFor(db), actor, visit());
    const b = await recordVisit(depsFor(db), actor, visit({ idempotencyKey: null }));
    expect(a.id).not.toBe(b.id);
    expect(await counts()).toEqual({ visits: before.visits + 2, audit: before.audit + 2 });
  });

  it('leaves the key free when a request is refused, and refuses a malformed key', async () => {
    const key = newKey();
    const actor = await actorFor(db, coordinator);
    const before = await counts();
    const future = new Date(Date.now() + 86_400_000);
    expect(await outcome(recordVisit(depsFor(db), actor, visit({ visitedAt: future, idempotencyKey: key })))).toBe(
      'BAD_USER_INPUT input.visitedAt',
    );
    expect(await outcome(recordVisit(depsFor(db), actor, visit({ idempotencyKey: 'bad key!' })))).toBe(
      'BAD_USER_INPUT input.idempotencyKey',
    );
    expect(await counts()).toEqual(before);
    const recorded = await recordVisit(depsFor(db), actor, visit({ idempotencyKey: key }));
    expect(recorded.visitedAt.toISOString()).toBe(visitedAt.toISOString());
  });

  it('records once when many retries of one key race each other', async () => {
    const key = newKey();
    const before = await counts();
    const actor = await actorFor(db, coordinator);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => recordVisit(depsFor(db), actor, visit({ idempotencyKey: key }))),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await counts()).toEqual({ visits: before.visits + 1, audit: before.audit + 1 });
  });

  it('takes the key through the API, in the input', async () => {
    const key = newKey();
    const document = parse('mutation Record($input: RecordVisitInput!) { recordVisit(input: $input) { id note } }');
    const input = { elderId: toId('Member', elder.id), visitedAt: visitedAt.toISOString(), idempotencyKey: key };
    const run = async (values: Record<string, unknown>) =>
      execute({
        schema: buildSchema(),
        document,
        contextValue: await contextFor(db, coordinator),
        variableValues: { input: values },
      });
    const first = await run(input);
    expect(first.errors).toBeUndefined();
    expect((await run(input)).data).toEqual(first.data);
    const other = await run({ ...input, note: '另一回' });
    expect(other.errors?.map((e) => e.extensions.code)).toEqual(['CONFLICT']);
  });
});
