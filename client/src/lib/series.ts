// How a repeating need is said: "每个工作日 11:00", "每周六 15:00", "每月1、15号 09:00".
import { useI18n } from 'vue-i18n';

export interface RuleLike {
  weekdays: number[];
  monthDays: number[];
  timeOfDay: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function useSeriesText() {
  const { t } = useI18n();
  const sep = () => t('series.sep');
  const dayName = (d: number) => t(`series.wd${d}`);
  /** The weekdays alone: 每个工作日, 每天, 每周一、三. */
  const weekdays = (days: readonly number[]) => {
    const key = [...days].sort((a, b) => a - b).join('');
    if (key === '1234567') return t('series.everyDay');
    if (key === '12345') return t('series.workdays');
    return t('series.weekly', { days: days.map(dayName).join(sep()) });
  };
  return {
    weekdays,
    dayName,
    /** The whole rule with its time. */
    rule: (r: RuleLike) => {
      const parts: string[] = [];
      if (r.weekdays.length) parts.push(weekdays(r.weekdays));
      if (r.monthDays.length) parts.push(t('series.monthly', { days: r.monthDays.join(sep()) }));
      return t('series.at', { rule: parts.join(sep()), time: r.timeOfDay });
    },
  };
}
