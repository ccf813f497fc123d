// Turns an urql error into a plain message for older users: one message per API error code
// (extensions.code), the field at fault for BAD_USER_INPUT, and "no connection" for network failures.
import type { CombinedError } from '@urql/core';

export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_BALANCE',
  'OUT_OF_STOCK',
  'ILLEGAL_TRANSITION',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
export type ErrorKind = ApiErrorCode | 'NETWORK' | 'UNKNOWN';

export interface ErrorInfo {
  kind: ErrorKind;
  /** For BAD_USER_INPUT: the input field at fault, last path segment ("minutes"). */
  field?: string;
  /** The server's own (localized) message, shown as a detail where it adds something. */
  serverMessage?: string;
  /** Whether sending the same request again may succeed (only when the link failed). */
  retryable: boolean;
}

type Translate = (key: string, named?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

function isCombinedError(e: unknown): e is CombinedError {
  return typeof e === 'object' && e !== null && 'graphQLErrors' in e;
}

/**
 * What a person must never be shown: an id (mem_12, site_3), a field path (input.phone) or an API
 * name (toMemberId, cancelRedemption). The server writes its messages for integrators too.
 */
const MACHINE_WORDS = /\b[a-z]+_[0-9]+\b|\b[a-z]+(?:\.[a-z][A-Za-z0-9]*)+\b|\b[a-z]+[A-Z][A-Za-z0-9]*\b/;

/**
 * The server's message as a person may read it: the field's API name it starts with taken off
 * (our own message names the field in words), and nothing at all when an id or another API name
 * would still show.
 */
export function plainServerMessage(message: string, rawField = ''): string {
  const text = (rawField ? message.split(rawField).join('') : message).replace(/^[\s:：,，]+/, '').trim();
  return MACHINE_WORDS.test(text) ? '' : text;
}

/** Classifies any thrown or returned error. */
export function errorInfo(error: unknown): ErrorInfo {
  if (isCombinedError(error)) {
    const first = error.graphQLErrors[0];
    if (first) {
      const code = first.extensions?.['code'];
      const kind = (API_ERROR_CODES as readonly string[]).includes(String(code)) ? (code as ApiErrorCode) : 'UNKNOWN';
      const rawField = first.extensions?.['field'];
      const info: ErrorInfo = { kind, retryable: false };
      if (typeof rawField === 'string' && rawField) info.field = rawField.split('.').pop() ?? rawField;
      const detail = first.message
        ? plainServerMessage(first.message, typeof rawField === 'string' ? rawField : '')
        : '';
      if (detail) info.serverMessage = detail;
      return info;
    }
    if (error.networkError) {
      // A 5xx or a dropped link: the request may not have reached the server, try again.
      return { kind: 'NETWORK', retryable: true };
    }
    return { kind: 'UNKNOWN', retryable: false };
  }
  if (error instanceof TypeError) return { kind: 'NETWORK', retryable: true }; // fetch() failed
  return { kind: 'UNKNOWN', retryable: false };
}

/** The message to show for an error, from i18n; the field name is added for bad input. */
export function errorText(info: ErrorInfo, t: Translate, te: Exists): string {
  if (info.kind === 'BAD_USER_INPUT' && info.field && te(`fields.${info.field}`)) {
    return t('errors.BAD_USER_INPUT_FIELD', { field: t(`fields.${info.field}`) });
  }
  return t(`errors.${info.kind}`);
}

/** Whether the server's own message is worth showing under ours (it says what exactly was wrong). */
export function showsServerDetail(info: ErrorInfo): boolean {
  return (info.kind === 'BAD_USER_INPUT' || info.kind === 'CONFLICT') && !!info.serverMessage;
}
