// CSV rendering of the monthly exports, for Excel on a Chinese Windows PC: UTF-8 with a BOM (else
// Excel reads it as GBK), CRLF lines, headers and values in the reader's language (no codes, no
// ids: a transfer is known by its serial number, 流水号), and no cell Excel would run as a formula.
import { Temporal } from '@js-temporal/polyfill';
import type { AccountOwner } from '@huzhu/db';
import type { Lang } from '../core/lang';
import { toId } from '../core/ids';
import { regionOf } from '../sites/sites.service';
import type { LedgerLine, MonthExport, ServiceLine, VisitLine } from './reports.exports';
import type { SiteReportData } from './reports.service';
import { CATEGORY, OWNER, UNIT, kindWord, rateText } from './reports.words';

const BOM = '\uFEFF';

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
  /** The name a person recognises in the Downloads folder, in their language. */
  displayName: string;
  body: string;
}

// Minutes as served (the claims' own), not as banked: where a region weighs a category (the hours
// policy), the ledger CSV's amounts are the minutes credited, and the two differ on purpose.
const SERVICE_HEADER: Record<Lang, string[]> = {
  zh: ['确认日期', '服务内容', '服务类别', '志愿者', '服务对象', '实际时长（分钟）', '积分', '确认人'],
  en: ['Date confirmed', 'Need', 'Category', 'Volunteer', 'Beneficiary', 'Minutes served', 'Points', 'Confirmed by'],
};

export function serviceCsv(e: MonthExport<ServiceLine>, lang: Lang): CsvFile {
  const zone = e.site.timeZone;
  const rows = e.lines.map((l) => [
    l.settledAt ? localDate(l.settledAt, zone) : '',
    l.title,
    CATEGORY[lang][l.category],
    l.volunteerName,
    l.beneficiaryName,
    l.minutes,
    l.points,
    l.confirmedBy,
  ]);
  return {
    fileName: `huzhu-${toId('Site', e.site.id)}-${e.month}-service.csv`,
    displayName: `${lang === 'zh' ? '服务记录' : 'Service'}-${e.site.name}-${e.month}.csv`,
    body: toCsv(SERVICE_HEADER[lang], rows),
  };
}

const LEDGER_HEADER: Record<Lang, string[]> = {
  zh: ['流水号', '时间', '类型', '单位', '数量', '转出', '转入', '备注', '更正的流水号'],
  en: ['Ref. no.', 'Time', 'Kind', 'Unit', 'Amount', 'From', 'To', 'Memo', 'Corrects ref. no.'],
};

function sideLabel(owner: AccountOwner, name: string | null, lang: Lang): string {
  return owner === 'MEMBER' ? (name ?? '') : OWNER[lang][owner];
}

/** One row per transfer; a transfer's reference is its serial number (流水号), as on a paper ledger. */
export function ledgerCsv(e: MonthExport<LedgerLine>, lang: Lang): CsvFile {
  const zone = e.site.timeZone;
  const rows = e.lines.map((l) => [
    l.id,
    localDateTime(l.createdAt, zone),
    kindWord(l.kind, l.unit, lang),
    UNIT[lang][l.unit],
    l.amount,
    sideLabel(l.fromOwner, l.fromName, lang),
    sideLabel(l.toOwner, l.toName, lang),
    l.memo,
    l.reversesId,
  ]);
  return {
    fileName: `huzhu-${toId('Site', e.site.id)}-${e.month}-ledger.csv`,
    displayName: `${lang === 'zh' ? '账目明细' : 'Ledger'}-${e.site.name}-${e.month}.csv`,
    body: toCsv(LEDGER_HEADER[lang], rows),
  };
}

const SITES_HEADER: Record<Lang, string[]> = {
  zh: [
    '站点',
    '所在地区',
    '实际服务时长（分钟）',
    '参与志愿者',
    '发布需求',
    '完成需求',
    '发放积分',
    '兑换积分',
    '探访率',
  ],
  en: [
    'Site',
    'Region',
    'Minutes served',
    'Active volunteers',
    'Needs posted',
    'Needs completed',
    'Points issued',
    'Points redeemed',
    'Visit rate',
  ],
};

/** Every site's figures for the month, one row a site, in the order of the bureau's page. */
export function sitesCsv(month: string, reports: readonly SiteReportData[], lang: Lang): CsvFile {
  const rows = reports.map((r) => [
    r.site.name,
    regionOf(r.site),
    r.serviceMinutes,
    r.activeVolunteers,
    r.needsPosted,
    r.needsCompleted,
    r.pointsIssued,
    r.pointsRedeemed,
    rateText(r.visitRate),
  ]);
  return {
    fileName: `huzhu-sites-${month}.csv`,
    displayName: `${lang === 'zh' ? '各站点月报' : 'All sites'}-${month}.csv`,
    body: toCsv(SITES_HEADER[lang], rows),
  };
}

const VISITS_HEADER: Record<Lang, string[]> = {
  zh: ['老人', '探访时间', '探访人', '情况记录', '需要跟进', '跟进结果'],
  en: ['Elder', 'Visited at', 'Visitor', 'What was found', 'Follow-up needed', 'Follow-up outcome'],
};

const VISIT_WORDS: Record<Lang, { notVisited: string; yes: string; no: string; needPosted: string; referred: string }> =
  {
    zh: { notVisited: '本月未探访', yes: '是', no: '否', needPosted: '已发布需求', referred: '已转介乡镇' },
    en: {
      notVisited: 'Not visited this month',
      yes: 'Yes',
      no: 'No',
      needPosted: 'Need posted',
      referred: 'Referred to the township',
    },
  };

/** The month's visits, oldest first, then each due elder not visited (so the gaps are in the file). */
export function visitsCsv(e: MonthExport<VisitLine>, lang: Lang): CsvFile {
  const zone = e.site.timeZone;
  const w = VISIT_WORDS[lang];
  const rows = e.lines.map((l) => [
    l.elderName,
    l.visitedAt ? localDateTime(l.visitedAt, zone).slice(0, 16) : w.notVisited,
    l.visitorName,
    l.note,
    l.visitedAt ? (l.followUpNeeded ? w.yes : w.no) : '',
    // A need or a referral closed it: said in the file's language, not the stored marker.
    l.followUpLink === 'NEED' ? w.needPosted : l.followUpLink === 'REFERRAL' ? w.referred : l.followUpOutcome,
  ]);
  return {
    fileName: `huzhu-${toId('Site', e.site.id)}-${e.month}-visits.csv`,
    displayName: `${lang === 'zh' ? '探访记录' : 'Visits'}-${e.site.name}-${e.month}.csv`,
    body: toCsv(VISITS_HEADER[lang], rows),
  };
}
