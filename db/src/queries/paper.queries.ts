// SQL for paper: the passbook's lines (one statement, the running balance a window sum over the
// account's transfers), its print record, member cards by code, and the numbered certificates
// with the service they state.
import { and, asc, desc, eq, gt, gte, isNotNull, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../open';
import type { MemberRow } from '../rows';
import type { Unit } from '../schema/enums.schema';
import {
  accounts,
  certificateCounters,
  claims,
  members,
  needs,
  passbookPrints,
  serviceCertificates,
  transfers,
  visits,
} from '../schema/index';

export type PassbookPrintRow = typeof passbookPrints.$inferSelect;
export type ServiceCertificateRow = typeof serviceCertificates.$inferSelect;

export interface PassbookLine {
  transferId: number;
  createdAt: Date;
  kind: string;
  memo: string | null;
  needTitle: string | null;
  reversesId: number | null;
  amountIn: number;
  amountOut: number;
  /** The account's balance after this line: the sum of every line up to it. */
  balance: number;
  /** The line's number in the whole book (1-based), its page and its line on that page. */
  line: number;
  page: number;
  lineOnPage: number;
  /** Who wrote the transfer (confirmed the service, served at the counter). */
  confirmedBy: string | null;
}

/**
 * The member's passbook for one unit, from line `afterLine + 1` on: every transfer touching the
 * member's account in id order, with what came in and went out, the running balance (a window sum
 * over all the account's transfers, so it starts from zero at the account's first line) and the
 * page and line numbers at `rowsPerPage` lines a page. One statement.
 *
 * Line numbers are stable, so "after line N" continues a printed book: a transfer takes its id
 * only once it holds the row lock of the member's account (ledger `transfer`/`postTransfer`), so
 * the transfers of one account get their ids in the order they commit, and none can later appear
 * before a line already printed.
 */
export async function passbookLines(
  ex: Executor,
  memberId: number,
  unit: Unit,
  afterLine: number,
  rowsPerPage: number,
): Promise<PassbookLine[]> {
  const creator = alias(members, 'creator');
  const isIn = sql`${transfers.creditAccountId} = ${accounts.id}`;
  const book = ex
    .select({
      transferId: sql<number>`${transfers.id}`.as('transfer_id'),
      createdAt: transfers.createdAt,
      kind: transfers.kind,
      memo: transfers.memo,
      reversesId: transfers.reversesId,
      needTitle: sql<string | null>`${needs.title}`.as('need_title'),
      confirmedBy: sql<string | null>`${creator.name}`.as('confirmed_by'),
      amountIn: sql<number>`CASE WHEN ${isIn} THEN ${transfers.amount} ELSE 0 END`.as('amount_in'),
      amountOut: sql<number>`CASE WHEN ${isIn} THEN 0 ELSE ${transfers.amount} END`.as('amount_out'),
      balance:
        sql<number>`sum(CASE WHEN ${isIn} THEN ${transfers.amount} ELSE -${transfers.amount} END) OVER (ORDER BY ${transfers.id})`.as(
          'balance',
        ),
      line: sql<number>`row_number() OVER (ORDER BY ${transfers.id})`.as('line'),
    })
    .from(accounts)
    .innerJoin(transfers, or(eq(transfers.debitAccountId, accounts.id), eq(transfers.creditAccountId, accounts.id)))
    .leftJoin(creator, eq(creator.id, transfers.createdBy))
    .leftJoin(claims, eq(claims.id, transfers.claimId))
    .leftJoin(needs, eq(needs.id, claims.needId))
    .where(and(eq(accounts.memberId, memberId), eq(accounts.unit, unit)))
    .as('book');
  const rows = await ex
    .select({
      transferId: book.transferId,
      createdAt: book.createdAt,
      kind: book.kind,
      memo: book.memo,
      reversesId: book.reversesId,
      needTitle: book.needTitle,
      confirmedBy: book.confirmedBy,
      amountIn: book.amountIn,
      amountOut: book.amountOut,
      balance: book.balance,
      line: book.line,
      page: sql<number>`(${book.line} - 1) / ${rowsPerPage} + 1`,
      lineOnPage: sql<number>`(${book.line} - 1) % ${rowsPerPage} + 1`,
    })
    .from(book)
    .where(gt(book.line, afterLine))
    .orderBy(asc(book.line));
  return rows.map((r) => ({
    ...r,
    transferId: Number(r.transferId),
    createdAt: r.createdAt instanceof Date ? r.createdAt : new Date(r.createdAt),
    reversesId: r.reversesId === null ? null : Number(r.reversesId),
    amountIn: Number(r.amountIn),
    amountOut: Number(r.amountOut),
    balance: Number(r.balance),
    line: Number(r.line),
    page: Number(r.page),
    lineOnPage: Number(r.lineOnPage),
  }));
}

/** The member's last passbook printing of the unit, if any. */
export async function lastPassbookPrint(
  ex: Executor,
  memberId: number,
  unit: Unit,
): Promise<PassbookPrintRow | undefined> {
  const [row] = await ex
    .select()
    .from(passbookPrints)
    .where(and(eq(passbookPrints.memberId, memberId), eq(passbookPrints.unit, unit)))
    .orderBy(desc(passbookPrints.id))
    .limit(1);
  return row;
}

export async function insertPassbookPrint(
  ex: Executor,
  row: typeof passbookPrints.$inferInsert,
): Promise<PassbookPrintRow> {
  const [inserted] = await ex.insert(passbookPrints).values(row).returning();
  return inserted!;
}

/** The member whose card carries this code (active or not: the caller decides). */
export async function memberByCardCode(ex: Executor, code: string): Promise<MemberRow | undefined> {
  const [row] = await ex.select().from(members).where(eq(members.cardCode, code));
  return row;
}

/** Gives the member a new card code (the old card stops working); the updated member. */
export async function setCardCode(ex: Executor, memberId: number, code: string): Promise<MemberRow | undefined> {
  const [row] = await ex.update(members).set({ cardCode: code }).where(eq(members.id, memberId)).returning();
  return row;
}

export async function setIdDocument(
  ex: Executor,
  memberId: number,
  idType: string | null,
  idNumber: string | null,
): Promise<MemberRow | undefined> {
  const [row] = await ex.update(members).set({ idType, idNumber }).where(eq(members.id, memberId)).returning();
  return row;
}

/**
 * The site's next certificate number in the year: one atomic upsert, so two coordinators issuing at
 * once get two numbers one after the other, never the same.
 */
export async function nextCertificateSeq(ex: Executor, siteId: number, year: number): Promise<number> {
  const [row] = await ex
    .insert(certificateCounters)
    .values({ siteId, year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [certificateCounters.siteId, certificateCounters.year],
      set: { lastSeq: sql`${certificateCounters.lastSeq} + 1` },
    })
    .returning({ lastSeq: certificateCounters.lastSeq });
  return row!.lastSeq;
}

export async function insertCertificate(
  ex: Executor,
  row: typeof serviceCertificates.$inferInsert,
): Promise<ServiceCertificateRow> {
  const [inserted] = await ex.insert(serviceCertificates).values(row).returning();
  return inserted!;
}

export async function certificateById(ex: Executor, id: number): Promise<ServiceCertificateRow | undefined> {
  const [row] = await ex.select().from(serviceCertificates).where(eq(serviceCertificates.id, id));
  return row;
}

export interface ServiceEntry {
  /** 'CLAIM' (a confirmed need) or 'VISIT' (a banked visit). */
  source: 'CLAIM' | 'VISIT';
  sourceId: number;
  memberId: number;
  memberName: string;
  idType: string | null;
  idNumber: string | null;
  at: Date;
  title: string;
  category: string;
  minutes: number;
  confirmedBy: string | null;
}

/**
 * Whether the volunteer's minutes for the claim or visit were reversed (an upheld objection, a
 * coordinator's correction): the service is then not service any more, on a certificate or in the
 * records sent on, though the claim stays CONFIRMED and the visit stays in its own history.
 */
const minutesReversed = (on: 'claim_id' | 'visit_id', id: SQL, kind: 'SERVICE_CREDIT' | 'VISIT_CREDIT') =>
  sql`exists (select 1 from transfers c join transfers r on r.reverses_id = c.id
    where c.${sql.raw(on)} = ${id} and c.kind = ${kind} and c.unit = 'MINUTES')`;

/**
 * Service in [from, to): confirmed claims (by when they were settled) and banked visits (by when
 * they were made), of one member or of every member of the site, oldest first. Service whose
 * minutes were reversed is left out.
 */
export async function serviceEntries(
  ex: Executor,
  scope: { siteId: number; memberId?: number },
  from: Date,
  to: Date,
): Promise<ServiceEntry[]> {
  const volunteer = alias(members, 'volunteer');
  const confirmer = alias(members, 'confirmer');
  const elder = alias(members, 'elder');
  const claimRows = await ex
    .select({
      sourceId: claims.id,
      memberId: volunteer.id,
      memberName: volunteer.name,
      idType: volunteer.idType,
      idNumber: volunteer.idNumber,
      at: claims.settledAt,
      title: needs.title,
      category: needs.category,
      minutes: claims.confirmedMinutes,
      confirmedBy: confirmer.name,
    })
    .from(claims)
    .innerJoin(needs, eq(needs.id, claims.needId))
    .innerJoin(volunteer, eq(volunteer.id, claims.volunteerId))
    .leftJoin(confirmer, eq(confirmer.id, claims.settledBy))
    .where(
      and(
        eq(needs.siteId, scope.siteId),
        scope.memberId === undefined ? undefined : eq(claims.volunteerId, scope.memberId),
        eq(claims.status, 'CONFIRMED'),
        gte(claims.settledAt, from),
        lt(claims.settledAt, to),
        not(minutesReversed('claim_id', sql`${claims.id}`, 'SERVICE_CREDIT')),
      ),
    );
  const visitRows = await ex
    .select({
      sourceId: visits.id,
      memberId: volunteer.id,
      memberName: volunteer.name,
      idType: volunteer.idType,
      idNumber: volunteer.idNumber,
      at: visits.visitedAt,
      elderName: elder.name,
      minutes: visits.minutes,
    })
    .from(visits)
    .innerJoin(volunteer, eq(volunteer.id, visits.visitorId))
    .innerJoin(elder, eq(elder.id, visits.elderId))
    .where(
      and(
        eq(visits.siteId, scope.siteId),
        scope.memberId === undefined ? undefined : eq(visits.visitorId, scope.memberId),
        eq(visits.banked, true),
        isNotNull(visits.minutes),
        gte(visits.visitedAt, from),
        lt(visits.visitedAt, to),
        not(minutesReversed('visit_id', sql`${visits.id}`, 'VISIT_CREDIT')),
      ),
    );
  const entries: ServiceEntry[] = [
    ...claimRows.map((r) => ({
      source: 'CLAIM' as const,
      sourceId: r.sourceId,
      memberId: r.memberId,
      memberName: r.memberName,
      idType: r.idType,
      idNumber: r.idNumber,
      at: r.at!,
      title: r.title,
      category: r.category,
      minutes: r.minutes ?? 0,
      confirmedBy: r.confirmedBy,
    })),
    ...visitRows.map((r) => ({
      source: 'VISIT' as const,
      sourceId: r.sourceId,
      memberId: r.memberId,
      memberName: r.memberName,
      idType: r.idType,
      idNumber: r.idNumber,
      at: r.at,
      title: r.elderName,
      category: 'VISIT',
      minutes: r.minutes ?? 0,
      confirmedBy: null,
    })),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.sourceId - b.sourceId);
}
