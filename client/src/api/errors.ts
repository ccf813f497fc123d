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
      if (first.message) info.serverMessage = first.message;
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
