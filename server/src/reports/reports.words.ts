// The words of the files a person opens (CSV exports, the certificate), in their language: Chinese
// for the Chinese client, English for the English one, never both mixed and never a code
// (ISSUANCE, MINUTES) or an id. The same words as the client's (client/src/i18n).
import type { AccountOwner, ServiceCategory, TransferKind, Unit } from '@huzhu/db';
import type { Lang } from '../core/lang';

type Words<K extends string> = Record<Lang, Record<K, string>>;

export const CATEGORY: Words<ServiceCategory> = {
  zh: {
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
  },
  en: {
    MEALS: 'Meals',
    BATHING: 'Bathing',
    CLEANING: 'Cleaning',
    MEDICAL_ESCORT: 'To the doctor',
    MOBILITY: 'Walking help',
    EMERGENCY: 'Emergency',
    COMPANIONSHIP: 'Company',
    VISIT: 'Visit',
    ERRAND: 'Errand',
    REPAIR: 'Repair',
    FARM_WORK: 'Farm work',
    OTHER: 'Other',
  },
};

const KIND: Words<TransferKind> = {
  zh: {
    SERVICE_CREDIT: '服务入账',
    ISSUANCE: '积分发放',
    DONATION: '时间转赠',
    REDEMPTION: '超市兑换',
    REFUND: '退回',
    EXPIRY: '过期',
    REVERSAL: '更正',
    VISIT_CREDIT: '探访入账',
    GIFT: '亲属赠与',
    WITHDRAWAL: '异地支取',
    OVERFLOW: '超出上限转入爱心池',
  },
  en: {
    SERVICE_CREDIT: 'Service credited',
    ISSUANCE: 'Points issued',
    DONATION: 'Time gift',
    REDEMPTION: 'Shop',
    REFUND: 'Refund',
    EXPIRY: 'Expired',
    REVERSAL: 'Correction',
    VISIT_CREDIT: 'Visit credited',
    GIFT: 'Gift to a relative',
    WITHDRAWAL: 'Withdrawn at another site',
    OVERFLOW: 'Over the cap, to the care pool',
  },
};

/** Minutes issued are time credited (an opening balance carried over from a paper passbook). */
const TIME_ISSUED: Record<Lang, string> = { zh: '时间存入', en: 'Time credited' };

export function kindWord(kind: TransferKind, unit: Unit, lang: Lang): string {
  return kind === 'ISSUANCE' && unit === 'MINUTES' ? TIME_ISSUED[lang] : KIND[lang][kind];
}

export const UNIT: Words<Unit> = {
  zh: { MINUTES: '分钟', POINTS: '积分' },
  en: { MINUTES: 'minutes', POINTS: 'points' },
};

export const OWNER: Words<Exclude<AccountOwner, 'MEMBER'>> = {
  zh: { SITE_POOL: '站点账户', SUPERMARKET: '积分超市', CARE_POOL: '爱心池' },
  en: { SITE_POOL: 'Site pool', SUPERMARKET: 'Points supermarket', CARE_POOL: 'Care pool' },
};

/** "12 小时 30 分钟" or "12 h 30 min": hours are what a time bank counts in. */
export function duration(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'zh') return h > 0 ? `${h} 小时${m > 0 ? ` ${m} 分钟` : ''}` : `${m} 分钟`;
  return h > 0 ? `${h} h${m > 0 ? ` ${m} min` : ''}` : `${m} min`;
}

/** Shown where there is no visit rate (a site with no elders due a visit). */
export const NO_RATE = '—';

/**
 * The visit rate as people read it, by the client's one rule (client/src/lib/rate.ts): a whole
 * percent rounded down, so "100%" means every elder due a visit was visited; "—" for no rate.
 */
export function rateText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return NO_RATE;
  return `${Math.floor(Math.min(1, Math.max(0, rate)) * 100 + 1e-9)}%`;
}
