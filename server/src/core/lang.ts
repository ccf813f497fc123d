// The language a person reads messages in: Chinese first, English second.
export type Lang = 'zh' | 'en';

/** zh unless the client prefers English (the Accept-Language header's first choice). */
export function langOf(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
