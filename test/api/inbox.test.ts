// The inbox over HTTP and graphql-ws: a volunteer whose reported service is rejected gets the
// message live, with the reason, on their own subscription only; the unread count follows marking
// read; nobody reads another's inbox. On PostgreSQL the subscriber is on a second server process,
// so the message travels by NOTIFY from the transaction that rejected the service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client as WsClient } from 'graphql-ws';
import { login, PHONES, startTestServer, targets, type TestServer } from './support/harness';
import { claimUpTo, demo, postNeed, type Demo } from './support/ops';
import { spawnServer, subscribe, untilLive, wsClient, type ChildServer, type Subscriber } from './support/ws';

const DELIVERED = `subscription { inboxDelivered { id kind subjectId needId needTitle reason readAt } }`;
const INBOX = `query ($unread: Boolean) { inboxUnreadCount inbox(first: 50, unreadOnly: $unread) {
  totalCount edges { node { id kind subjectId needTitle reason personName minutes readAt } } } }`;
const MARK = `mutation ($ids: [ID!]!) { markInboxRead(ids: $ids) { unreadCount items { id readAt } } }`;
const MARK_ALL = `mutation { markAllInboxRead { unreadCount items { id } } }`;
const REJECT = `mutation ($id: ID!, $r: String!) { rejectService(claimId: $id, reason: $r) { id status } }`;
const CANCEL = `mutation ($id: ID!) { cancelNeed(id: $id, reason: "探针") { id } }`;

interface Item {
  id: string;
  kind: string;
  subjectId: string | null;
  needId: string | null;
  needTitle: string | null;
  reason: string | null;
  readAt: string | null;
}
interface InboxData {
  inboxUnreadCount: number;
  inbox: { totalCount: number; edges: { node: Item & { personName: string | null; minutes: number | null } }[] };
}

describe.each(targets())('the inbox on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let second: ChildServer | undefined;
  let subUrl: string;
  const sockets: WsClient[] = [];

  const connect = (token?: string) => {
    const c = wsClient(subUrl, token);
    sockets.push(c);
    return c;
  };
  /** Live once a probe (a need the subscriber claimed, cancelled) reaches the subscriber. */
  const probe = (sub: Subscriber<Item>, phone: string) =>
    untilLive(sub, async () => {
      const coordinator = await s.as(PHONES.coordinator);
      const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.sun, title: '探针' });
      await claimUpTo(await s.as(phone), need.id, 'CLAIMED');
      await coordinator.ok(CANCEL, { id: need.id });
      return (e) => e.kind === 'NEED_CANCELLED' && e.needId === need.id;
    });

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    if (on.engine === 'postgres')
      second = await spawnServer(s.databaseUrl!, on.mode === 'production' ? { NODE_ENV: 'production' } : {});
    subUrl = second?.url ?? s.url;
  });
  afterAll(async () => {
    for (const c of sockets) await c.dispose();
    await second?.stop();
    await s?.close();
  });

  it("delivers a rejection live to the volunteer's own subscription, with the reason, and to nobody else", async () => {
    const mine = subscribe<Item>(connect(await login(subUrl, PHONES.volunteer)), DELIVERED, {});
    const theirs = subscribe<Item>(connect(await login(subUrl, PHONES.volunteer2)), DELIVERED, {});
    await probe(mine, PHONES.volunteer);
    await probe(theirs, PHONES.volunteer2);

    const coordinator = await s.as(PHONES.coordinator);
    const volunteer = await s.as(PHONES.volunteer);
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder, title: '帮赵奶奶买药' });
    const claim = await claimUpTo(volunteer, need.id, 'REPORTED', 40);

    // The coordinator's inbox has the report waiting, with who reported and how long.
    const coord = await coordinator.ok<InboxData>(INBOX, { unread: true });
    expect(coord.inbox.edges.find((e) => e.node.subjectId === claim.id)?.node).toMatchObject({
      kind: 'SERVICE_REPORTED',
      needTitle: '帮赵奶奶买药',
      personName: '张建国',
      minutes: 40,
    });

    await coordinator.ok(REJECT, { id: claim.id, r: '药店说没有人来买过' });
    const event = await mine.waitFor((e) => e.subjectId === claim.id, 10_000);
    expect(event).toMatchObject({
      kind: 'CLAIM_REJECTED',
      needId: need.id,
      needTitle: '帮赵奶奶买药',
      reason: '药店说没有人来买过',
      readAt: null,
    });
    // The other volunteer's subscription got nothing of it.
    const later = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.sun, title: '探针' });
    await claimUpTo(await s.as(PHONES.volunteer2), later.id, 'CLAIMED');
    await coordinator.ok(CANCEL, { id: later.id });
    await theirs.waitFor((e) => e.needId === later.id, 10_000);
    expect(theirs.received.some((e) => e.subjectId === claim.id)).toBe(false);
  });

  it('counts unread messages, marks some and then all read, and never touches another inbox', async () => {
    const volunteer = await s.as(PHONES.volunteer);
    const other = await s.as(PHONES.volunteer2);
    const before = await volunteer.ok<InboxData>(INBOX, {});
    expect(before.inboxUnreadCount).toBeGreaterThan(0);
    const first = before.inbox.edges.find((e) => e.node.readAt === null)!.node;

    // Someone else marking it changes nothing.
    const theirs = await other.ok<{ markInboxRead: { items: unknown[] } }>(MARK, { ids: [first.id] });
    expect(theirs.markInboxRead.items).toEqual([]);
    expect((await volunteer.ok<InboxData>(INBOX, {})).inboxUnreadCount).toBe(before.inboxUnreadCount);

    const marked = await volunteer.ok<{ markInboxRead: { unreadCount: number; items: Item[] } }>(MARK, {
      ids: [first.id],
    });
    expect(marked.markInboxRead.items.map((i) => i.id)).toEqual([first.id]);
    expect(marked.markInboxRead.items[0]!.readAt).toBeTruthy();
    expect(marked.markInboxRead.unreadCount).toBe(before.inboxUnreadCount - 1);
    const unread = await volunteer.ok<InboxData>(INBOX, { unread: true });
    expect(unread.inbox.edges.map((e) => e.node.id)).not.toContain(first.id);
    expect(unread.inbox.totalCount).toBe(before.inboxUnreadCount - 1);

    const all = await volunteer.ok<{ markAllInboxRead: { unreadCount: number } }>(MARK_ALL);
    expect(all.markAllInboxRead.unreadCount).toBe(0);
    expect((await volunteer.ok<InboxData>(INBOX, {})).inboxUnreadCount).toBe(0);

    // An id of the wrong kind names the argument; nobody logged in reads nothing.
    expect((await volunteer.fails(MARK, { ids: [d.ids.volunteer] })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'ids[0]',
    });
    expect((await s.client.fails(INBOX, {})).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses the subscription to nobody logged in', async () => {
    const anonymous = subscribe<Item>(connect(), DELIVERED, {});
    const errors = await anonymous.failure(10_000);
    expect(errors[0]?.extensions?.code ?? errors[0]?.message).toMatch(/UNAUTHENTICATED|log in/i);
  });
});
