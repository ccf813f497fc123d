// Members: registering people at a site, and who may see what of whom. Phones and addresses are
// private: the member, the site's staff and platform staff see them; a volunteer sees an elder's
// only while serving them; everyone else sees a masked phone and no address.
import {
  hashPassword,
  ledgerQueries,
  memberQueries,
  needQueries,
  pgErrorOf,
  type MemberRow,
  type Role,
} from '@huzhu/db';
import { STAFF, hasRoleAt, isPlatformAdmin, requireRoleAt, requireViewer } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { Context } from '../graphql/context';
import { badInput, ErrorCode, fail, notFound } from '../graphql/errors';
import { fromId } from '../graphql/ids';
import { afterId, connection, pageOf, type PageArgs } from '../graphql/pagination';
import * as v from '../graphql/validate';
import type { AddMemberInput, CareCategory, Role as GqlRole } from '../graphql/generated/resolvers-types';

export interface ServiceRecordData {
  memberId: number;
  totalMinutes: number;
  confirmedCount: number;
  rejectedCount: number;
  noShowCount: number;
  pointsEarned: number;
}

/** The member themself, their site's staff, platform staff. */
export function canSeePrivate(ctx: Context, member: MemberRow): boolean {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (viewer.id === member.id || isPlatformAdmin(viewer)) return true;
  return member.siteId !== null && hasRoleAt(viewer, member.siteId, STAFF);
}

/** canSeePrivate, or a volunteer with a claim in progress for this elder. */
export async function canSeeContact(ctx: Context, member: MemberRow): Promise<boolean> {
  if (canSeePrivate(ctx, member)) return true;
  const viewer = ctx.viewer;
  if (!viewer) return false;
  return (await ctx.loaders.eldersServedBy.load(viewer.id)).includes(member.id);
}

export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function requirePrivate(ctx: Context, member: MemberRow): void {
  requireViewer(ctx);
  if (!canSeePrivate(ctx, member)) {
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
export async function getMember(ctx: Context, id: number): Promise<MemberRow | null> {
  const viewer = requireViewer(ctx);
  const member = await ctx.loaders.member.load(id);
  if (!member) return null;
  if (canSeePrivate(ctx, member)) return member;
  if (member.siteId === null || !hasRoleAt(viewer, member.siteId, ['VOLUNTEER'])) return null;
  return (await needQueries.hasClaimFor(ctx.db, viewer.id, member.id)) ? member : null;
}

export async function listMembers(
  ctx: Context,
  args: { siteId: string; role?: GqlRole | null; search?: string | null } & PageArgs,
) {
  const siteId = fromId('Site', args.siteId, 'siteId');
  requireRoleAt(ctx, siteId, STAFF);
  const page = pageOf(args);
  const search = args.search == null ? undefined : v.text('search', args.search, 40, 0) || undefined;
  const filter = { siteId, role: args.role ?? undefined, search };
  const [rows, total] = await Promise.all([
    memberQueries.listMembers(ctx.db, filter, page.limit, afterId(page)),
    memberQueries.countMembers(ctx.db, filter),
  ]);
  return connection(rows, page, (m) => m.id, total);
}

export async function addMember(ctx: Context, input: AddMemberInput): Promise<MemberRow> {
  const siteId = fromId('Site', input.siteId, 'input.siteId');
  requireRoleAt(ctx, siteId, ['COORDINATOR', 'ADMIN']);
  const name = v.text('input.name', input.name, 40);
  const phone = input.phone == null || input.phone === '' ? null : v.phone('input.phone', input.phone);
  const password =
    input.password == null || input.password === '' ? null : v.password('input.password', input.password);
  if (password && !phone)
    badInput('input.password', {
      en: 'A member without a phone cannot log in',
      zh: '没有手机号的成员无法登录，不需要密码',
    });
  const roles = [...new Set(input.roles)] as Role[];
  if (roles.length === 0) badInput('input.roles', { en: 'Give at least one role', zh: '请至少选择一个身份' });
  if (roles.includes('ADMIN'))
    badInput('input.roles', { en: 'ADMIN cannot be granted here', zh: '不能在这里授予管理员身份' });
  const careCategories = [...new Set(input.careCategories ?? [])] as CareCategory[];
  const birthYear =
    input.birthYear == null ? null : v.int('input.birthYear', input.birthYear, 1900, new Date().getFullYear());
  const address = v.optionalText('input.address', input.address, 200);
  const site = await ctx.loaders.site.load(siteId);
  if (!site) notFound('site');

  const passwordHash = password ? await hashPassword(password) : null;
  try {
    return await ctx.db.transaction(async (tx) => {
      const member = await memberQueries.insertMember(
        tx,
        { siteId, name, phone, passwordHash, careCategories, birthYear, address },
        roles,
      );
      await audit(tx, ctx, siteId, 'addMember', 'member', member.id, {
        roles,
        careCategories,
        hasPhone: phone !== null,
      });
      return member;
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

export async function balanceOf(ctx: Context, member: MemberRow) {
  requirePrivate(ctx, member);
  const accounts = await ctx.loaders.accountsOfMember.load(member.id);
  return {
    minutes: accounts.find((a) => a.unit === 'MINUTES')?.balance ?? 0,
    points: accounts.find((a) => a.unit === 'POINTS')?.balance ?? 0,
  };
}

export async function transfersOf(ctx: Context, member: MemberRow, args: PageArgs) {
  requirePrivate(ctx, member);
  const page = pageOf(args);
  const before = afterId(page);
  // The first page comes with the accounts' own statement (one round trip with the balance).
  if (before === undefined) ctx.loaders.wantFirstTransfers(member.id, page.limit);
  const accountIds = (await ctx.loaders.accountsOfMember.load(member.id)).map((a) => a.id);
  if (before === undefined) {
    const first =
      ctx.loaders.firstTransfers(member.id, page.limit) ??
      (await ledgerQueries.firstTransfersPage(ctx.db, accountIds, page.limit));
    return connection(first.rows, page, (t) => t.id, first.total);
  }
  const [rows, total] = await Promise.all([
    ledgerQueries.accountTransfers(ctx.db, accountIds, page.limit, before),
    ledgerQueries.countAccountTransfers(ctx.db, accountIds),
  ]);
  return connection(rows, page, (t) => t.id, total);
}

export async function serviceRecordOf(ctx: Context, member: MemberRow): Promise<ServiceRecordData> {
  requirePrivate(ctx, member);
  return { memberId: member.id, ...(await needQueries.serviceTotals(ctx.db, member.id)) };
}
