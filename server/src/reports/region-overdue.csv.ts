// The CSV of a region's visits not made in a month, in the reader's language: one row a task, by
// village then name, with the pair, for the township's or county's own follow-up sheet.
import type { Lang } from '../core/lang';
import { toId } from '../core/ids';
import type { OverdueVisitData } from './region-overdue.service';
import { localDate, toCsv, type CsvFile } from './reports.csv';
import type { RegionRow } from '@huzhu/db';

const HEADER: Record<Lang, string[]> = {
  zh: [
    '所在地区',
    '村',
    '站点',
    '老人',
    '探访频次',
    '周期开始',
    '应探访日期',
    '状态',
    '上次探访',
    '结对探访人',
    '备用探访人',
  ],
  en: [
    'Region',
    'Village',
    'Site',
    'Elder',
    'Tier',
    'Period from',
    'Due by',
    'Status',
    'Last visit',
    'Paired visitor',
    'Backup visitor',
  ],
};

const WORDS: Record<Lang, { tier: Record<string, string>; MISSED: string; OPEN: string; never: string; none: string }> =
  {
    zh: {
      tier: { A: '每周', B: '每月', C: '每季' },
      MISSED: '已错过',
      OPEN: '已逾期',
      never: '从未探访',
      none: '未结对',
    },
    en: {
      tier: { A: 'Weekly', B: 'Monthly', C: 'Quarterly' },
      MISSED: 'Missed',
      OPEN: 'Overdue',
      never: 'Never',
      none: 'Not paired',
    },
  };

export function overdueCsv(
  e: { region: RegionRow | null; month: string; lines: readonly OverdueVisitData[] },
  lang: Lang,
): CsvFile {
  const w = WORDS[lang];
  const rows = e.lines.map((l) => [
    l.regionNames.slice(0, -1).join('/'),
    l.regionNames.at(-1) ?? '',
    l.siteName,
    l.elderName,
    w.tier[l.tier] ?? l.tier,
    l.periodStart,
    l.dueBy,
    w[l.status === 'MISSED' ? 'MISSED' : 'OPEN'],
    l.lastVisitAt ? localDate(l.lastVisitAt, l.siteTimeZone) : w.never,
    l.visitorName ?? w.none,
    l.backupName,
  ]);
  const where = e.region?.name ?? (lang === 'zh' ? '全部地区' : 'All regions');
  return {
    fileName: `huzhu-${e.region ? toId('Region', e.region.id) : 'all'}-${e.month}-overdue.csv`,
    displayName: `${lang === 'zh' ? '逾期未探访' : 'Visits not made'}-${where}-${e.month}.csv`,
    body: toCsv(HEADER[lang], rows),
  };
}
