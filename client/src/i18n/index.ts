// vue-i18n set-up: Chinese first, English second; the choice is remembered and also sent to the
// server as Accept-Language so its messages match.
import { createI18n } from 'vue-i18n';
import zhCN from './zh-CN';
import en from './en';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
const KEY = 'huzhu.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'zh-CN' || saved === 'en') return saved;
  } catch {
    // no storage: fall through to the default
  }
  return 'zh-CN';
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
});

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // not remembered, still switched
  }
}
