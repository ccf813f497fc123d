// The one error catalogue. Every user-facing failure is an AppError whose code is one of these,
// with a message in English and Chinese. Services throw it whoever calls them (a resolver, a job,
// the CSV route); graphql/errors.ts makes it a GraphQLError, and the HTTP layer picks the language.

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INSUFFICIENT_BALANCE: 'INSUFFICIENT_BALANCE',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  /** A step a thing cannot take from where it is (a referral moved backwards): extensions.from and .to. */
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  /** Too many tries (log-ins) or requests: wait extensions.retryAfterSeconds. */
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface Message {
  en: string;
  zh: string;
}

/** Extra machine-readable detail a client may act on (the field at fault, the balance short by). */
export type ErrorDetail = Record<string, string | number | boolean | null>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly zh: string;
  /**
   * The code, the Chinese message and the detail, as a GraphQL error's extensions: graphql-js
   * copies an original error's `extensions` onto the GraphQLError it wraps it in.
   */
  readonly extensions: ErrorDetail & { code: ErrorCode; messageZh: string };

  constructor(code: ErrorCode, message: Message, detail: ErrorDetail = {}) {
    super(message.en);
    this.name = 'AppError';
    this.code = code;
    this.zh = message.zh;
    this.extensions = { ...detail, code, messageZh: message.zh };
  }
}

export function fail(code: ErrorCode, message: Message, detail?: ErrorDetail): never {
  throw new AppError(code, message, detail);
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/** BAD_USER_INPUT naming the field at fault, as every validation failure does. */
export function badInput(field: string, message: Message): never {
  throw new AppError(ErrorCode.BAD_USER_INPUT, message, { field });
}

const MISSING = {
  site: { en: 'Site not found', zh: '找不到这个站点' },
  member: { en: 'Member not found', zh: '找不到这位成员' },
  need: { en: 'Need not found', zh: '找不到这个需求' },
  claim: { en: 'Claim not found', zh: '找不到这条认领' },
  transfer: { en: 'Transfer not found', zh: '找不到这笔记录' },
  visit: { en: 'Visit not found', zh: '找不到这次探访记录' },
  region: { en: 'Region not found', zh: '找不到这个地区' },
  visitTask: { en: 'Visit task not found', zh: '找不到这项探访任务' },
  referral: { en: 'Referral not found', zh: '找不到这条转介' },
  visitFrequencyRaise: { en: 'Raised visit frequency not found', zh: '找不到这条提高探访频次的安排' },
  alliance: { en: 'Alliance not found', zh: '找不到这个通存通兑联盟' },
  memberMove: { en: 'Move not found', zh: '找不到这条迁移记录' },
} as const satisfies Record<string, Message>;

/**
 * NOT_FOUND for a site, member, need, claim, transfer, visit or region, in the words every such answer uses: the
 * same whether the thing is not there or is another site's (see requireVisibleAt).
 */
export function notFound(what: keyof typeof MISSING): never {
  throw new AppError(ErrorCode.NOT_FOUND, MISSING[what]);
}
