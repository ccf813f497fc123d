// Every kind of inbox message reads as a whole sentence in both languages: no key, placeholder or
// API word shows through, the reason is quoted as written, and each opens a page or says it has none.
import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import type { InboxItemFieldsFragment, InboxKind } from '../graphql/generated/graphql';
import zh from '../i18n/zh-CN';
import en from '../i18n/en';
import { inboxPage, inboxWords } from './inbox-words';

const KINDS = Object.keys(zh.inbox.kinds) as InboxKind[];

function item(kind: InboxKind, extra: Partial<InboxItemFieldsFragment> = {}): InboxItemFieldsFragment {
  return {
    id: 'inbox_1',
    kind,
    subjectId: null,
    needId: null,
    needTitle: '送午饭',
    reason: null,
    minutes: null,
    points: null,
    personName: '张建国',
    at: '2026-12-03T03:00:00Z',
    referralStatus: 'ACCEPTED',
    createdAt: '2026-12-02T10:00:00Z',
    readAt: null,
    ...extra,
  };
}

const fmt = { when: () => '12月3日 11:00', minutes: (n: number) => `${n} 分钟` };

describe.each([
  ['zh-CN', zh],
  ['en', en],
])('inbox words in %s', (locale, messages) => {
  const i18n = createI18n({ legacy: false, locale, messages: { [locale]: messages } });
  const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {});

  it.each(KINDS)('words %s without a key or placeholder showing', (kind) => {
    const words = inboxWords(item(kind, { reason: '下雨', minutes: 45, points: 7 }), t, fmt);
    const text = [words.title, ...words.lines].join('\n');
    expect(text).not.toMatch(/inbox\.|\{|\}|_[A-Z]|[A-Z]{2,}_/);
    expect(words.title.length).toBeGreaterThan(3);
  });

  it.each(['HOURS_OVERFLOW', 'HOURS_EXPIRING', 'HOURS_EXPIRED'] as const)(
    'words %s of the hours policy with its minutes, opening the account',
    (kind) => {
      const words = inboxWords(item(kind, { needTitle: null, minutes: 120 }), t, fmt);
      const text = [words.title, ...words.lines].join('\n');
      expect(words.title).toContain('120 分钟');
      expect(text).not.toMatch(/hoursPolicy\.|\{|\}|_[A-Z]|[A-Z]{2,}_/);
      if (kind === 'HOURS_EXPIRING') expect(words.lines[0]).toContain('12月3日 11:00');
      expect(inboxPage(kind)).toBe('/volunteer/account');
    },
  );

  it('quotes the reason of a rejection and says it may be reported again', () => {
    const words = inboxWords(item('CLAIM_REJECTED', { reason: '老人说没有来' }), t, fmt);
    expect(words.title).toContain('送午饭');
    expect(words.lines[0]).toContain('老人说没有来');
    expect(words.lines).toContain(t('inbox.reportAgain'));
  });

  it('names minutes and points of a confirmation, and who reported to a coordinator', () => {
    expect(inboxWords(item('CLAIM_CONFIRMED', { minutes: 90, points: 15 }), t, fmt).lines[0]).toMatch(/90.*15/);
    expect(inboxWords(item('SERVICE_REPORTED', { minutes: 30 }), t, fmt).title).toContain('张建国');
  });

  it('words a message whose facts are missing with plain fallbacks', () => {
    const words = inboxWords(item('NEED_CANCELLED', { needTitle: null, at: null }), t, fmt);
    expect(words.title).toContain(t('inbox.aNeed'));
    expect(words.lines).toEqual([]);
  });
});

it('opens the page each kind is about', () => {
  expect(inboxPage('CLAIM_REJECTED')).toBe('/volunteer/claims');
  expect(inboxPage('SERVICE_REPORTED')).toBe('/coordinator/queue');
  for (const kind of KINDS) expect(inboxPage(kind) ?? '/').toMatch(/^\//);
  // An overdue visit opens the board of the month it was due in, where the missed task is.
  expect(inboxPage('VISIT_OVERDUE', '2026-11')).toBe('/coordinator/duty?month=2026-11');
  expect(inboxPage('VISIT_REMINDER', '2026-11')).toBe('/volunteer/needs');
});
