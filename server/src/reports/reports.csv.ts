// CSV rendering of the monthly exports, for Excel on a Chinese Windows PC: UTF-8 with a BOM (else
// Excel reads it as GBK), CRLF lines, bilingual headers, and no cell Excel would run as a formula.
import { Temporal } from '@js-temporal/polyfill';
import type { AccountOwner, ServiceCategory, TransferKind, Unit } from '@huzhu/db';
import { toId } from '../core/ids';
import type { LedgerLine, MonthExport, ServiceLine } from './reports.exports';

const BOM = '\uFEFF';

export const CATEGORY_ZH: Record<ServiceCategory, string> = {
  MEALS: '助餐',
  BATHING: '助浴',
  CLEANING: '助洁',
  MEDICAL_ESCORT: '助医',
  MOBILITY: '助行',
  EMERGENCY: '助急',
  COMPANIONSHIP: '精神慰藉',
  VISIT: '探访',
  ERRAND: '代办',
  REPAIR: '维修',
  FARM_WORK: '农活',
  OTHER: '其他',
};

const KIND_ZH: Record<TransferKind, string> = {
  SERVICE_CREDIT: '服务入账',
  ISSUANCE: '发放',
  DONATION: '转赠',
  REDEMPTION: '兑换',
  REFUND: '退还',
  EXPIRY: '过期',
  REVERSAL: '冲正',
};

const UNIT_ZH: Record<Unit, string> = { MINUTES: '分钟', POINTS: '积分' };

const OWNER_LABEL: Record<Exclude<AccountOwner, 'MEMBER'>, string> = {
  SITE_POOL: '站点账户 Site pool',
  SUPERMARKET: '积分超市 Supermarket',
};

/** "2026-11-30 23:30:00" on the site's clock. */
export function localDateTime(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'second' })
    .replace('T', ' ');
}

/** "2026-11-30" on the site's clock. */
export function localDate(at: Date, timeZone: string): string {
  return localDateTime(at, timeZone).slice(0, 10);
}

/**
 * One cell. Text starting with = + - @ (or a tab or CR) gets a leading quote, so a name like
 * =HYPERLINK(...) is shown, not run (CSV injection); quotes are doubled inside a quoted cell.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value == null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (string | number | null)[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface CsvFile {
  /** ASCII, for clients that ignore filename*. */
  fileName: string;
  /** The Chinese name a coordinator recognises in the Downloads folder. */
  fileNameZh: string;
  body: string;
}

const SERVICE_HEADER = [
  '确认日期 Date',
  '服务内容 Need',
  '服务类别 Category',
  '志愿者 Volunteer',
  '服务对象 Beneficiary',
  '分钟 Minutes',
  '积分 Points',
  '确认人 Confirmed by',
];

export function serviceCsv(e: MonthExport<ServiceLine>): CsvFile {
  const zone = e.site.timeZone;
  const rows = e.lines.map((l) => [
    l.settledAt ? localDate(l.settledAt, zone) : '',
    l.title,
    `${CATEGORY_ZH[l.category]} ${l.category}`,
    l.volunteerName,
    l.beneficiaryName,
    l.minutes,
    l.points,
    l.confirmedBy,
  ]);
  return {
    fileName: `huzhu-${toId('Site', e.site.id)}-${e.month}-service.csv`,
    fileNameZh: `服务记录-${e.site.name}-${e.month}.csv`,
    body: toCsv(SERVICE_HEADER, rows),
  };
}

const LEDGER_HEADER = [
  '编号 ID',
  '时间 Time',
  '类型 Kind',
  '单位 Unit',
  '数量 Amount',
  '转出 From',
  '转入 To',
  '备注 Memo',
  '冲正的记录 Reverses',
];

function sideLabel(owner: AccountOwner, name: string | null): string {
  return owner === 'MEMBER' ? (name ?? '') : OWNER_LABEL[owner];
}

export function ledgerCsv(e: MonthExport<LedgerLine>): CsvFile {
  const zone = e.site.timeZone;
  const rows = e.lines.map((l) => [
    toId('Transfer', l.id),
    localDateTime(l.createdAt, zone),
    `${KIND_ZH[l.kind]} ${l.kind}`,
    `${UNIT_ZH[l.unit]} ${l.unit}`,
    l.amount,
    sideLabel(l.fromOwner, l.fromName),
    sideLabel(l.toOwner, l.toName),
    l.memo,
    l.reversesId === null ? null : toId('Transfer', l.reversesId),
  ]);
  return {
    fileName: `huzhu-${toId('Site', e.site.id)}-${e.month}-ledger.csv`,
    fileNameZh: `账目明细-${e.site.name}-${e.month}.csv`,
    body: toCsv(LEDGER_HEADER, rows),
  };
}
