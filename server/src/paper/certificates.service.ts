// The service record certificate (志愿服务记录证明) with the fields of the 2015 national guideline
// (《志愿服务记录办法》): the volunteer's name, ID type and masked number, volunteer number, hours
// and content of service, the issuing organisation (the site), the handler, and a certificate
// number unique and sequential per site and year. Also the site's service records for entry into
// the national volunteer service system (docs/service-records-export.md).
import { paperQueries, type MemberRow, type ServiceCertificateRow, type ServiceEntry, type SiteRow } from '@huzhu/db';
import { memberIdOf, requireRoleAt, type Actor } from '../auth/authorize';
import { audit } from '../audit/audit.service';
import type { ServiceDeps } from '../core/deps';
import { badInput, notFound } from '../core/errors';
import { dayRange, localDate, monthRange } from '../core/time';
import * as v from '../core/validate';
import { requireSite } from '../sites/sites.service';
import { memberNumber } from './cards.service';
import { maskIdNumber, memberForPaper } from './paper-access';

/** Identity document types of the national volunteer system. */
export const ID_TYPES = [
  'RESIDENT_ID',
  'PASSPORT',
  'HK_MACAO_PERMIT',
  'TAIWAN_PERMIT',
  'FOREIGN_PERMANENT',
  'OTHER',
] as const;
export type IdType = (typeof ID_TYPES)[number];

export interface CertificateView {
  certificate: ServiceCertificateRow;
  member: MemberRow;
  site: SiteRow;
  handlerName: string | null;
  entries: ServiceEntry[];
}

/** The ID fields as anyone is shown them: the type, and the number masked. */
export function idFieldsOf(member: MemberRow): { idType: IdType | null; idNumberMasked: string | null } {
  return {
    idType: (member.idType as IdType | null) ?? null,
    idNumberMasked: member.idNumber ? maskIdNumber(member.idNumber) : null,
  };
}

/** Records (or clears) the member's ID document: the site's coordinator. */
export async function setMemberIdDocument(
  deps: ServiceDeps,
  actor: Actor | null,
  input: { memberId: number; idType: IdType | null; idNumber: string | null },
): Promise<MemberRow> {
  const { actor: a, member } = await memberForPaper(deps, actor, input.memberId, ['COORDINATOR'], false);
  const idNumber = input.idNumber == null || input.idNumber.trim() === '' ? null : input.idNumber.trim().toUpperCase();
  const idType = idNumber === null ? null : (input.idType ?? 'RESIDENT_ID');
  if (idNumber !== null) {
    if (idType === 'RESIDENT_ID' && !/^[0-9]{17}[0-9X]$/.test(idNumber)) {
      badInput('idNumber', { en: 'A resident ID number has 18 characters', zh: '居民身份证号码应为18位' });
    }
    if (!/^[0-9A-Z()-]{5,30}$/.test(idNumber)) {
      badInput('idNumber', { en: 'Not an ID number', zh: '证件号码格式不对' });
    }
  }
  const updated = await deps.db.transaction(async (tx) => {
    const row = await paperQueries.setIdDocument(tx, member.id, idType, idNumber);
    if (!row) notFound('member');
    // The number itself never goes into the audit trail.
    await audit(tx, a, member.siteId, 'setMemberIdDocument', 'member', member.id, { idType, recorded: !!idNumber });
    return row;
  });
  deps.cache.member.clear(member.id);
  return updated;
}

function periodOf(site: SiteRow, fromDay: string, toDay: string) {
  const f = v.day('from', fromDay);
  const t = v.day('to', toDay);
  const from = dayRange(f.year, f.month, f.day, site.timeZone).from;
  const to = dayRange(t.year, t.month, t.day, site.timeZone).to;
  if (from >= to) badInput('to', { en: 'The period ends before it starts', zh: '结束日期早于开始日期' });
  return { from, to };
}

/** The printed number: site, year and the year's sequence, e.g. 0003-2026-000012. */
export function certificateNumber(siteId: number, year: number, seq: number): string {
  return `${String(siteId).padStart(4, '0')}-${year}-${String(seq).padStart(6, '0')}`;
}

/**
 * Issues a certificate for the member's confirmed service and banked visits from `from` to `to`
 * (days on the site's clock, both included): the coordinator of the member's site, who is its
 * handler. The number is the site's next of the year, taken in the same transaction.
 */
export async function issueServiceCertificate(
  deps: ServiceDeps,
  actor: Actor | null,
  input: { memberId: number; from: string; to: string },
): Promise<CertificateView> {
  const { actor: a, member } = await memberForPaper(deps, actor, input.memberId, ['COORDINATOR'], false);
  const site = requireSite(await deps.cache.site.load(member.siteId!));
  const { from, to } = periodOf(site, input.from, input.to);
  const entries = await paperQueries.serviceEntries(deps.db, { siteId: site.id, memberId: member.id }, from, to);
  const minutes = entries.reduce((s, e) => s + e.minutes, 0);
  const year = Number(localDate(new Date(), site.timeZone).slice(0, 4));
  const certificate = await deps.db.transaction(async (tx) => {
    const seq = await paperQueries.nextCertificateSeq(tx, site.id, year);
    const row = await paperQueries.insertCertificate(tx, {
      siteId: site.id,
      year,
      seq,
      number: certificateNumber(site.id, year, seq),
      memberId: member.id,
      periodFrom: input.from,
      periodTo: input.to,
      minutes,
      issuedBy: memberIdOf(a),
    });
    await audit(tx, a, site.id, 'issueServiceCertificate', 'member', member.id, { number: row.number, minutes });
    return row;
  });
  const handler = certificate.issuedBy === null ? null : await deps.cache.member.load(certificate.issuedBy);
  return { certificate, member, site, handlerName: handler?.name ?? null, entries };
}

/** A certificate issued before: the member themself and the site's coordinator. */
export async function serviceCertificate(deps: ServiceDeps, actor: Actor | null, id: number): Promise<CertificateView> {
  const certificate = await paperQueries.certificateById(deps.db, id);
  if (!certificate) notFound('member');
  const { member } = await memberForPaper(deps, actor, certificate.memberId, ['COORDINATOR']);
  if (member.siteId !== certificate.siteId) notFound('member');
  const site = requireSite(await deps.cache.site.load(certificate.siteId));
  const { from } = periodOf(site, certificate.periodFrom, certificate.periodFrom);
  const { to } = periodOf(site, certificate.periodTo, certificate.periodTo);
  const entries = await paperQueries.serviceEntries(deps.db, { siteId: site.id, memberId: member.id }, from, to);
  const handler = certificate.issuedBy === null ? null : await deps.cache.member.load(certificate.issuedBy);
  return { certificate, member, site, handlerName: handler?.name ?? null, entries };
}

export interface ServiceRecordsExport {
  site: SiteRow;
  month: string;
  entries: ServiceEntry[];
}

/**
 * The month's service records of the site, for the national system: the site's coordinator. Read
 * from the replica when there is one (deps.readDb), as the other month exports.
 */
export async function serviceRecordsExport(
  deps: ServiceDeps,
  actor: Actor | null,
  siteId: number,
  monthInput: string,
): Promise<ServiceRecordsExport> {
  requireRoleAt(actor, siteId, ['COORDINATOR']);
  const { year, month } = v.month('month', monthInput);
  const site = requireSite(await deps.cache.site.load(siteId));
  const { from, to } = monthRange(year, month, site.timeZone);
  return { site, month: monthInput, entries: await paperQueries.serviceEntries(deps.readDb, { siteId }, from, to) };
}

export { memberNumber };
