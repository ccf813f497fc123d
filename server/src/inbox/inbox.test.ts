// The inbox as members meet it, on PGlite and on PostgreSQL: a volunteer hears that their service
// was confirmed or rejected (with the reason), coordinators hear of service waiting for them,
// claimants hear of a cancelled need; each reads and marks only their own; a change that fails
// tells nobody anything; and the nightly prune keeps 180 days.
import { INBOX_KINDS, inboxQueries, tables, type Database, type MemberRow } from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import type { GraphQLEnumType } from 'graphql';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toId } from '../core/ids';
import { buildSchema } from '../graphql/schema';
import { domainJobs } from '../jobs/registry';
import * as claims from '../needs/claims.service';
import * as confirmation from '../needs/confirmation.service';
import * as needs from '../needs/needs.service';
import { actorFor, codeOf, contextFor, demoMember, depsFor, outcome } from '../testing';
import { createEvents } from '../events/events';
import { deliver } from './inbox.deliver';
import { startJobQueue } from '../jobs/queue';
import { INBOX_PRUNE, inboxJobs } from './inbox.jobs';
import { inboxUnreadCount, listInbox, markInboxRead } from './inbox.service';

describe.each(testEngines())('the inbox on %s', (engine) => {
  let handle: TestDb;
  let db: Database;
  let siteId: number;
  let coordinator: MemberRow, volunteer: MemberRow, other: MemberRow, elder: MemberRow;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    db = handle.db;
    siteId = (await seedDemo(db)).siteId;
    coordinator = await demoMember(db, '13900000001');
    volunteer = await demoMember(db, '13900000003');
    other = await demoMember(db, '13900000004');
    elder = await demoMember(db, '13900000007');
  });
  afterAll(() => handle.close());

  const as = (m: MemberRow) => actorFor(db, m);
  const deps = () => depsFor(db);
  const inboxOf = async (m: MemberRow, unreadOnly = false) =>
    (await listInbox(deps(), await as(m), { first: 100, unreadOnly })).edges.map((e) => e.node);
  const unread = async (m: MemberRow) => inboxUnreadCount(deps(), await as(m));

  async function reported(title: string, minutes = 50) {
    const need = await needs.postNeed(deps(), await as(coordinator), {
      siteId,
      title,
      category: 'MEALS',
      beneficiaryId: elder.id,
      startsAt: new Date(Date.now() - 10 * 60_000),
      estimatedMinutes: 60,
    });
    const claim = await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.checkIn(deps(), await as(volunteer), claim.id);
    await claims.reportService(deps(), await as(volunteer), claim.id, minutes, null);
    return { need, claim };
  }

  it("tells the site's coordinator of reported service, and the volunteer of its rejection with the reason", async () => {
    const before = await unread(volunteer);
    const { need, claim } = await reported('送午饭给赵奶奶', 45);
    const [waiting] = await inboxOf(coordinator);
    expect(waiting).toMatchObject({
      kind: 'SERVICE_REPORTED',
      subject: `claim:${claim.id}`,
      siteId,
      detail: { needId: need.id, needTitle: '送午饭给赵奶奶', minutes: 45, personName: '张建国' },
      readAt: null,
    });
    // The volunteer is told nothing of their own report.
    expect(await unread(volunteer)).toBe(before);

    await confirmation.rejectService(deps(), await as(coordinator), claim.id, '赵奶奶说还没送到');
    const [rejected] = await inboxOf(volunteer);
    expect(rejected).toMatchObject({
      kind: 'CLAIM_REJECTED',
      memberId: volunteer.id,
      subject: `claim:${claim.id}`,
      detail: { needTitle: '送午饭给赵奶奶', reason: '赵奶奶说还没送到' },
    });
    expect(await unread(volunteer)).toBe(before + 1);

    // Reported again and rejected again: that is news again, a second message.
    await claims.reportService(deps(), await as(volunteer), claim.id, 40, '补送了');
    await confirmation.rejectService(deps(), await as(coordinator), claim.id, '还是没有送到');
    const reasons = (await inboxOf(volunteer))
      .filter((m) => m.subject === `claim:${claim.id}`)
      .map((m) => (m.detail as { reason: string }).reason);
    expect(reasons).toEqual(['还是没有送到', '赵奶奶说还没送到']);
  });

  it('tells the volunteer their service was confirmed, with minutes and points, once', async () => {
    const { claim } = await reported('帮孙爷爷理发', 30);
    const done = await confirmation.confirmService(
      deps(),
      await as(coordinator),
      claim.id,
      null,
      'inbox-confirm-key-1',
    );
    expect(done.pointsAwarded).toBeGreaterThan(0);
    // A retry with the same key confirms nothing again, and tells nothing again.
    await confirmation.confirmService(deps(), await as(coordinator), claim.id, null, 'inbox-confirm-key-1');
    const confirmed = (await inboxOf(volunteer)).filter((m) => m.subject === `claim:${claim.id}`);
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]).toMatchObject({
      kind: 'CLAIM_CONFIRMED',
      detail: { needTitle: '帮孙爷爷理发', minutes: 30 },
      dedupeKey: `claim:${claim.id}:CONFIRMED`,
    });
    expect((confirmed[0]!.detail as { points: number }).points).toBe(done.pointsAwarded);
  });

  it('tells each claimant of a cancelled need why, and nobody else', async () => {
    const need = await needs.postNeed(deps(), await as(coordinator), {
      siteId,
      title: '陪周奶奶看病',
      category: 'MEDICAL_ESCORT',
      beneficiaryId: elder.id,
      startsAt: new Date(Date.now() + 24 * 3_600_000),
      estimatedMinutes: 120,
      slots: 2,
    });
    await claims.claimNeed(deps(), await as(volunteer), need.id);
    await claims.claimNeed(deps(), await as(other), need.id);
    const elderBefore = await inboxQueries.inboxCount(db, elder.id);
    await needs.cancelNeed(deps(), await as(coordinator), need.id, '医院改了时间');
    for (const m of [volunteer, other]) {
      const [told] = await inboxOf(m);
      expect(told).toMatchObject({
        kind: 'NEED_CANCELLED',
        subject: `need:${need.id}`,
        detail: { needTitle: '陪周奶奶看病', reason: '医院改了时间', at: need.startsAt.toISOString() },
      });
    }
    expect(await inboxQueries.inboxCount(db, elder.id)).toBe(elderBefore);
  });

  it('announces a delivery to its reader live once committed, and nothing of a rolled-back one', async () => {
    const events = await createEvents(handle);
    const abort = new AbortController();
    const heard: number[] = [];
    const listening = (async () => {
      for await (const e of events.subscribe('inboxDelivered', other.id, abort.signal)) heard.push(e.id);
    })();
    try {
      const message = (reason: string) => ({
        memberId: other.id,
        siteId,
        kind: 'CLAIM_REJECTED' as const,
        detail: { reason },
      });
      await expect(
        db.transaction(async (tx) => {
          await deliver(tx, [message('撤回的')]);
          throw new Error('the change failed after the message was written');
        }),
      ).rejects.toThrow('the change failed');
      const [kept] = await db.transaction((tx) => deliver(tx, [message('留下的')]));
      const deadline = Date.now() + 20_000;
      while (heard.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(heard).toEqual([kept!.id]);
      expect((await inboxOf(other)).map((m) => (m.detail as { reason?: string }).reason)).not.toContain('撤回的');
    } finally {
      abort.abort();
      await listening;
      await events.close();
    }
  });

  it('reads and marks only the own inbox: pages newest first, unread only, mark some, mark all', async () => {
    const me = await as(other);
    await inboxQueries.insertInboxItems(
      db,
      [1, 2, 3].map((i) => ({
        memberId: other.id,
        siteId,
        kind: 'NEED_CHANGED' as const,
        detail: { needTitle: `第${i}件` },
      })),
    );
    const all = await listInbox(deps(), me, { first: 2 });
    expect(all.edges).toHaveLength(2);
    expect(all.pageInfo.hasNextPage).toBe(true);
    const next = await listInbox(deps(), me, { first: 100, after: all.pageInfo.endCursor });
    const ids = [...all.edges, ...next.edges].map((e) => e.node.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.totalCount).toBe(ids.length);

    const unreadBefore = await unread(other);
    // The volunteer marking someone else's message changes nothing.
    expect((await markInboxRead(deps(), await as(volunteer), [ids[0]!])).items).toEqual([]);
    const marked = await markInboxRead(deps(), me, [ids[0]!]);
    expect(marked.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(marked.unreadCount).toBe(unreadBefore - 1);
    expect((await listInbox(deps(), me, { unreadOnly: true })).edges.map((e) => e.node.id)).not.toContain(ids[0]);
    // Tapped twice: no error, nothing more.
    expect((await markInboxRead(deps(), me, [ids[0]!])).items).toEqual([]);
    expect((await markInboxRead(deps(), me, 'all')).unreadCount).toBe(0);
    expect(await unread(other)).toBe(0);

    expect(
      await outcome(
        markInboxRead(
          deps(),
          me,
          Array.from({ length: 101 }, (_, i) => i + 1),
        ),
      ),
    ).toBe('BAD_USER_INPUT ids');
    expect(await codeOf(listInbox(deps(), null, {}))).toBe('UNAUTHENTICATED');
    expect(await codeOf(markInboxRead(deps(), null, 'all'))).toBe('UNAUTHENTICATED');
  });

  it('serves a message over GraphQL with its facts as fields and opaque links', async () => {
    const { need, claim } = await reported('给吴爷爷送药');
    await confirmation.rejectService(deps(), await as(coordinator), claim.id, '药拿错了');
    const result = await execute({
      schema: buildSchema(),
      document: parse(`{ inboxUnreadCount inbox(first: 1, unreadOnly: true) { totalCount edges { node {
        id kind subjectId needId needTitle reason minutes points personName at createdAt readAt } } } }`),
      contextValue: await contextFor(db, volunteer),
    });
    expect(result.errors).toBeUndefined();
    const data = result.data as { inboxUnreadCount: number; inbox: { totalCount: number; edges: { node: object }[] } };
    expect(data.inboxUnreadCount).toBe(data.inbox.totalCount);
    expect(data.inbox.edges[0]!.node).toMatchObject({
      kind: 'CLAIM_REJECTED',
      subjectId: toId('Claim', claim.id),
      needId: toId('Need', need.id),
      needTitle: '给吴爷爷送药',
      reason: '药拿错了',
      minutes: null,
      points: null,
      personName: null,
      at: need.startsAt.toISOString(),
      readAt: null,
    });
    expect((data.inbox.edges[0]!.node as { id: string }).id).toMatch(/^inbox_\d+$/);
  });

  it('drops messages older than 180 days in the nightly inbox.prune job, keeping the rest', async () => {
    const day = 24 * 3_600_000;
    const [old, recent] = await inboxQueries.insertInboxItems(db, [
      { memberId: elder.id, siteId, kind: 'VISIT_DUE', createdAt: new Date(Date.now() - 181 * day) },
      { memberId: elder.id, siteId, kind: 'VISIT_DUE', createdAt: new Date(Date.now() - 170 * day) },
    ]);
    const job = domainJobs({ db, events: deps().events }).find((j) => j.name === INBOX_PRUNE)!;
    expect(job.schedule?.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    const result = (await job.run(
      {},
      { id: 'x', retryCount: 0, createdOn: new Date(), signal: new AbortController().signal },
    )) as {
      deleted: number;
    };
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    const left = (await db.select().from(tables.inboxItems)).map((r) => r.id);
    expect(left).not.toContain(old!.id);
    expect(left).toContain(recent!.id);
  });

  it('runs inbox.prune on the job queue (pg-boss), as the nightly schedule would', async () => {
    const day = 24 * 3_600_000;
    const [old] = await inboxQueries.insertInboxItems(db, [
      { memberId: elder.id, siteId, kind: 'VISIT_OVERDUE', createdAt: new Date(Date.now() - 200 * day) },
    ]);
    const queue = await startJobQueue({
      handle,
      definitions: inboxJobs({ db, events: deps().events }),
      checkSeconds: 1,
    });
    try {
      await db.transaction((tx) => queue.enqueue(tx, INBOX_PRUNE, {}));
      const deadline = Date.now() + 60_000;
      let left = [old!.id];
      while (left.includes(old!.id) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        left = (await db.select({ id: tables.inboxItems.id }).from(tables.inboxItems)).map((r) => r.id);
      }
      expect(left).not.toContain(old!.id);
    } finally {
      await queue.stop();
    }
  });
});

it("the API's InboxKind names exactly the kinds the database keeps", () => {
  const kind = buildSchema().getType('InboxKind') as GraphQLEnumType;
  // As sets: an SDL file that extends the enum (families.graphql) lists its kinds after the rest.
  expect(
    kind
      .getValues()
      .map((v) => v.name)
      .sort(),
  ).toEqual([...INBOX_KINDS].sort());
});
