// Formatting in the user's language and the site's time zone: times, minutes as hours, visit rates.
import { useI18n } from 'vue-i18n';
import { session } from '../auth/session';
import { formatRate } from './rate';
import { formatDate, formatDay, formatWhen, splitMinutes } from './time';

export function siteZone(): string {
  return session.viewer?.site.timeZone ?? 'Asia/Shanghai';
}

export function useFormat() {
  const { t, locale } = useI18n();
  return {
    when: (iso: string) => formatWhen(iso, locale.value, siteZone()),
    date: (iso: string) => formatDate(iso, locale.value, siteZone()),
    /** A calendar day (YYYY-MM-DD) as the reader says it: "12月31日". */
    day: (day: string) => formatDay(day, locale.value),
    /** 90 -> "1 小时 30 分钟" */
    minutes: (total: number) => {
      const { h, m } = splitMinutes(total);
      if (h === 0) return t('units.minutes', { m });
      if (m === 0) return t('units.hours', { h });
      return t('units.hoursMinutes', { h, m });
    },
    points: (n: number) => t('units.points', { n }),
    /** The visit rate, the one way (lib/rate.ts): 1/6 -> "16%", no rate -> "—". */
    rate: formatRate,
  };
}
