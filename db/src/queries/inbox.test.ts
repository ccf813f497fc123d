// The inbox's SQL on PGlite and on PostgreSQL: a repeat of a keyed message is dropped, a member's
// list is newest first and pages without gaps, marking read touches only the reader's own, the
// 180-day cut drops only what is older, and a delivery is announced at commit, never at rollback.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../open';
import { createLedgerFixture, openTestDb, testEngines, type TestDb } from '../testing';
import {
  announceInboxItems,
  deleteInboxBefore,
  INBOX_CHANNEL,
  inboxCount,
  inboxPage,
  insertInboxItems,
  markRead,
  memberIdsWithRole,
  parseInboxAnnouncement,
  unreadCount,
} from './inbox.queries';
import { grantRole } from './members.queries';

let seq = 0;

describe.each(testEngines())('inbox queries on %s', (engine) => {
  let handle: TestDb;
  const db = (): Database => handle.db;

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(() => handle.close());

  const village = () => createLedgerFixture(db(), 2, `inbox-${seq++}`);
  const message = (memberId: number, siteId: number, extra: Record<string, unknown> = {}) => ({
    memberId,
    siteId,
    kind: 'CLAIM_REJECTED' as const,
    subject: 'claim:1',
    detail: { needTitle: '送饭', reason: '时间不对' },
    ...extra,
  });

  it('drops a second delivery with the same key to the same member, and keeps unkeyed repeats', async () => {
    const f = await village();
    const [a, b] = f.members.map((m) => m.id) as [number, number];
    const first = await insertInboxItems(db(), [
      message(a, f.siteId, { dedupeKey: 'claim:1:CONFIRMED' }),
      message(b, f.siteId, { dedupeKey: 'claim:1:CONFIRMED' }),
    ]);
    expect(first).toHaveLength(2);
    const again = await insertInboxItems(db(), [
      message(a, f.siteId, { dedupeKey: 'claim:1:CONFIRMED' }),
      message(a, f.siteId),
      message(a, f.siteId),
    ]);
    // Only the two without a key were written.
    expect(again.map((r) => r.dedupeKey)).toEqual([null, null]);
    expect(await inboxCount(db(), a)).toBe(3);
    expect(await inboxCount(db(), b)).toBe(1);
    expect(await insertInboxItems(db(), [])).toEqual([]);
  });

  it("lists a member's own messages newest first, page after page, unread ones alone when asked", async () => {
    const f = await village();
    const [a, b] = f.members.map((m) => m.id) as [number, number];
    const mine = await insertInboxItems(
      db(),
      Array.from({ length: 5 }, (_, i) => message(a, f.siteId, { detail: { needTitle: `第${i + 1}件` } })),
    );
    await insertInboxItems(db(), [message(b, f.siteId)]);
    const titles = (rows: { detail: unknown }[]) => rows.map((r) => (r.detail as { needTitle: string }).needTitle);

    const page1 = await inboxPage(db(), a, 2);
    expect(titles(page1)).toEqual(['第5件', '第4件']);
    const page2 = await inboxPage(db(), a, 2, page1.at(-1)!.id);
    expect(titles(page2)).toEqual(['第3件', '第2件']);
    const page3 = await inboxPage(db(), a, 2, page2.at(-1)!.id);
    expect(titles(page3)).toEqual(['第1件']);

    await markRead(db(), a, [mine[4]!.id, mine[1]!.id]);
    expect(titles(await inboxPage(db(), a, 10, undefined, true))).toEqual(['第4件', '第3件', '第1件']);
    expect(await unreadCount(db(), a)).toBe(3);
    expect(await inboxCount(db(), a, true)).toBe(3);
    expect(await inboxCount(db(), a)).toBe(5);
  });

  it("marks only the reader's own unread messages, and 'all' marks every one of theirs", async () => {
    const f = await village();
    const [a, b] = f.members.map((m) => m.id) as [number, number];
    const [ofA] = await insertInboxItems(db(), [message(a, f.siteId), message(a, f.siteId)]);
    const [ofB] = await insertInboxItems(db(), [message(b, f.siteId)]);
    // B cannot mark A's message, nor an id that does not exist.
    expect(await markRead(db(), b, [ofA!.id, 999_999_999])).toEqual([]);
    expect(await unreadCount(db(), a)).toBe(2);
    const marked = await markRead(db(), a, [ofA!.id, ofB!.id]);
    expect(marked.map((r) => r.id)).toEqual([ofA!.id]);
    expect(marked[0]!.readAt).toBeInstanceOf(Date);
    // Already read: nothing more to mark.
    expect(await markRead(db(), a, [ofA!.id])).toEqual([]);
    expect(await markRead(db(), a, [])).toEqual([]);
    expect(await markRead(db(), a, 'all')).toHaveLength(1);
    expect(await unreadCount(db(), a)).toBe(0);
    expect(await unreadCount(db(), b)).toBe(1);
  });

  it('drops messages older than the cut and keeps the newer ones', async () => {
    const f = await village();
    const a = f.members[0]!.id;
    const day = 24 * 3_600_000;
    const now = Date.now();
    await insertInboxItems(db(), [
      message(a, f.siteId, { createdAt: new Date(now - 181 * day), detail: { needTitle: '半年前' } }),
      message(a, f.siteId, { createdAt: new Date(now - 179 * day), detail: { needTitle: '五个多月前' } }),
      message(a, f.siteId, { detail: { needTitle: '今天' } }),
    ]);
    expect(await deleteInboxBefore(db(), new Date(now - 180 * day))).toBeGreaterThanOrEqual(1);
    const left = await inboxPage(db(), a, 10);
    expect(left.map((r) => (r.detail as { needTitle: string }).needTitle)).toEqual(['今天', '五个多月前']);
  });

  it('finds who holds a role at a site', async () => {
    const f = await village();
    const [a, b] = f.members.map((m) => m.id) as [number, number];
    await grantRole(db(), b, f.siteId, 'COORDINATOR');
    expect(await memberIdsWithRole(db(), f.siteId, 'COORDINATOR')).toEqual([b]);
    expect(await memberIdsWithRole(db(), f.siteId, 'VOLUNTEER')).toEqual([a, b]);
  });

  it('announces a delivery when its transaction commits, and nothing for a rollback', async () => {
    const f = await village();
    const a = f.members[0]!.id;
    const heard: string[] = [];
    let stop: () => Promise<unknown>;
    if (handle.sql) {
      const listener = await handle.sql.listen(INBOX_CHANNEL, (p) => heard.push(p));
      stop = () => listener.unlisten();
    } else {
      stop = await handle.pglite!.listen(INBOX_CHANNEL, (p) => heard.push(p));
    }
    try {
      await expect(
        db().transaction(async (tx) => {
          const rows = await insertInboxItems(tx, [message(a, f.siteId, { detail: { needTitle: '撤回' } })]);
          await announceInboxItems(tx, rows);
          throw new Error('the change the message told of failed');
        }),
      ).rejects.toThrow('failed');
      let ids: number[] = [];
      await db().transaction(async (tx) => {
        const rows = await insertInboxItems(tx, [message(a, f.siteId), message(a, f.siteId)]);
        await announceInboxItems(tx, rows);
        ids = rows.map((r) => r.id);
        // Not before the commit.
        await tx.execute(sql`select 1`);
        expect(heard).toEqual([]);
      });
      const deadline = Date.now() + 10_000;
      while (heard.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(heard.map(parseInboxAnnouncement)).toEqual(ids.map((id) => ({ memberId: a, id })));
    } finally {
      await stop();
    }
    expect(parseInboxAnnouncement('12:x')).toBeNull();
    expect(parseInboxAnnouncement('{"topic":"needPosted"}')).toBeNull();
  });
});
