// The site's service records as CSV for entry into the national volunteer service system
// (中国志愿服务网). The column layout is documented in docs/service-records-export.md: change both
// together. The ID number is masked here as everywhere: the full number is never exported.
import type { ServiceCategory } from '@huzhu/db';
import type { Lang } from '../core/lang';
import { localDate, toCsv, type CsvFile } from '../reports/reports.csv';
import { CATEGORY } from '../reports/reports.words';
import { idFieldsOf, type IdType, type ServiceRecordsExport } from './certificates.service';
import { memberNumber } from './cards.service';
import type { MemberRow } from '@huzhu/db';

export const ID_TYPE_WORDS: Record<Lang, Record<IdType, string>> = {
  zh: {
    RESIDENT_ID: '居民身份证',
    PASSPORT: '护照',
    HK_MACAO_PERMIT: '港澳居民来往内地通行证',
    TAIWAN_PERMIT: '台湾居民来往大陆通行证',
    FOREIGN_PERMANENT: '外国人永久居留身份证',
    OTHER: '其他',
  },
  en: {
    RESIDENT_ID: 'Resident ID card',
    PASSPORT: 'Passport',
    HK_MACAO_PERMIT: 'Mainland travel permit (HK/Macao)',
    TAIWAN_PERMIT: 'Mainland travel permit (Taiwan)',
    FOREIGN_PERMANENT: 'Foreign permanent resident ID',
    OTHER: 'Other',
  },
};

/** The documented columns, in order (docs/service-records-export.md). */
export const SERVICE_RECORD_COLUMNS: Record<Lang, string[]> = {
  zh: [
    '序号',
    '志愿者姓名',
    '证件类型',
    '证件号码',
    '志愿者编号',
    '服务日期',
    '服务时长（小时）',
    '服务时长（分钟）',
    '服务内容',
    '服务类别',
    '服务组织',
    '记录来源',
    '确认人',
  ],
  en: [
    'No.',
    'Volunteer name',
    'ID type',
    'ID number',
    'Volunteer number',
    'Service date',
    'Hours',
    'Minutes',
    'Service content',
    'Category',
    'Organisation',
    'Source',
    'Confirmed by',
  ],
};

const SOURCE: Record<Lang, Record<'CLAIM' | 'VISIT', string>> = {
  zh: { CLAIM: '需求服务', VISIT: '探访' },
  en: { CLAIM: 'Need served', VISIT: 'Visit' },
};

/** Minutes as hours with two decimals: 90 -> "1.50". */
export function hoursText(minutes: number): string {
  return (Math.round((minutes / 60) * 100) / 100).toFixed(2);
}

export function serviceRecordsCsv(e: ServiceRecordsExport, lang: Lang): CsvFile {
  const zone = e.site.timeZone;
  const rows = e.entries.map((x, i) => {
    const id = idFieldsOf({ idType: x.idType, idNumber: x.idNumber } as MemberRow);
    return [
      i + 1,
      x.memberName,
      id.idType ? ID_TYPE_WORDS[lang][id.idType] : '',
      id.idNumberMasked ?? '',
      memberNumber(x.memberId),
      localDate(x.at, zone),
      hoursText(x.minutes),
      x.minutes,
      x.source === 'VISIT' ? (lang === 'zh' ? `探访 ${x.title}` : `Visit to ${x.title}`) : x.title,
      CATEGORY[lang][x.category as ServiceCategory] ?? x.category,
      e.site.name,
      SOURCE[lang][x.source],
      x.confirmedBy ?? '',
    ];
  });
  const body = toCsv(SERVICE_RECORD_COLUMNS[lang], rows);
  return {
    fileName: `service-records-${e.month}.csv`,
    displayName:
      lang === 'zh' ? `${e.site.name}-志愿服务记录-${e.month}.csv` : `${e.site.name}-service-records-${e.month}.csv`,
    body,
  };
}
