// Members: registering people at a site, and who may see what of whom. Phones and addresses are
// private: the member, the site's staff and platform staff see them; a volunteer sees an elder's
// only while serving them; everyone else sees a masked phone and no address.
import {
  hashPassword,
  ledgerQueries,
  memberQueries,
  needQueries,
  pgErrorOf,
  type CareCategory,
  type LivingSituation,
  type MemberRow,
  type Role,
} from '@huzhu/db';
import {
  STAFF,
  hasRoleAt,
  isPlatformAdmin,
  memberIdOf,
  requireActor,
  requireRoleAt,
  requireViewer,
  type Actor,
} from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, ErrorCode, fail, notFound } from '../core/errors';
import { afterId, connection, pageOf, type PageArgs } from '../core/pagination';
import * as v from '../core/validate';
import { refreshKeptTiers } from '../visits/tier-plan';
import { birthYearOf, disabilityGradeOf } from './member-facts';

/** A person to register at a site, as the coordinator writes them. */
export interface NewMember {
  siteId: number;
  name: string;
  /** Optional: many elders have none. */
  phone?: string | null;
  /** Optional: without one the member cannot log in. */
  password?: string | null;
  roles: readonly Role[];
  careCategories?: readonly CareCategory[] | null;
  birthYear?: number | null;
  address?: string | null;
  livingSituation?: LivingSituation | null;
  /** 1 (most severe) to 4. */
  disabilityGrade?: number | null;
}

/** Which of a site's members to list: by role, by part of a name or phone; active or deactivated. */
export interface MemberListArgs extends PageArgs {
  siteId: number;
  role?: Role | null;
  search?: string | null;
  deactivated?: boolean | null;
}

export interface ServiceRecordData {
  memberId: number;
  totalMinutes: number;
  confirmedCount: number;
  rejectedCount: number;
  noShowCount: number;
  pointsEarned: number;
}

/** The member themself, their site's staff, platform staff (and the system, which acts as them). */
export function canSeePrivate(actor: Actor | null, member: MemberRow): boolean {
  if (!actor) return false;
  if (memberIdOf(actor) === member.id || isPlatformAdmin(actor)) return true;
  return member.siteId !== null && hasRoleAt(actor, member.siteId, STAFF);
}

/** canSeePrivate, staff of a site where the member holds a role, or a volunteer serving this elder. */
export async function canSeeContact(deps: ServiceDeps, actor: Actor | null, member: MemberRow): Promise<boolean> {
  if (canSeePrivate(actor, member)) return true;
  // Staff of another site where the member holds a role (a township's 助老员 serving there).
  const held = actor ? await deps.cache.membershipsOf.load(member.id) : [];
  if (held.some((m) => m.siteId !== null && m.siteId !== member.siteId && hasRoleAt(actor, m.siteId, STAFF)))
    return true;
  const memberId = memberIdOf(actor);
  if (memberId === null) return false;
  return (await deps.cache.eldersServedBy.load(memberId)).includes(member.id);
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** UNAUTHENTICATED for nobody; FORBIDDEN unless canSeePrivate. */
export function requirePrivate(actor: Actor | null, member: MemberRow): void {
  const a = requireActor(actor);
  if (!canSeePrivate(a, member)) {
    fail(ErrorCode.FORBIDDEN, {
      en: "Only the member and the site's staff can see this",
      zh: '只有本人和站点工作人员可以查看',
    });
  }
}

/**
 * A member by id: oneself, the site's staff (the clerk looks members up at the counter), platform
 * staff, and a volunteer holding a claim (not given back) on one of this member's needs. Anyone
 * else gets null, as for an id that does not exist: a neighbour's care categories are not theirs
 * to read, and FORBIDDEN would tell another site's people which ids exist.
 */
export async function getMember(deps: ServiceDeps, actor: Actor | null, id: number): Promise<MemberRow | null> {
  const a = requireActor(actor);
  const member = await deps.cache.member.load(id);
  if (!member) return null;
  if (canSeePrivate(a, member)) return member;
  const memberId = memberIdOf(a);
  if (memberId === null || member.siteId === null || !hasRoleAt(a, member.siteId, ['VOLUNTEER'])) return null;
  return (await needQueries.hasClaimFor(deps.db, memberId, member.id)) ? member : null;
}

export async function listMembers(deps: ServiceDeps, actor: Actor | null, args: MemberListArgs) {
  const siteId = args.siteId;
  requireRoleAt(actor, siteId, STAFF);
  const page = pageOf(args);
  const search = args.search == null ? undefined : v.text('search', args.search, 40, 0) || undefined;
  const filter = { siteId, role: args.role ?? undefined, search, deactivated: args.deactivated ?? false };
  const [rows, total] = await Promise.all([
    memberQueries.listMembers(deps.db, filter, page.limit, afterId(page)),
    memberQueries.countMembers(deps.db, filter),
  ]);
  return connection(rows, page, (m) => m.id, total);
}

/** At most this many people come back from one recipient search. */
export const RECIPIENTS_LIMIT = 10;

/**
 * People a member may give minutes to (转赠), found by part of a name or by a full mobile number:
 * at the viewer's own site only (a donation never leaves it), never the viewer. It reads no more
 * than a neighbour may: the Member fields stay as private as ever (a masked phone, no address),
 * and a phone matches only in full, so no one can spell out another's number digit by digit.
 */
export async function findRecipients(deps: ServiceDeps, actor: Actor | null, search: string): Promise<MemberRow[]> {
  const viewer = requireViewer(actor);
  if (viewer.siteId === null) {
    fail(ErrorCode.FORBIDDEN, {
      en: 'Only members of a site can give minutes',
      zh: '只有站点成员才能转赠时间',
    });
  }
  const text = v.text('search', search, 40);
  const digits = text.replace(/[\s-]/g, '').replace(/^\+?86(?=1)/, '');
  if (/^[0-9]+$/.test(digits) && !/^1[3-9][0-9]{9}$/.test(digits)) {
    badInput('search', {
      en: 'Enter the whole 11-digit mobile number, or a name',
      zh: '请输入完整的11位手机号，或者输入姓名',
    });
  }
  const byPhone = /^[0-9]+$/.test(digits);
  return memberQueries.findAtSite(
    deps.db,
    { siteId: viewer.siteId, excludeId: viewer.id, ...(byPhone ? { phone: digits } : { name: text }) },
    RECIPIENTS_LIMIT,
  );
}

export async function addMember(deps: ServiceDeps, actor: Actor | null, input: NewMember): Promise<MemberRow> {
  const siteId = input.siteId;
  requireRoleAt(actor, siteId, ['COORDINATOR', 'ADMIN']);
  const name = v.text('input.name', input.name, 40);
  const phone = input.phone == null || input.phone === '' ? null : v.phone('input.phone', input.phone);
  const password =
    input.password == null || input.password === '' ? null : v.password('input.password', input.password);
  if (password && !phone)
    badInput('input.password', {
      en: 'A member without a phone cannot log in',
      zh: '没有手机号的成员无法登录，不需要密码',
    });
  const roles = [...new Set(input.roles)];
  if (roles.length === 0) badInput('input.roles', { en: 'Give at least one role', zh: '请至少选择一个身份' });
  if (roles.includes('ADMIN'))
    badInput('input.roles', { en: 'ADMIN cannot be granted here', zh: '不能在这里授予管理员身份' });
  const careCategories = [...new Set(input.careCategories ?? [])];
  const birthYear = birthYearOf('input.birthYear', input.birthYear);
  const disabilityGrade = disabilityGradeOf('input.disabilityGrade', input.disabilityGrade);
  const livingSituation = input.livingSituation ?? null;
  const address = v.optionalText('input.address', input.address, 200);
  const site = await deps.cache.site.load(siteId);
  if (!site) notFound('site');

  const passwordHash = password ? await hashPassword(password) : null;
  try {
    return await deps.db.transaction(async (tx) => {
      const member = await memberQueries.insertMember(
        tx,
        { siteId, name, phone, passwordHash, careCategories, birthYear, address, livingSituation, disabilityGrade },
        roles,
      );
      await audit(tx, actor, siteId, 'addMember', 'member', member.id, {
        roles,
        careCategories,
        hasPhone: phone !== null,
      });
      // An elder counts in the monthly rate by their kept tier from the day they are added.
      await refreshKeptTiers(tx, site, new Date(), [member.id]);
      return (await memberQueries.memberById(tx, member.id)) ?? member;
    });
  } catch (error) {
    if (pgErrorOf(error)?.code === '23505') {
      fail(
        ErrorCode.CONFLICT,
        { en: 'This phone number is already registered', zh: '这个手机号已经登记过了' },
        { field: 'input.phone' },
      );
    }
    throw error;
  }
}

export async function balanceOf(deps: ServiceDeps, actor: Actor | null, member: MemberRow) {
  requirePrivate(actor, member);
  const accounts = await deps.cache.accountsOfMember.load(member.id);
  return {
    minutes: accounts.find((a) => a.unit === 'MINUTES')?.balance ?? 0,
    points: accounts.find((a) => a.unit === 'POINTS')?.balance ?? 0,
  };
}

export async function transfersOf(deps: ServiceDeps, actor: Actor | null, member: MemberRow, args: PageArgs) {
  requirePrivate(actor, member);
  const page = pageOf(args);
  const before = afterId(page);
  // The first page comes with the accounts' own statement (one round trip with the balance).
  if (before === undefined) deps.cache.wantFirstTransfers(member.id, page.limit);
  const accountIds = (await deps.cache.accountsOfMember.load(member.id)).map((a) => a.id);
  if (before === undefined) {
    const first =
      deps.cache.firstTransfers(member.id, page.limit) ??
      (await ledgerQueries.firstTransfersPage(deps.db, accountIds, page.limit));
    return connection(first.rows, page, (t) => t.id, first.total);
  }
  const [rows, total] = await Promise.all([
    ledgerQueries.accountTransfers(deps.db, accountIds, page.limit, before),
    ledgerQueries.countAccountTransfers(deps.db, accountIds),
  ]);
  return connection(rows, page, (t) => t.id, total);
}

export async function serviceRecordOf(
  deps: ServiceDeps,
  actor: Actor | null,
  member: MemberRow,
): Promise<ServiceRecordData> {
  requirePrivate(actor, member);
  return { memberId: member.id, ...(await needQueries.serviceTotals(deps.db, member.id)) };
}
