// Error-code-to-message mapping: every API code has a plain message in both languages.
import { describe, expect, it } from 'vitest';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { API_ERROR_CODES, errorInfo, errorText, plainServerMessage, showsServerDetail } from './errors';
import zh from '../i18n/zh-CN';
import en from '../i18n/en';

function gqlError(extensions: Record<string, unknown>, message = 'server says no'): CombinedError {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
}

function translator(messages: Record<string, unknown>) {
  const get = (key: string): unknown =>
    key
      .split('.')
      .reduce<unknown>(
        (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
        messages,
      );
  const t = (key: string, named?: Record<string, unknown>) => {
    const v = get(key);
    if (typeof v !== 'string') return key;
    return v.replace(/\{(\w+)\}/g, (_, n: string) => String(named?.[n] ?? ''));
  };
  const te = (key: string) => typeof get(key) === 'string';
  return { t, te };
}

describe('errorInfo', () => {
  it('reads extensions.code', () => {
    for (const code of API_ERROR_CODES) {
      expect(errorInfo(gqlError({ code })).kind).toBe(code);
    }
  });
  it('reads the field of BAD_USER_INPUT, last path segment only', () => {
    const info = errorInfo(gqlError({ code: 'BAD_USER_INPUT', field: 'input.minutes' }));
    expect(info).toMatchObject({ kind: 'BAD_USER_INPUT', field: 'minutes', retryable: false });
    expect(showsServerDetail(info)).toBe(true);
  });
  it('never passes on an id or an API name in the server message', () => {
    // The old answer to a name typed where a member number was asked.
    const wrongId = errorInfo(
      gqlError({ code: 'BAD_USER_INPUT', field: 'toMemberId' }, 'toMemberId 应是形如 mem_1 的编号'),
    );
    expect(wrongId).toMatchObject({ kind: 'BAD_USER_INPUT', field: 'toMemberId' });
    expect(wrongId.serverMessage).toBeUndefined();
    expect(showsServerDetail(wrongId)).toBe(false);
    // A field path the message starts with is taken off; the rest is plain words and stays.
    const long = errorInfo(gqlError({ code: 'BAD_USER_INPUT', field: 'input.name' }, 'input.name 长度须为 1-40 个字'));
    expect(long.serverMessage).toBe('长度须为 1-40 个字');
    expect(plainServerMessage('本站点没有这个成员')).toBe('本站点没有这个成员');
    expect(plainServerMessage('Undo a redemption with cancelRedemption, not by reversing its transfers')).toBe('');
    expect(plainServerMessage('site_3 is closed')).toBe('');
  });
  it('treats a network failure as retryable', () => {
    const info = errorInfo(new CombinedError({ networkError: new Error('Failed to fetch') }));
    expect(info).toEqual({ kind: 'NETWORK', retryable: true });
    expect(errorInfo(new TypeError('Failed to fetch')).retryable).toBe(true);
  });
  it('maps unknown codes to UNKNOWN', () => {
    expect(errorInfo(gqlError({ code: 'INTERNAL_SERVER_ERROR' })).kind).toBe('UNKNOWN');
    expect(errorInfo('weird').kind).toBe('UNKNOWN');
  });
});

describe('errorText', () => {
  for (const [lang, messages] of [
    ['zh-CN', zh],
    ['en', en],
  ] as const) {
    it(`has a plain message for every code in ${lang}`, () => {
      const { t, te } = translator(messages);
      for (const kind of [...API_ERROR_CODES, 'NETWORK', 'UNKNOWN'] as const) {
        const text = errorText({ kind, retryable: false }, t, te);
        expect(text).not.toBe(`errors.${kind}`);
        expect(text.length).toBeGreaterThan(2);
      }
    });
    it(`names the field at fault in ${lang}`, () => {
      const { t, te } = translator(messages);
      const text = errorText({ kind: 'BAD_USER_INPUT', field: 'phone', retryable: false }, t, te);
      expect(text).toContain(t('fields.phone'));
      // An unknown field falls back to the general message.
      expect(errorText({ kind: 'BAD_USER_INPUT', field: 'zzz', retryable: false }, t, te)).toBe(
        t('errors.BAD_USER_INPUT'),
      );
    });
  }
});
