// Posting a need with an idempotency key, on PGlite and on PostgreSQL: a coordinator's phone that
// posted offline sends the need again when the link is back (maybe more than once, maybe with the
// first answer lost) and the village gets one need, one audit entry and one announcement.
import { memberQueries, tables, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toId } from '../core/ids';
import { buildSchema } from '../graphql/schema';
import { actorFor, contextFor, demoMember, depsFor, outcome, recordingEvents } from '../testing';
import { postNeed, type NewNeed } from './needs.service';

let n = 0;
const newKey = () => `post-need-${Date.now()}-${n++}-0000`;

describe.each(testEngines())('postNeed with an idempotency key on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number;
  let coordinator: MemberRow, secondCoordinator: MemberRow, elder: MemberRow;
  const startsAt = new Date(Date.now() + 2 * 86_400_000);

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    siteId = (await seedDemo(db)).siteId;
    coordinator = await demoMember(db, '13900000001');
    elder = await demoMember(db, '13900000007');
    secondCoordinator = await db.transaction((tx) =>
      memberQueries.insertMember(tx, { siteId, name: '第二协调员' }, ['COORDINATOR']),
    );
  });
  afterAll(() => handle.close());

  const need = (overrides: Partial<NewNeed> = {}): NewNeed => ({
    siteId,
    title: '送午饭',
    category: 'MEALS',
    beneficiaryId: elder.id,
    startsAt,
    estimatedMinutes: 60,
    ...overrides,
  });
  const counts = async () => ({
    needs: (await db.select().from(tables.needs)).length,
    audit: (await db.select().from(tables.auditLog)).filter((a) => a.action === 'postNeed').length,
  });

  it('posts one need however often the same need comes with its key, announced once', async () => {
    const key = newKey();
    const before = await counts();
    const events = recordingEvents();
    const actor = await actorFor(db, coordinator);
    const first = await postNeed(depsFor(db, events), actor, need({ idempotencyKey: key }));
    // The answer was lost; the phone sends exactly the same again, twice.
    const second = await postNeed(depsFor(db, events), actor, need({ idempotencyKey: key }));
    const third = await postNeed(depsFor(db, events), actor, need({ idempotencyKey: key }));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(await counts()).toEqual({ needs: before.needs + 1, audit: before.audit + 1 });
    expect(events.published.filter((e) => e.topic === 'needPosted')).toEqual([
      { topic: 'needPosted', siteId, id: first.id },
    ]);
  });

  it('refuses the same key with another need as CONFLICT and writes nothing', async () => {
    const key = newKey();
    const actor = await actorFor(db, coordinator);
    const first = await postNeed(depsFor(db), actor, need({ idempotencyKey: key }));
    const before = await counts();
    for (const other of [
      { title: '打扫卫生' },
      { category: 'CLEANING' as const },
      { estimatedMinutes: 90 },
      { slots: 2 },
      { payer: 'BENEFICIARY' as const },
      { startsAt: new Date(startsAt.getTime() + 3_600_000) },
      { description: '带上米' },
    ]) {
      expect(await outcome(postNeed(depsFor(db), actor, need({ ...other, idempotencyKey: key })))).toBe('CONFLICT');
    }
    expect(await counts()).toEqual(before);
    // The need under the key is untouched, and still the answer to a true retry.
    expect(await postNeed(depsFor(db), actor, need({ idempotencyKey: key }))).toEqual(first);
  });

  it("keeps each poster's keys apart: another coordinator's same key posts their own need", async () => {
    const key = newKey();
    const mine = await postNeed(depsFor(db), await actorFor(db, coordinator), need({ idempotencyKey: key }));
    const theirs = await postNeed(depsFor(db), await actorFor(db, secondCoordinator), need({ idempotencyKey: key }));
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.createdBy).toBe(secondCoordinator.id);
  });

  it('still posts a need per request without a key (outside clients that send none)', async () => {
    const before = await counts();
    const actor = await actorFor(db, coordinator);
    const a = await postNeed(depsFor(db), actor, need());
    const b = await postNeed(depsFor(db), actor, need({ idempotencyKey: null }));
    expect(a.id).not.toBe(b.id);
    expect(await counts()).toEqual({ needs: before.needs + 2, audit: before.audit + 2 });
  });

  it('leaves the key free when a request is refused, and refuses a malformed key', async () => {
    const key = newKey();
    const actor = await actorFor(db, coordinator);
    const before = await counts();
    expect(await outcome(postNeed(depsFor(db), actor, need({ title: ' ', idempotencyKey: key })))).toBe(
      'BAD_USER_INPUT input.title',
    );
    expect(await outcome(postNeed(depsFor(db), actor, need({ idempotencyKey: 'short' })))).toBe(
      'BAD_USER_INPUT input.idempotencyKey',
    );
    expect(await counts()).toEqual(before);
    // Nothing was written under the refused request's key, so the corrected need posts.
    const posted = await postNeed(depsFor(db), actor, need({ idempotencyKey: key }));
    expect(posted.title).toBe('送午饭');
  });

  it('posts once when many retries of one key race each other', async () => {
    const key = newKey();
    const before = await counts();
    const actor = await actorFor(db, coordinator);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => postNeed(depsFor(db), actor, need({ idempotencyKey: key }))),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await counts()).toEqual({ needs: before.needs + 1, audit: before.audit + 1 });
  });

  it('takes the key through the API, in the input', async () => {
    const key = newKey();
    const document = parse('mutation Post($input: PostNeedInput!) { postNeed(input: $input) { id title } }');
    const variableValues = {
      input: {
        siteId: toId('Site', siteId),
        beneficiaryId: toId('Member', elder.id),
        title: '理发',
        category: 'OTHER',
        startsAt: startsAt.toISOString(),
        estimatedMinutes: 30,
        idempotencyKey: key,
      },
    };
    const run = async (values = variableValues) =>
      execute({
        schema: buildSchema(),
        document,
        contextValue: await contextFor(db, coordinator),
        variableValues: values,
      });
    const first = await run();
    const again = await run();
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    const other = await run({ input: { ...variableValues.input, title: '剪指甲' } });
    expect(other.errors?.map((e) => e.extensions.code)).toEqual(['CONFLICT']);
  });
});
