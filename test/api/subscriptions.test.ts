// Subscriptions over graphql-ws: needPosted and claimUpdated reach a subscriber without a reload.
// On PGlite the subscriber and the mutation share the one process. On PostgreSQL the subscriber
// is on a SECOND server process (tsx server/src/main.ts, same database) and the mutation on the
// first, and the other way round: the events travel by LISTEN/NOTIFY.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client as WsClient } from 'graphql-ws';
import { targets, idemKey, login, PASSWORD, PHONES, startTestServer, Client, type TestServer } from './support/harness';
import { CHECK_IN, CONFIRM, REPORT, claimUpTo, demo, postNeed, type Demo } from './support/ops';
import { spawnServer, subscribe, untilLive, wsClient, type ChildServer, type Subscriber } from './support/ws';

const NEED_POSTED = `subscription ($s: ID!) { needPosted(siteId: $s) { id title status beneficiary { name } } }`;
const CLAIM_UPDATED = `subscription ($s: ID!) { claimUpdated(siteId: $s) { id status need { id } volunteer { name } } }`;

interface NeedEvent {
  id: string;
  title: string;
  status: string;
  beneficiary: { name: string };
}
interface ClaimEvent {
  id: string;
  status: string;
  need: { id: string };
  volunteer: { name: string };
}

describe.each(targets())('subscriptions on $name', (on) => {
  let s: TestServer;
  let d: Demo;
  let second: ChildServer | undefined;
  /** Where subscribers connect: the second process on PostgreSQL, the same one on PGlite. */
  let subUrl: string;
  const sockets: WsClient[] = [];
  const across = on.engine === 'postgres' ? 'from another server process' : 'in process';

  const connect = (url: string, token?: string) => {
    const c = wsClient(url, token);
    sockets.push(c);
    return c;
  };
  const probeNeed = (sub: Subscriber<NeedEvent>) =>
    untilLive(sub, async () => {
      const n = await postNeed(await s.as(PHONES.coordinator), {
        siteId: d.siteId,
        beneficiaryId: d.ids.sun,
        title: '探针',
      });
      return (e) => e.id === n.id;
    });
  const probeClaim = (sub: Subscriber<ClaimEvent>) =>
    untilLive(sub, async () => {
      const n = await postNeed(await s.as(PHONES.coordinator), { siteId: d.siteId, beneficiaryId: d.ids.sun });
      const c = await claimUpTo(await s.as(PHONES.volunteer2), n.id, 'CLAIMED');
      return (e) => e.id === c.id;
    });

  beforeAll(async () => {
    s = await startTestServer(on);
    d = await demo(s);
    // In the same mode as the first (NODE_ENV=production on the production target).
    if (on.engine === 'postgres')
      second = await spawnServer(s.databaseUrl!, on.mode === 'production' ? { NODE_ENV: 'production' } : {});
    subUrl = second?.url ?? s.url;
  });
  afterAll(async () => {
    for (const c of sockets) await c.dispose();
    await second?.stop();
    await s?.close();
  });

  it(`needPosted reaches a subscriber ${across}`, async () => {
    const token = await login(subUrl, PHONES.volunteer);
    const sub = subscribe<NeedEvent>(connect(subUrl, token), NEED_POSTED, { s: d.siteId });
    await probeNeed(sub);
    const need = await postNeed(await s.as(PHONES.coordinator), {
      siteId: d.siteId,
      beneficiaryId: d.ids.elder,
      title: '帮赵奶奶换灯泡',
    });
    const event = await sub.waitFor((e) => e.id === need.id);
    expect(event).toEqual({ id: need.id, title: '帮赵奶奶换灯泡', status: 'OPEN', beneficiary: { name: '赵玉梅' } });
  });

  it(`claimUpdated follows a claim through each step ${across}`, async () => {
    const token = await login(subUrl, PHONES.coordinator);
    const sub = subscribe<ClaimEvent>(connect(subUrl, token), CLAIM_UPDATED, { s: d.siteId });
    await probeClaim(sub);
    const coordinator = await s.as(PHONES.coordinator);
    const volunteer = await s.as(PHONES.volunteer);
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.elder });
    const claim = await claimUpTo(volunteer, need.id, 'CLAIMED');
    await volunteer.ok(CHECK_IN, { id: claim.id });
    await volunteer.ok(REPORT, { id: claim.id, m: 50 });
    await coordinator.ok(CONFIRM, { id: claim.id, key: idemKey() });
    await sub.waitFor((e) => e.id === claim.id && e.status === 'CONFIRMED');
    const steps = sub.received.filter((e) => e.id === claim.id);
    expect(steps.map((e) => e.status)).toEqual(['CLAIMED', 'CHECKED_IN', 'REPORTED', 'CONFIRMED']);
    expect(steps[0]).toMatchObject({ need: { id: need.id }, volunteer: { name: '张建国' } });
  });

  it(`a confirmation refused after its writes began is never heard, and the one that lands is heard ${across}`, async () => {
    const token = await login(subUrl, PHONES.coordinator);
    const sub = subscribe<ClaimEvent>(connect(subUrl, token), CLAIM_UPDATED, { s: d.siteId });
    await probeClaim(sub);
    const coordinator = await s.as(PHONES.coordinator);
    const volunteer = await s.as(PHONES.volunteer);
    const claims = [];
    for (const beneficiaryId of [d.ids.elder, d.ids.zhou]) {
      const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId });
      claims.push(await claimUpTo(volunteer, need.id, 'REPORTED'));
    }
    const [first, second] = claims as [(typeof claims)[0], (typeof claims)[0]];
    const key = idemKey();
    await coordinator.ok(CONFIRM, { id: first.id, key });
    // The same key for another claim: the transfers and the announcement went out, and the
    // claim's update found the key taken (CONFLICT): all of it rolled back.
    expect((await coordinator.fails(CONFIRM, { id: second.id, key })).extensions?.code).toBe('CONFLICT');
    await coordinator.ok(CONFIRM, { id: second.id, key: idemKey() });
    await sub.waitFor((e) => e.id === second.id && e.status === 'CONFIRMED');
    const heard = (id: string) => sub.received.filter((e) => e.id === id).map((e) => e.status);
    expect(heard(first.id)).toEqual(['CLAIMED', 'CHECKED_IN', 'REPORTED', 'CONFIRMED']);
    expect(heard(second.id)).toEqual(['CLAIMED', 'CHECKED_IN', 'REPORTED', 'CONFIRMED']);
  });

  it(`a cancelled need's claims are each heard, announced together at its commit, ${across}`, async () => {
    const token = await login(subUrl, PHONES.coordinator);
    const sub = subscribe<ClaimEvent>(connect(subUrl, token), CLAIM_UPDATED, { s: d.siteId });
    await probeClaim(sub);
    const coordinator = await s.as(PHONES.coordinator);
    const need = await postNeed(coordinator, { siteId: d.siteId, beneficiaryId: d.ids.sun, slots: 2 });
    const a = await claimUpTo(await s.as(PHONES.volunteer), need.id, 'CLAIMED');
    const b = await claimUpTo(await s.as(PHONES.volunteer2), need.id, 'CHECKED_IN');
    await coordinator.ok(`mutation ($id: ID!, $r: String!) { cancelNeed(id: $id, reason: $r) { id status } }`, {
      id: need.id,
      r: '老人住院了',
    });
    for (const c of [a, b]) await sub.waitFor((e) => e.id === c.id && e.status === 'WITHDRAWN');
    expect(sub.received.filter((e) => e.need.id === need.id && e.status === 'WITHDRAWN').length).toBe(2);
  });

  it.runIf(on.engine === 'postgres')('a mutation on the second process reaches a subscriber of the first', async () => {
    const here = subscribe<NeedEvent>(connect(s.url, await login(s.url, PHONES.volunteer2)), NEED_POSTED, {
      s: d.siteId,
    });
    await probeNeed(here);
    const there = new Client(second!.url).as(await login(second!.url, PHONES.coordinator));
    const need = await postNeed(there, { siteId: d.siteId, beneficiaryId: d.ids.zhou, title: '给周奶奶送药' });
    expect(await here.waitFor((e) => e.id === need.id)).toMatchObject({ title: '给周奶奶送药' });
  });

  describe('with a second site', () => {
    let otherSiteId = '';
    let otherCoordinator: Client;
    let otherElder = '';
    beforeAll(async () => {
      const admin = await s.as(PHONES.admin);
      otherSiteId = (
        await admin.ok<{ createSite: { id: string } }>(
          'mutation ($i: CreateSiteInput!) { createSite(input: $i) { id } }',
          {
            i: { name: '石桥村互助站', region: '平江县/三市镇/石桥村', pointsPerHour: 10 },
          },
        )
      ).createSite.id;
      const added = await admin.ok<{ elder: { id: string } }>(
        `mutation ($c: AddMemberInput!, $e: AddMemberInput!) { coordinator: addMember(input: $c) { id } elder: addMember(input: $e) { id } }`,
        {
          c: { siteId: otherSiteId, name: '石协调', phone: '13800000021', password: PASSWORD, roles: ['COORDINATOR'] },
          e: { siteId: otherSiteId, name: '石奶奶', roles: ['ELDER'] },
        },
      );
      otherCoordinator = s.client.as(await login(s.url, '13800000021'));
      otherElder = added.elder.id;
    });

    it("a subscriber hears its own site's needs and not another site's", async () => {
      const sub = subscribe<NeedEvent>(connect(subUrl, await login(subUrl, PHONES.volunteer3)), NEED_POSTED, {
        s: d.siteId,
      });
      await probeNeed(sub);
      const elsewhere = await postNeed(otherCoordinator, { siteId: otherSiteId, beneficiaryId: otherElder });
      const home = await postNeed(await s.as(PHONES.coordinator), { siteId: d.siteId, beneficiaryId: d.ids.elder });
      await sub.waitFor((e) => e.id === home.id);
      expect(sub.received.map((e) => e.id)).not.toContain(elsewhere.id);
    });

    it("another site's coordinator may not watch this site: FORBIDDEN", async () => {
      const sub = subscribe<NeedEvent>(connect(subUrl, otherCoordinator.token), NEED_POSTED, { s: d.siteId });
      const [error] = await sub.failure();
      expect(error?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  it('an anonymous subscriber is refused: UNAUTHENTICATED', async () => {
    const sub = subscribe<ClaimEvent>(connect(subUrl), CLAIM_UPDATED, { s: d.siteId });
    const [error] = await sub.failure();
    expect(error?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.runIf(on.engine === 'postgres')('the second process shuts down on SIGTERM with exit code 0', async () => {
    expect(await second!.stop()).toBe(0);
  });
});
