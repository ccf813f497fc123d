// Joining sites, on PGlite and on PostgreSQL: a coordinator gives a member of another village a
// role at theirs (a township's 助老员), which every rule honours at once and which ends at once;
// and a villager asks to join from the log-in page, seeing nothing until a coordinator approves.
import {
  inboxQueries,
  joiningQueries,
  memberQueries,
  siteQueries,
  tables,
  verifyPassword,
  type MemberRow,
} from '@huzhu/db';
import { seedDemo } from '@huzhu/db/seed';
import { openTestDb, testEngines, type TestDb } from '@huzhu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../auth/auth.service';
import { canSeeContact, listMembers } from './members.service';
import { claimNeed } from '../needs/claims.service';
import { listNeeds, postNeed } from '../needs/needs.service';
import { myOffer } from '../offers/offers.service';
import { LoginLimiter } from '../security/rate-limit';
import { actorFor, depsFor, outcome } from '../testing';
import {
  approveJoinRequest,
  declineJoinRequest,
  JOIN_LIMITS,
  listJoinRequests,
  requestToJoin,
} from './join-requests.service';
import { grantSiteRole, removeSiteRole, siteGuests, siteRolesOf } from './roles.service';

const SECRET = new Uint8Array(32).fill(7);

describe.each(testEngines())('joining sites on %s', (engine) => {
  let handle: TestDb;
  let siteA: number;
  let siteB: number;
  const people = new Map<string, MemberRow>();
  const as = (name: string) => actorFor(handle.db, people.get(name)!);
  const deps = () => depsFor(handle.db);
  let needAtB = 0;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    siteA = (await seedDemo(handle.db)).siteId;
    for (const m of await memberQueries.listMembers(handle.db, { siteId: siteA }, 100)) people.set(m.name, m);
    await handle.db.transaction(async (tx) => {
      const b = await siteQueries.insertSite(tx, { name: '青山村互助站', county: '平江县', village: '青山村' });
      siteB = b.id;
      people.set(
        '周书记',
        await memberQueries.insertMember(tx, { siteId: siteB, name: '周书记', phone: '13700000001' }, ['COORDINATOR']),
      );
      people.set('青山老人', await memberQueries.insertMember(tx, { siteId: siteB, name: '青山老人' }, ['ELDER']));
    });
    const need = await postNeed(deps(), await as('周书记'), {
      siteId: siteB,
      beneficiaryId: people.get('青山老人')!.id,
      title: '送午饭',
      category: 'MEALS',
      startsAt: new Date(Date.now() + 86_400_000),
      estimatedMinutes: 30,
      slots: 2,
    });
    needAtB = need.id;
  });
  afterAll(() => handle.close());

  describe('a role at another site', () => {
    it("is granted by that site's coordinator by a whole phone number; ADMIN and ELDER are not grantable", async () => {
      const zhou = await as('周书记');
      const grant = (role: 'VOLUNTEER' | 'ADMIN' | 'ELDER', phone = '13900000005') =>
        grantSiteRole(deps(), zhou, { siteId: siteB, phone, role });
      expect(await outcome(grant('ADMIN'))).toBe('BAD_USER_INPUT role');
      expect(await outcome(grant('ELDER'))).toBe('BAD_USER_INPUT role');
      expect(await outcome(grant('VOLUNTEER', '1390000'))).toBe('BAD_USER_INPUT phone');
      expect(await outcome(grant('VOLUNTEER', '13600000000'))).toBe('NOT_FOUND phone');
      // Their own site's people get their roles on their own page.
      expect(await outcome(grant('VOLUNTEER', '13700000001'))).toBe('BAD_USER_INPUT phone');
      // Only B's coordinator grants at B: not A's coordinator, not a volunteer.
      for (const who of ['李秀英', '陈志明']) {
        expect(
          await outcome(
            grantSiteRole(deps(), await as(who), { siteId: siteB, phone: '13900000005', role: 'VOLUNTEER' }),
          ),
        ).toBe('FORBIDDEN');
      }
      // Before: 陈志明 of A sees nothing of B.
      expect(await outcome(listNeeds(deps(), await as('陈志明'), { siteId: siteB }))).toBe('FORBIDDEN');
      const granted = await grant('VOLUNTEER');
      expect(granted.name).toBe('陈志明');
    });

    it("counts at once for every rule: B's board, claiming at B, B's lists; A stays as it was", async () => {
      const chen = await as('陈志明');
      const board = await listNeeds(deps(), chen, { siteId: siteB });
      expect(board.edges.map((e) => e.node.title)).toEqual(['送午饭']);
      const claim = await claimNeed(deps(), chen, needAtB);
      expect(claim.status).toBe('CLAIMED');
      // Still A's volunteer, with A's board.
      expect((await listNeeds(deps(), chen, { siteId: siteA })).totalCount).toBeGreaterThan(0);
      // B's coordinator finds them among B's volunteers and guests; A's people stay A's.
      const zhou = await as('周书记');
      const volunteers = await listMembers(deps(), zhou, { siteId: siteB, role: 'VOLUNTEER' });
      expect(volunteers.edges.map((e) => e.node.name)).toEqual(['陈志明']);
      expect((await siteGuests(deps(), zhou, siteB)).map((g) => [g.member.name, g.roles])).toEqual([
        ['陈志明', ['VOLUNTEER']],
      ]);
      expect(await outcome(siteGuests(deps(), chen, siteB))).toBe('FORBIDDEN');
      // Their sites: all of them to themself, only B's entry to B's coordinator.
      const member = people.get('陈志明')!;
      expect(await siteRolesOf(deps(), chen, member)).toEqual([
        { siteId: siteA, roles: ['VOLUNTEER'] },
        { siteId: siteB, roles: ['VOLUNTEER'] },
      ]);
      expect(await siteRolesOf(deps(), zhou, member)).toEqual([{ siteId: siteB, roles: ['VOLUNTEER'] }]);
      expect(await siteRolesOf(deps(), await as('张建国'), member)).toEqual([]);
      // B's staff may call the volunteers who work at B.
      expect(await canSeeContact(deps(), zhou, member)).toBe(true);
    });

    it('is removed by the coordinator and ends at once; their own site is not touched this way', async () => {
      const zhou = await as('周书记');
      const chenId = people.get('陈志明')!.id;
      expect(
        await outcome(
          removeSiteRole(deps(), await as('李秀英'), { siteId: siteB, memberId: chenId, role: 'VOLUNTEER' }),
        ),
      ).toBe('FORBIDDEN');
      // Someone holding nothing at B is no one B's coordinator can name.
      expect(
        await outcome(
          removeSiteRole(deps(), zhou, { siteId: siteB, memberId: people.get('张建国')!.id, role: 'VOLUNTEER' }),
        ),
      ).toBe('NOT_FOUND');
      expect(await outcome(removeSiteRole(deps(), zhou, { siteId: siteB, memberId: chenId, role: 'CLERK' }))).toBe(
        'CONFLICT',
      );
      await removeSiteRole(deps(), zhou, { siteId: siteB, memberId: chenId, role: 'VOLUNTEER' });
      const chen = await as('陈志明');
      expect(await outcome(listNeeds(deps(), chen, { siteId: siteB }))).toBe('FORBIDDEN');
      expect(await outcome(claimNeed(deps(), chen, needAtB))).toBe('NOT_FOUND');
      expect((await listMembers(deps(), zhou, { siteId: siteB, role: 'VOLUNTEER' })).totalCount).toBe(0);
      expect(await canSeeContact(deps(), zhou, people.get('陈志明')!)).toBe(false);
      // Both in the audit trail, by B's coordinator, at B.
      const trail = (await handle.db.select().from(tables.auditLog)).filter((r) => r.entityId === String(chenId));
      expect(trail.map((r) => [r.action, r.actorId, r.siteId])).toEqual([
        ['grantSiteRole', people.get('周书记')!.id, siteB],
        ['removeSiteRole', people.get('周书记')!.id, siteB],
      ]);
      // A's coordinator cannot take A's own roles away through this door from B's side either.
      expect(
        await outcome(
          removeSiteRole(deps(), await as('李秀英'), { siteId: siteA, memberId: chenId, role: 'VOLUNTEER' }),
        ),
      ).toBe('BAD_USER_INPUT memberId');
    });
  });

  describe('a request to join', () => {
    const limiter = () => new LoginLimiter(handle.db);
    const logIn = (phone: string, password: string) =>
      outcome(login(handle.db, SECRET, limiter(), { phone, password, ip: '10.0.0.9' }));

    it('is stored and announced to the coordinators; the villager cannot log in before approval', async () => {
      await requestToJoin(
        deps(),
        null,
        {
          siteId: siteB,
          name: '何大姐',
          phone: '13600000011',
          password: 'qingshan-88',
          categories: ['MEALS', 'CLEANING'],
        },
        '10.0.0.1',
      );
      // Asking again while waiting writes nothing more.
      await requestToJoin(deps(), null, { siteId: siteB, name: '何大姐', phone: '13600000011' }, '10.0.0.1');
      const queue = await listJoinRequests(deps(), await as('周书记'), { siteId: siteB });
      expect(queue.map((r) => [r.name, r.phone, r.categories, r.status])).toEqual([
        ['何大姐', '13600000011', ['MEALS', 'CLEANING'], 'PENDING'],
      ]);
      const inbox = await inboxQueries.inboxPage(handle.db, people.get('周书记')!.id, 10);
      expect(inbox.map((i) => [i.kind, i.subject, i.detail])).toEqual([
        ['JOIN_REQUESTED', `join-request:${queue[0]!.id}`, { personName: '何大姐' }],
      ]);
      // Nobody at A hears of it.
      expect(await inboxQueries.inboxPage(handle.db, people.get('李秀英')!.id, 10)).toEqual([]);
      expect(await logIn('13600000011', 'qingshan-88')).toBe('UNAUTHENTICATED');
    });

    it("is the site's coordinators' to see and decide; anyone else meets FORBIDDEN or NOT_FOUND", async () => {
      const [request] = await listJoinRequests(deps(), await as('周书记'), { siteId: siteB });
      expect(await outcome(listJoinRequests(deps(), await as('李秀英'), { siteId: siteB }))).toBe('FORBIDDEN');
      expect(await outcome(listJoinRequests(deps(), null, { siteId: siteB }))).toBe('UNAUTHENTICATED');
      expect(await outcome(approveJoinRequest(deps(), await as('李秀英'), request!.id))).toBe('NOT_FOUND');
      expect(await outcome(declineJoinRequest(deps(), await as('陈志明'), request!.id, '不认识'))).toBe('NOT_FOUND');
    });

    it('once approved makes a volunteer of the site, whose password now works and whose offer is what they said', async () => {
      const zhou = await as('周书记');
      const [request] = await listJoinRequests(deps(), zhou, { siteId: siteB });
      const { member, request: decided } = await approveJoinRequest(deps(), zhou, request!.id);
      expect(decided.status).toBe('APPROVED');
      expect(member.siteId).toBe(siteB);
      expect((await memberQueries.membershipsOf(handle.db, member.id)).map((m) => [m.siteId, m.role])).toEqual([
        [siteB, 'VOLUNTEER'],
      ]);
      expect(await logIn('13600000011', 'qingshan-88')).toBe('OK');
      const he = await actorFor(handle.db, member);
      expect((await myOffer(deps(), he, siteB))?.categories).toEqual(['MEALS', 'CLEANING']);
      expect((await listNeeds(deps(), he, { siteId: siteB })).totalCount).toBe(1);
      expect(await outcome(approveJoinRequest(deps(), zhou, request!.id))).toBe('CONFLICT');
      expect(await listJoinRequests(deps(), zhou, { siteId: siteB })).toEqual([]);
    });

    it("from a member of another site adds the role, and leaves that member's password as it was", async () => {
      const zhou = await as('周书记');
      await requestToJoin(
        deps(),
        null,
        { siteId: siteB, name: '陈志明', phone: '13900000005', password: 'taken-over-1' },
        '10.0.0.2',
      );
      const [request] = await listJoinRequests(deps(), zhou, { siteId: siteB });
      const { member } = await approveJoinRequest(deps(), zhou, request!.id);
      expect(member.id).toBe(people.get('陈志明')!.id);
      expect(member.siteId).toBe(siteA);
      expect((await as('陈志明')).memberships.filter((m) => m.siteId === siteB).map((m) => m.role)).toEqual([
        'VOLUNTEER',
      ]);
      const row = await memberQueries.memberById(handle.db, member.id);
      expect(await verifyPassword('taken-over-1', row!.passwordHash!)).toBe(false);
    });

    it('declined with a reason makes nobody, and the reason is kept', async () => {
      const zhou = await as('周书记');
      await requestToJoin(deps(), null, { siteId: siteB, name: '过路人', phone: '13600000012' }, '10.0.0.3');
      const [request] = await listJoinRequests(deps(), zhou, { siteId: siteB });
      expect(await outcome(declineJoinRequest(deps(), zhou, request!.id, '  '))).toBe('BAD_USER_INPUT reason');
      const declined = await declineJoinRequest(deps(), zhou, request!.id, '不是本村人');
      expect([declined.status, declined.declineReason]).toEqual(['DECLINED', '不是本村人']);
      expect(await memberQueries.memberByPhone(handle.db, '13600000012')).toBeUndefined();
      expect(await outcome(approveJoinRequest(deps(), zhou, request!.id))).toBe('CONFLICT');
      expect((await listJoinRequests(deps(), zhou, { siteId: siteB, status: 'DECLINED' })).map((r) => r.name)).toEqual([
        '过路人',
      ]);
    });

    it('is limited per phone and per address, like a log-in', async () => {
      const ask = (phone: string, ip: string) =>
        outcome(requestToJoin(deps(), null, { siteId: siteB, name: '试试', phone }, ip));
      for (let i = 0; i < JOIN_LIMITS.perPhonePerDay; i++) expect(await ask('13600000013', `10.1.0.${i}`)).toBe('OK');
      expect(await ask('13600000013', '10.1.0.99')).toBe('TOO_MANY_REQUESTS');
      for (let i = 0; i < JOIN_LIMITS.perAddressPerHour; i++)
        expect(await ask(`136000001${String(i).padStart(2, '0')}`, '10.2.0.1')).toBe('OK');
      expect(await ask('13600000199', '10.2.0.1')).toBe('TOO_MANY_REQUESTS');
      // Refused input is refused before it counts, and an unknown site is NOT_FOUND.
      expect(
        await outcome(requestToJoin(deps(), null, { siteId: 9999, name: '试试', phone: '13600000041' }, '10.3.0.1')),
      ).toBe('NOT_FOUND');
      expect(
        await outcome(requestToJoin(deps(), null, { siteId: siteB, name: '', phone: '13600000041' }, '10.3.0.1')),
      ).toBe('BAD_USER_INPUT input.name');
      expect(await joiningQueries.listJoinRequests(handle.db, { siteId: siteB, status: 'PENDING' }, 100)).toHaveLength(
        1 + JOIN_LIMITS.perAddressPerHour,
      );
    });
  });
});
