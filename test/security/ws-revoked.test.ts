// Roles revoked, and members deleted, in the database while their WebSocket is open: every
// operation on the socket and every subscription event must see the viewer an HTTP request would
// see at that moment, not the one the socket connected as. The changes are made in SQL, as an
// operator in psql would, so only the member cache's notification tells the server.
import { postgresClient } from '@huzhu/db';
import type { Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  targets,
  login,
  PHONES,
  startTestServer,
  type Client,
  type GqlError,
  type TestServer,
} from '../api/support/harness';
import { demo, postNeed, type Demo } from '../api/support/ops';
import { subscribe, untilLive, wsClient, wsRequest, type Subscriber } from '../api/support/ws';

const NEED_POSTED = `subscription ($s: ID!) { needPosted(siteId: $s) { id beneficiary { id phone address } } }`;
const MEMBERS = `query ($s: ID!) { members(siteId: $s, first: 100) { edges { node { id phone address } } } }`;
const CANCEL = `mutation ($id: ID!) { cancelNeed(id: $id, reason: "不用了") { id status } }`;
const NEED = `query ($id: ID!) { need(id: $id) { status } }`;

interface NeedEvent {
  id: string;
  beneficiary: { id: string; phone: string | null; address: string | null };
}

/** The first error code of a WebSocket answer, OK when there is none. */
const codeOf = (r: { errors?: GqlError[] }) => String(r.errors?.[0]?.extensions?.code ?? 'OK');

/** Reads until the answer's code is `code` (the member cache hears of a change at its commit). */
async function until(read: () => Promise<string>, code: string): Promise<string> {
  const end = Date.now() + 10_000;
  let last = await read();
  while (last !== code && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    last = await read();
  }
  return last;
}

describe.each(targets())('WebSocket after a role is revoked in the database on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let sql: (text: string) => Promise<Record<string, unknown>[]>;
  let closeSql = async () => {};
  /** A second coordinator of the demo site (made in SQL), who posts needs while another is revoked. */
  let poster: Client;
  const sockets: WsClient[] = [];
  /** Connections opened per client: each test's socket must stay the one it began with. */
  const opened = new Map<WsClient, number>();
  const connect = (token: string) => {
    const c: WsClient = wsClient(s.url, token, {
      keepOpen: true,
      onConnected: () => opened.set(c, (opened.get(c) ?? 0) + 1),
    });
    sockets.push(c);
    return c;
  };

  /** A member of the demo site made in SQL, with the demo password; returns their id and token. */
  async function makeMember(phone: string, roles: string[]): Promise<{ id: number; token: string }> {
    const site = d.siteId.replace('site_', '');
    const [row] = await sql(
      `insert into members (site_id, name, phone, password_hash)
       select ${site}, '测试${phone.slice(-2)}', '${phone}', password_hash from members where phone = '${PHONES.volunteer}'
       returning id`,
    );
    const id = Number(row!.id);
    for (const role of roles) {
      await sql(`insert into memberships (member_id, site_id, role) values (${id}, ${site}, '${role}')`);
    }
    return { id, token: await login(s.url, phone) };
  }

  const probe = (sub: Subscriber<NeedEvent>) =>
    untilLive(sub, async () => {
      const n = await postNeed(poster, { siteId: d.siteId, beneficiaryId: d.ids.sun, title: '探针' });
      return (e) => e.id === n.id;
    });

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    if (s.databaseUrl) {
      const psql = postgresClient(s.databaseUrl, { max: 1, onnotice: () => {} });
      sql = (text) => psql.unsafe(text) as Promise<Record<string, unknown>[]>;
      closeSql = () => psql.end();
    } else {
      const pglite = s.running.handle.pglite!;
      sql = async (text) => (await pglite.query<Record<string, unknown>>(text)).rows;
    }
    poster = s.client.as((await makeMember('13800000031', ['COORDINATOR'])).token);
  });
  afterAll(async () => {
    for (const c of sockets) await c.dispose();
    await closeSql();
    await s?.close();
  });

  it("a coordinator's open socket loses the site at once: queries, mutations and subscriptions", async () => {
    const coordinator = connect(await login(s.url, PHONES.coordinator));
    const members = () => wsRequest(coordinator, MEMBERS, { s: d.siteId }).then(codeOf);
    const sub = subscribe<NeedEvent>(coordinator, NEED_POSTED, { s: d.siteId });
    await probe(sub);
    const before = await postNeed(poster, { siteId: d.siteId, beneficiaryId: d.ids.elder });
    // While a coordinator, the elder's phone and address come in full.
    expect((await sub.waitFor((e) => e.id === before.id)).beneficiary).toMatchObject({
      phone: PHONES.elder,
      address: expect.any(String),
    });
    expect(await members()).toBe('OK');

    const id = d.ids.coordinator.replace('mem_', '');
    await sql(`delete from memberships where member_id = ${id}`);

    expect(await until(members, 'FORBIDDEN')).toBe('FORBIDDEN');
    // No longer of the site at all: its need is answered as one that does not exist (existence.test.ts).
    const cancel = await wsRequest<unknown>(coordinator, CANCEL, { id: before.id });
    expect(codeOf(cancel)).toBe('NOT_FOUND');
    expect(cancel.data ?? null).toBeNull();
    expect(await (await s.as(PHONES.admin)).ok(NEED, { id: before.id })).toEqual({ need: { status: 'OPEN' } });

    // The open subscription ends with FORBIDDEN in place of the next event, which never arrives.
    const after = await postNeed(poster, { siteId: d.siteId, beneficiaryId: d.ids.elder });
    const [error] = await sub.failure();
    expect(error?.extensions?.code).toBe('FORBIDDEN');
    expect(error?.message).not.toMatch(/internal/i);
    expect(sub.received.map((e) => e.id)).not.toContain(after.id);

    // Nor may the socket open a new one.
    const again = subscribe<NeedEvent>(coordinator, NEED_POSTED, { s: d.siteId });
    expect((await again.failure())[0]?.extensions?.code).toBe('FORBIDDEN');

    // Given the role back, the same socket is served again.
    await sql(`insert into memberships (member_id, site_id, role)
               values (${id}, ${d.siteId.replace('site_', '')}, 'COORDINATOR')`);
    expect(await until(members, 'OK')).toBe('OK');
    expect(opened.get(coordinator)).toBe(1);
  });

  it("a coordinator demoted to volunteer gets the elder's phone masked on the events that follow", async () => {
    const demoted = await makeMember('13800000032', ['COORDINATOR']);
    const socket = connect(demoted.token);
    const sub = subscribe<NeedEvent>(socket, NEED_POSTED, { s: d.siteId });
    await probe(sub);
    const site = d.siteId.replace('site_', '');
    await sql(`insert into memberships (member_id, site_id, role) values (${demoted.id}, ${site}, 'VOLUNTEER')`);
    await sql(`delete from memberships where member_id = ${demoted.id} and role = 'COORDINATOR'`);
    expect(await until(() => wsRequest(socket, MEMBERS, { s: d.siteId }).then(codeOf), 'FORBIDDEN')).toBe('FORBIDDEN');

    const need = await postNeed(poster, { siteId: d.siteId, beneficiaryId: d.ids.elder });
    const event = await sub.waitFor((e) => e.id === need.id);
    expect(event.beneficiary.phone).toBe(`${PHONES.elder.slice(0, 3)}****${PHONES.elder.slice(-4)}`);
    expect(event.beneficiary.address).toBeNull();
    expect(opened.get(socket)).toBe(1);
  });

  it("a deleted member's socket is refused everything and hears no more events", async () => {
    const gone = await makeMember('13800000033', ['VOLUNTEER']);
    const socket = connect(gone.token);
    const viewer = () => wsRequest(socket, '{ viewer { id } }').then(codeOf);
    expect(await viewer()).toBe('OK');
    const sub = subscribe<NeedEvent>(socket, NEED_POSTED, { s: d.siteId });
    await probe(sub);

    await sql(`delete from memberships where member_id = ${gone.id}`);
    await sql(`delete from members where id = ${gone.id}`);

    expect(await until(viewer, 'UNAUTHENTICATED')).toBe('UNAUTHENTICATED');
    const after = await postNeed(poster, { siteId: d.siteId, beneficiaryId: d.ids.elder });
    const [error] = await sub.failure();
    expect(error?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(sub.received.map((e) => e.id)).not.toContain(after.id);
    const again = subscribe<NeedEvent>(socket, NEED_POSTED, { s: d.siteId });
    expect((await again.failure())[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(opened.get(socket)).toBe(1);
  });
});
