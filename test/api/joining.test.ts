// Joining sites over HTTP and WebSocket, on each engine: a villager asks to join from the log-in
// page (no account, nothing visible until approved), the coordinator approves, the new volunteer
// logs in and says what they can do, and the coordinator posting a need sees them fit; and a
// volunteer of one village given a role at another works there until the role is removed, which
// also ends their open subscription to that village.
import type { Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, PHONES, startTestServer, targets, type TestServer } from './support/harness';
import { CLAIM_NEED, demo, postNeed, type Demo } from './support/ops';
import { otherSite, type SiteCtx } from './support/sites';
import { subscribe, untilLive, wsClient } from './support/ws';

const SITES = '{ sites(first: 100) { edges { node { id name region } } } }';
const REQUEST = 'mutation ($input: RequestToJoinInput!) { requestToJoin(input: $input) }';
const QUEUE = 'query ($s: ID!) { joinRequests(siteId: $s) { id name phone categories status alreadyMember } }';
const SITE_ROLES = '{ viewer { siteRoles { site { id name } roles } } }';
const NEED_POSTED = 'subscription ($s: ID!) { needPosted(siteId: $s) { id title } }';

describe.each(targets())('joining on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let other: SiteCtx;
  const sockets: WsClient[] = [];

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    other = await otherSite(s);
  });
  afterAll(async () => {
    for (const c of sockets) await c.dispose();
    await s?.close();
  });

  it('a villager asks to join, sees nothing until approved, then logs in and offers help', async () => {
    // The log-in page lists the villages by name and region, to anyone.
    const sites = await s.client.ok<{ sites: { edges: { node: { id: string; name: string } }[] } }>(SITES);
    const village = sites.sites.edges.find((e) => e.node.id === d.siteId)!.node;
    expect(village.name).toBeTruthy();
    expect(
      await s.client.ok(REQUEST, {
        input: {
          siteId: d.siteId,
          name: '何秀梅',
          phone: '136 0000 0051',
          password: 'heximei-2026',
          categories: ['MEALS'],
        },
      }),
    ).toEqual({ requestToJoin: true });
    // Not a member yet: the password does not log in, and the queue is the coordinator's only.
    const early = await s.client.fails('mutation { login(phone: "13600000051", password: "heximei-2026") { token } }');
    expect(early.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await s.client.fails(QUEUE, { s: d.siteId })).extensions?.code).toBe('UNAUTHENTICATED');
    const volunteer = await s.as(PHONES.volunteer);
    expect((await volunteer.fails(QUEUE, { s: d.siteId })).extensions?.code).toBe('FORBIDDEN');

    const coordinator = await s.as(PHONES.coordinator);
    const queue = await coordinator.ok<{ joinRequests: { id: string; name: string; phone: string }[] }>(QUEUE, {
      s: d.siteId,
    });
    expect(queue.joinRequests).toEqual([
      expect.objectContaining({
        name: '何秀梅',
        phone: '13600000051',
        categories: ['MEALS'],
        status: 'PENDING',
        alreadyMember: false,
      }),
    ]);
    const approved = await coordinator.ok<{
      approveJoinRequest: { status: string; member: { name: string; roles: string[] } };
    }>('mutation ($id: ID!) { approveJoinRequest(id: $id) { status member { name roles } } }', {
      id: queue.joinRequests[0]!.id,
    });
    expect(approved.approveJoinRequest).toEqual({
      status: 'APPROVED',
      member: { name: '何秀梅', roles: ['VOLUNTEER'] },
    });

    const he = s.client.as(await login(s.url, '13600000051', 'heximei-2026'));
    const offer = await he.ok<{ myOffer: { categories: string[]; weekdays: number[] } }>(
      'query ($s: ID!) { myOffer(siteId: $s) { categories weekdays } }',
      { s: d.siteId },
    );
    expect(offer.myOffer).toEqual({ categories: ['MEALS'], weekdays: [] });
    await he.ok('mutation ($input: OfferInput!) { setOffer(input: $input) { categories } }', {
      input: { siteId: d.siteId, categories: ['MEALS', 'CLEANING'], weekdays: [2], times: ['MORNING'] },
    });
    const fits = (startsAt: string) =>
      coordinator.ok<{ volunteersFitting: { name: string }[] }>(
        'query ($s: ID!, $t: DateTime!) { volunteersFitting(siteId: $s, category: CLEANING, startsAt: $t) { name } }',
        { s: d.siteId, t: startsAt },
      );
    // Tuesday 2030-01-08 at 09:00 fits; Wednesday does not.
    expect((await fits('2030-01-08T09:00:00+08:00')).volunteersFitting.map((m) => m.name)).toEqual(['何秀梅']);
    expect((await fits('2030-01-09T09:00:00+08:00')).volunteersFitting).toEqual([]);
    // A declined request leaves nobody to log in.
    await s.client.ok(REQUEST, {
      input: { siteId: d.siteId, name: '过路人', phone: '13600000052', password: 'passerby-1' },
    });
    const [next] = (await coordinator.ok<{ joinRequests: { id: string }[] }>(QUEUE, { s: d.siteId })).joinRequests;
    await coordinator.ok('mutation ($id: ID!) { declineJoinRequest(id: $id, reason: "不是本村人") { id } }', {
      id: next!.id,
    });
    const declined = await s.client.fails('mutation { login(phone: "13600000052", password: "passerby-1") { token } }');
    expect(declined.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a volunteer given a role at another village works there, until it is removed, subscription included', async () => {
    const chen = await s.as(PHONES.volunteer3);
    const boardAtOther = 'query ($s: ID!) { needs(siteId: $s) { totalCount } }';
    expect((await chen.fails(boardAtOther, { s: other.siteId })).extensions?.code).toBe('FORBIDDEN');
    // Another village's coordinator, by the whole phone number.
    const granted = await other.coordinator.ok<{ grantSiteRole: { id: string; name: string } }>(
      'mutation ($s: ID!, $p: String!) { grantSiteRole(siteId: $s, phone: $p, role: VOLUNTEER) { id name } }',
      { s: other.siteId, p: PHONES.volunteer3 },
    );
    expect(granted.grantSiteRole.name).toBe('陈志明');
    const admin = await other.coordinator.fails(
      'mutation ($s: ID!, $p: String!) { grantSiteRole(siteId: $s, phone: $p, role: ADMIN) { id } }',
      { s: other.siteId, p: PHONES.volunteer3 },
    );
    expect(admin.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });

    // The same token: his sites, both boards, a claim at the other village (once the grant's
    // announcement has reached the member cache).
    expect(await chen.codeSoon(boardAtOther, 'OK', { s: other.siteId })).toBe('OK');
    const roles = await chen.ok<{ viewer: { siteRoles: { site: { id: string }; roles: string[] }[] } }>(SITE_ROLES);
    expect(roles.viewer.siteRoles.map((r) => [r.site.id, r.roles])).toEqual([
      [d.siteId, ['VOLUNTEER']],
      [other.siteId, ['VOLUNTEER']],
    ]);
    expect(
      (await chen.ok<{ needs: { totalCount: number } }>(boardAtOther, { s: other.siteId })).needs.totalCount,
    ).toBeGreaterThan(0);
    const need = await postNeed(other.coordinator, { siteId: other.siteId, beneficiaryId: other.elderId, slots: 2 });
    const claimed = await chen.ok<{ claimNeed: { status: string } }>(CLAIM_NEED, { id: need.id });
    expect(claimed.claimNeed.status).toBe('CLAIMED');

    // He watches the other village's new needs.
    const socket = wsClient(s.url, chen.token);
    sockets.push(socket);
    const sub = subscribe<{ id: string; title: string }>(socket, NEED_POSTED, { s: other.siteId });
    await untilLive(sub, async () => {
      const n = await postNeed(other.coordinator, {
        siteId: other.siteId,
        beneficiaryId: other.elderId,
        title: '探针',
      });
      return (e) => e.id === n.id;
    });

    const guests = await other.coordinator.ok<{ siteGuests: { member: { name: string }; roles: string[] }[] }>(
      'query ($s: ID!) { siteGuests(siteId: $s) { member { name } roles } }',
      { s: other.siteId },
    );
    expect(guests.siteGuests).toEqual([{ member: { name: '陈志明' }, roles: ['VOLUNTEER'] }]);
    await other.coordinator.ok(
      'mutation ($s: ID!, $m: ID!) { removeSiteRole(siteId: $s, memberId: $m, role: VOLUNTEER) { id } }',
      { s: other.siteId, m: granted.grantSiteRole.id },
    );
    // At once (once the database's announcement reaches the member cache): the board, a claim,
    // and the next event of the subscription.
    expect(await chen.codeSoon(boardAtOther, 'FORBIDDEN', { s: other.siteId })).toBe('FORBIDDEN');
    const again = await postNeed(other.coordinator, { siteId: other.siteId, beneficiaryId: other.elderId, slots: 2 });
    expect((await chen.fails(CLAIM_NEED, { id: again.id })).extensions?.code).toBe('NOT_FOUND');
    const [failure] = await sub.failure();
    expect(failure?.extensions?.code).toBe('FORBIDDEN');
    expect(sub.received.some((e) => e.id === again.id)).toBe(false);
    expect(
      (await chen.ok<{ viewer: { siteRoles: { site: { id: string } }[] } }>(SITE_ROLES)).viewer.siteRoles.map(
        (r) => r.site.id,
      ),
    ).toEqual([d.siteId]);
  });
});
