// Self-registration: a villager asks to join a site from the log-in page; the site's coordinators
// approve (a new member with the VOLUNTEER role, or the role added to the member with that phone)
// or decline with a reason. The request is no member: it cannot log in or read anything of the
// site, and a password chosen with it works only once approval has made the member.
import {
  hashPassword,
  joiningQueries,
  limitQueries,
  memberQueries,
  pgErrorOf,
  type JoinRequestRow,
  type JoinRequestStatus,
  type MemberRow,
  type ServiceCategory,
} from '@huzhu/db';
import { memberIdOf, requireActor, requireRoleAt, requireVisibleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail, notFound } from '../core/errors';
import * as v from '../core/validate';
import { deliver } from '../inbox/inbox.deliver';

/** What a villager writes on the log-in page's "join" form. */
export interface NewJoinRequest {
  siteId: number;
  name: string;
  phone: string;
  /** Optional: without one, the coordinator sets one later (or the member never logs in). */
  password?: string | null;
  /** What they can help with; becomes their offer at the site when approved. */
  categories?: readonly ServiceCategory[] | null;
}

/**
 * Asking to join is open to anyone, so it is limited like a log-in, per phone and per address. An
 * address is often a whole village's (the committee's wifi on a registration day), so it is looser.
 */
export const JOIN_LIMITS = {
  perPhonePerDay: 3,
  perAddressPerHour: 50,
} as const;

const JOIN_REQUEST_MISSING = { en: 'Join request not found', zh: '找不到这条入会申请' };

/**
 * Records the request and tells the site's coordinators. Answers the same whether or not the
 * phone is registered already or has asked before (a second request while one waits writes
 * nothing), so the form tells nobody who lives where.
 */
export async function requestToJoin(
  deps: ServiceDeps,
  _actor: Actor | null,
  input: NewJoinRequest,
  ip: string | undefined,
): Promise<void> {
  const name = v.text('input.name', input.name, 40);
  const phone = v.phone('input.phone', input.phone);
  const password =
    input.password == null || input.password === '' ? null : v.password('input.password', input.password);
  const categories = [...new Set(input.categories ?? [])];
  const site = await deps.cache.site.load(input.siteId);
  if (!site) notFound('site');
  await underJoinLimits(deps, phone, ip);
  const passwordHash = password ? await hashPassword(password) : null;
  await deps.db.transaction(async (tx) => {
    const row = await joiningQueries.insertJoinRequest(tx, { siteId: site.id, name, phone, passwordHash, categories });
    if (!row) return;
    await audit(tx, null, site.id, 'requestToJoin', 'join_request', row.id, { categories });
    const coordinators = await joiningQueries.holdersOf(tx, site.id, 'COORDINATOR');
    await deliver(
      tx,
      coordinators.map((memberId) => ({
        memberId,
        siteId: site.id,
        kind: 'JOIN_REQUESTED' as const,
        subject: `join-request:${row.id}`,
        // The inbox's fields (InboxDetail): who asks.
        detail: { personName: name },
        dedupeKey: `join-request:${row.id}`,
      })),
    );
  });
}

async function underJoinLimits(deps: ServiceDeps, phone: string, ip: string | undefined): Promise<void> {
  const tallies = await limitQueries.hit(deps.db, [
    { key: `join:phone:${phone}`, add: 1, windowSeconds: 24 * 3600 },
    ...(ip === undefined ? [] : [{ key: `join:addr:${ip}`, add: 1, windowSeconds: 3600 }]),
  ]);
  const over = tallies.filter((t) =>
    t.key.startsWith('join:phone:') ? t.count > JOIN_LIMITS.perPhonePerDay : t.count > JOIN_LIMITS.perAddressPerHour,
  );
  if (over.length > 0) {
    const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...over.map((t) => t.retryMs)) / 1000));
    fail(
      ErrorCode.TOO_MANY_REQUESTS,
      {
        en: 'Too many requests to join: please try again later, or ask the coordinator in person',
        zh: '申请次数太多，请稍后再试，或直接找协调员',
      },
      { retryAfterSeconds },
    );
  }
}

/** A site's join requests in one status (PENDING: the queue, oldest first); COORDINATOR or ADMIN. */
export async function listJoinRequests(
  deps: ServiceDeps,
  actor: Actor | null,
  args: { siteId: number; status?: JoinRequestStatus | null; first?: number | null },
): Promise<JoinRequestRow[]> {
  requireRoleAt(actor, args.siteId, ['COORDINATOR', 'ADMIN']);
  const first = v.int('first', args.first ?? 50, 1, 100);
  return joiningQueries.listJoinRequests(deps.db, { siteId: args.siteId, status: args.status ?? 'PENDING' }, first);
}

/** Whether the request's phone belongs to a member already (approval then adds the role). */
export async function isRegistered(deps: ServiceDeps, request: JoinRequestRow): Promise<boolean> {
  return (await memberQueries.memberByPhone(deps.db, request.phone)) !== undefined;
}

/**
 * The request, if the actor may decide it: another site's request is NOT_FOUND, as one that does
 * not exist; the site's people without the role get FORBIDDEN.
 */
async function decidable(deps: ServiceDeps, actor: Actor | null, id: number): Promise<JoinRequestRow> {
  requireActor(actor);
  const request = await joiningQueries.joinRequestById(deps.db, id);
  const missing = (): never => fail(ErrorCode.NOT_FOUND, JOIN_REQUEST_MISSING);
  if (!request) return missing();
  requireVisibleAt(actor, request.siteId, missing);
  requireRoleAt(actor, request.siteId, ['COORDINATOR', 'ADMIN']);
  return request;
}

function requirePending(request: JoinRequestRow): void {
  if (request.status !== 'PENDING') {
    fail(
      ErrorCode.CONFLICT,
      { en: 'This request has been decided already', zh: '这条申请已经处理过了' },
      { status: request.status },
    );
  }
}

/**
 * Approves: a new member of the site with the VOLUNTEER role and the password they chose, or,
 * when the phone is a member's already (of this or another site), VOLUNTEER added at this site;
 * that member's password stays theirs (a form anyone can fill in must not set it). What they said
 * they can help with becomes their offer at the site, any day, unless they have one there.
 */
export async function approveJoinRequest(
  deps: ServiceDeps,
  actor: Actor | null,
  id: number,
): Promise<{ request: JoinRequestRow; member: MemberRow }> {
  await decidable(deps, actor, id);
  try {
    return await deps.db.transaction(async (tx) => {
      const request = (await joiningQueries.joinRequestById(tx, id, true))!;
      requirePending(request);
      await memberQueries.lockPhone(tx, request.phone);
      const existing = await memberQueries.memberByPhone(tx, request.phone);
      if (existing && existing.siteId === null) {
        fail(ErrorCode.CONFLICT, {
          en: 'This phone belongs to platform staff',
          zh: '这个手机号属于平台工作人员',
        });
      }
      const member =
        existing ??
        (await memberQueries.insertMember(
          tx,
          { siteId: request.siteId, name: request.name, phone: request.phone, passwordHash: request.passwordHash },
          ['VOLUNTEER'],
        ));
      if (existing) await memberQueries.grantRole(tx, existing.id, request.siteId, 'VOLUNTEER');
      if (request.categories.length > 0 && !(await joiningQueries.offerOf(tx, member.id, request.siteId))) {
        await joiningQueries.upsertOffer(tx, {
          memberId: member.id,
          siteId: request.siteId,
          categories: request.categories,
          weekdays: [],
          times: [],
        });
      }
      const decided = await joiningQueries.decideJoinRequest(tx, id, {
        status: 'APPROVED',
        decidedBy: memberIdOf(actor),
        memberId: member.id,
      });
      await audit(tx, actor, request.siteId, 'approveJoinRequest', 'join_request', id, {
        memberId: member.id,
        newMember: !existing,
      });
      return { request: decided, member };
    });
  } catch (error) {
    // Two coordinators approving at once: the second waits on the row lock and meets CONFLICT;
    // a phone taken in between by addMember is the same conflict.
    if (pgErrorOf(error)?.code === '23505')
      fail(ErrorCode.CONFLICT, { en: 'This phone number is already registered', zh: '这个手机号已经登记过了' });
    throw error;
  }
}

/** Declines with a reason (kept for the site's records; the requester has no account to read it). */
export async function declineJoinRequest(
  deps: ServiceDeps,
  actor: Actor | null,
  id: number,
  reasonInput: string,
): Promise<JoinRequestRow> {
  await decidable(deps, actor, id);
  const reason = v.text('reason', reasonInput, 500, 1, v.MULTILINE);
  return deps.db.transaction(async (tx) => {
    const request = (await joiningQueries.joinRequestById(tx, id, true))!;
    requirePending(request);
    const decided = await joiningQueries.decideJoinRequest(tx, id, {
      status: 'DECLINED',
      decidedBy: memberIdOf(actor),
      declineReason: reason,
    });
    await audit(tx, actor, request.siteId, 'declineJoinRequest', 'join_request', id, { reason });
    return decided;
  });
}
