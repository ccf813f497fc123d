// The public notice (公示, issue 18): a site that turns it on shows each confirmed service for
// `noticeDays` days, its points pending meanwhile. Any member of the site may object (异议) to a
// service during its period; the service's points then stay pending until the coordinator
// resolves the objection: UPHOLD (the points stay) or REVERSE.
//
// REVERSE undoes the service, not only its points: the objection is to the service, so every credit
// of that claim or visit (its minutes and its points, and a withdrawal that paid for it from
// another site) is reversed by the ledger's reverse(), once. The volunteer must still hold the
// minutes (else INSUFFICIENT_BALANCE, and nothing changes); the points cannot have been spent,
// they were pending. The claim stays CONFIRMED in its own history; its credits read as reversed.
import { ledgerQueries, pointsQueries as q, type TransferRow } from '@huzhu/db';
import {
  actorTag,
  memberIdOf,
  requireMemberOf,
  requireRoleAt,
  requireViewer,
  requireVisibleAt,
  type Actor,
} from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { ErrorCode, fail, notFound } from '../core/errors';
import * as v from '../core/validate';
import { deliver } from '../inbox/inbox.deliver';
import { reverse } from '../ledger/ledger.service';

type ObjectionView = q.ObjectionView;

const DAY_MS = 86_400_000;
const CREDITS: readonly TransferRow['kind'][] = ['SERVICE_CREDIT', 'VISIT_CREDIT'];

export interface NewObjection {
  /** A credit transfer of the service (what the notice board lists as the service's id). */
  transferId: number;
  reason: string;
}

export interface ObjectionDecision {
  objectionId: number;
  decision: 'UPHOLD' | 'REVERSE';
  note?: string | null;
  idempotencyKey: string;
}

/** Any member of the service's site, during its notice period; not the volunteer credited. */
export async function raiseObjection(
  deps: ServiceDeps,
  actor: Actor | null,
  input: NewObjection,
  now: Date = new Date(),
): Promise<ObjectionView> {
  // One's own objection, in one's own name: never the system's.
  const viewer = requireViewer(actor);
  const credit = await deps.cache.transfer.load(input.transferId);
  const missing: () => never = () => notFound('transfer');
  if (!credit || credit.siteId === null || !CREDITS.includes(credit.kind)) missing();
  requireVisibleAt(viewer, credit.siteId, missing);
  requireMemberOf(viewer, credit.siteId);
  const reason = v.text('input.reason', input.reason, 500);
  const site = await deps.cache.site.load(credit.siteId);
  if (!site) notFound('site');
  if (!site.publicNotice) {
    fail(ErrorCode.CONFLICT, { en: 'This site has no public notice', zh: '本站点没有开启公示' });
  }
  if (credit.createdAt.getTime() + site.noticeDays * DAY_MS <= now.getTime()) {
    fail(ErrorCode.CONFLICT, { en: 'The notice period of this service is over', zh: '这项服务的公示期已过' });
  }
  const [account] = await ledgerQueries.accountsByIds(deps.db, [credit.creditAccountId]);
  const volunteerId = account?.memberId;
  if (volunteerId == null) missing();
  if (volunteerId === viewer.id) {
    fail(ErrorCode.FORBIDDEN, { en: 'You cannot object to your own service', zh: '不能对自己的服务提出异议' });
  }
  const id = await deps.db.transaction(async (tx) => {
    if (await ledgerQueries.reversalOf(tx, credit.id)) {
      fail(ErrorCode.CONFLICT, { en: 'This service was already reversed', zh: '这项服务已经冲正' });
    }
    const row = await q.insertObjection(tx, {
      siteId: credit.siteId!,
      claimId: credit.claimId,
      visitId: credit.claimId === null ? credit.visitId : null,
      volunteerId,
      raisedBy: viewer.id,
      reason,
    });
    if (!row) {
      fail(ErrorCode.CONFLICT, {
        en: 'An objection to this service is already waiting for the coordinator',
        zh: '这项服务已有异议在等待协调员处理',
      });
    }
    await audit(tx, viewer, row.siteId, 'raiseObjection', 'objection', row.id, { transferId: credit.id, reason });
    return row.id;
  });
  return (await q.objectionViews(deps.db, [id]))[0]!;
}

/**
 * The site's coordinator (or platform staff) decides, once: a second resolve is CONFLICT, except
 * the same one sent again under its key, which returns the objection as it was resolved.
 */
export async function resolveObjection(
  deps: ServiceDeps,
  actor: Actor | null,
  input: ObjectionDecision,
): Promise<ObjectionView> {
  const existing = await q.objectionById(deps.db, input.objectionId);
  const missing: () => never = () =>
    fail(ErrorCode.NOT_FOUND, { en: 'Objection not found', zh: '找不到这条异议' }, { field: 'input.objectionId' });
  if (!existing) missing();
  requireVisibleAt(actor, existing.siteId, missing);
  const by = requireRoleAt(actor, existing.siteId, ['COORDINATOR', 'ADMIN']);
  const note = v.optionalText('input.note', input.note, 500);
  const key = `objection:${actorTag(by)}:${v.idempotencyKey('input.idempotencyKey', input.idempotencyKey)}`;
  const status = input.decision === 'REVERSE' ? 'REVERSED' : 'UPHELD';
  await deps.db.transaction(async (tx) => {
    const objection = (await q.objectionById(tx, existing.id, true))!;
    if (objection.status !== 'OPEN') {
      if (objection.resolveKey === key && objection.status === status) return;
      fail(
        ErrorCode.CONFLICT,
        { en: 'This objection was already resolved', zh: '这条异议已经处理过了' },
        { status: objection.status },
      );
    }
    let minutes = 0;
    let points = 0;
    if (status === 'REVERSED') {
      const credits = await q.unreversedCredits(tx, objection);
      for (const c of credits) {
        await reverse(tx, {
          transferId: c.id,
          reason: `异议成立 objection upheld: ${note ?? objection.reason}`.slice(0, 500),
          idempotencyKey: `objection:${objection.id}:reverse:${c.id}`,
          createdBy: memberIdOf(by),
        });
        if (c.kind !== 'WITHDRAWAL') {
          if (c.unit === 'MINUTES') minutes += c.amount;
          else points += c.amount;
        }
      }
    }
    const row = (await q.resolveObjection(tx, objection.id, {
      status,
      resolvedBy: memberIdOf(by),
      resolutionNote: note,
      resolveKey: key,
    }))!;
    await audit(tx, by, row.siteId, 'resolveObjection', 'objection', row.id, {
      decision: status,
      minutes,
      points,
      note,
    });
    const [view] = await q.objectionViews(tx, [row.id]);
    const detail = { needTitle: view!.title, minutes, points, ...(note ? { reason: note } : {}) };
    const kind = status === 'REVERSED' ? ('OBJECTION_REVERSED' as const) : ('OBJECTION_UPHELD' as const);
    await deliver(
      tx,
      [...new Set([row.volunteerId, row.raisedBy])].map((memberId) => ({
        memberId,
        siteId: row.siteId,
        kind,
        subject: row.claimId === null ? `visit:${row.visitId}` : `claim:${row.claimId}`,
        detail,
        dedupeKey: `objection:${row.id}:${status}`,
      })),
    );
  });
  deps.cache.transfer.clearAll();
  return (await q.objectionViews(deps.db, [existing.id]))[0]!;
}

/** One service on the notice board, with its latest objection. */
export interface NoticeEntryData extends q.CreditedServiceRow {
  /** When its points stop being pending (unless an objection is open). */
  pendingUntil: Date;
  objection: ObjectionView | null;
}

export interface NoticeBoardData {
  siteId: number;
  from: Date;
  to: Date;
  publicNotice: boolean;
  noticeDays: number;
  entries: NoticeEntryData[];
  objections: ObjectionView[];
}

/**
 * The notice board (公示栏) of the period that ends now: the service credited in the last
 * `noticeDays` days, per volunteer, and the objections raised in it or still open. Any member of
 * the site reads it (to object); the coordinator prints it for the village's board.
 */
export async function noticeBoard(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  now: Date = new Date(),
): Promise<NoticeBoardData> {
  requireMemberOf(actor, siteId);
  const site = await deps.cache.site.load(siteId);
  if (!site) notFound('site');
  const from = new Date(now.getTime() - site.noticeDays * DAY_MS);
  const [services, objectionRows] = await Promise.all([
    q.creditedService(deps.db, siteId, from, now),
    q.siteObjections(deps.db, siteId, from),
  ]);
  const objections = await q.objectionViews(
    deps.db,
    objectionRows.map((o) => o.id),
  );
  const latest = (s: q.CreditedServiceRow) =>
    objections.find((o) => (s.claimId !== null ? o.claimId === s.claimId : o.visitId === s.visitId)) ?? null;
  return {
    siteId,
    from,
    to: now,
    publicNotice: site.publicNotice,
    noticeDays: site.noticeDays,
    entries: services.map((s) => ({
      ...s,
      pendingUntil: new Date(s.creditedAt.getTime() + site.noticeDays * DAY_MS),
      objection: latest(s),
    })),
    objections,
  };
}
