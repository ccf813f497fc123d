// i18n completeness: the two languages have the same keys, no message is empty, the messages
// compile, and every literal key used in the source exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import zh from './zh-CN';
import en from './en';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function get(obj: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const zhKeys = keys(zh).sort();
const enKeys = keys(en).sort();

describe('i18n messages', () => {
  it('every zh-CN key exists in en', () => {
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });
  it('every en key exists in zh-CN', () => {
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
  });
  it('no message is empty, and none uses the reserved "|" or "@"', () => {
    for (const [name, messages] of [
      ['zh-CN', zh],
      ['en', en],
    ] as const) {
      for (const k of keys(messages)) {
        const v = get(messages, k);
        expect(typeof v === 'string' && v.trim().length > 0, `${name} ${k}`).toBe(true);
        expect(/[|@]/.test(String(v)), `${name} ${k}`).toBe(false);
      }
    }
  });
  it('placeholders match between the languages', () => {
    const names = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of zhKeys) expect(names(get(en, k)), k).toEqual(names(get(zh, k)));
  });
  it('messages compile and interpolate', () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { 'zh-CN': zh, en } });
    expect(i18n.global.t('units.hoursMinutes', { h: 1, m: 30 })).toBe('1 h 30 min');
    i18n.global.locale.value = 'zh-CN';
    expect(i18n.global.t('units.hoursMinutes', { h: 1, m: 30 })).toBe('1 小时 30 分钟');
  });
  it('every literal key used in the source exists', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:t|te)\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1] ?? '');
      for (const m of text.matchAll(/(?:label|title): '((?:nav|login)\.[a-zA-Z.]+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => typeof get(zh, k) !== 'string')).toEqual([]);
  });
  it('dynamic key families are complete', () => {
    const families: Record<string, string[]> = {
      categories: [
        'MEALS',
        'BATHING',
        'CLEANING',
        'MEDICAL_ESCORT',
        'MOBILITY',
        'EMERGENCY',
        'COMPANIONSHIP',
        'VISIT',
        'ERRAND',
        'REPAIR',
        'FARM_WORK',
        'OTHER',
      ],
      claimStatus: ['CLAIMED', 'CHECKED_IN', 'REPORTED', 'CONFIRMED', 'REJECTED', 'WITHDRAWN', 'NO_SHOW'],
      needStatus: ['OPEN', 'FILLED', 'COMPLETED', 'CANCELLED'],
      roles: ['ADMIN', 'COORDINATOR', 'VOLUNTEER', 'ELDER', 'CLERK'],
      'pending.kind': ['confirm', 'redeem', 'donate'],
    };
    for (const [family, members] of Object.entries(families)) {
      for (const m of members) expect(typeof get(zh, `${family}.${m}`), `${family}.${m}`).toBe('string');
    }
  });
});
