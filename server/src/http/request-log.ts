// Request ids and the internal-error log. Every response carries X-Request-Id (a proxy's, when it
// sent a sane one, else a fresh UUID); an internal error is logged once, as one JSON line with that
// id, the GraphQL operation and the error, and the client sees the same id in its answer, so a
// report from the field ("it said 服务器出错了, id ...") leads to the line.
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

/** What the error formatting needs to know about the request it runs in. */
export interface RequestScope {
  requestId: string;
  /** The GraphQL operation's name once resolved ('' for an anonymous one). */
  operation?: string;
  /** extensions.code of every error answered (for the metrics). */
  errorCodes: string[];
}

/** Ids a proxy may send: a UUID, nginx's $request_id, a trace id. Nothing with spaces or controls. */
const SANE_ID = /^[\w.:=+/@-]{1,128}$/;

export function requestIdOf(header: unknown): string {
  return typeof header === 'string' && SANE_ID.test(header) ? header : randomUUID();
}

/** First middleware: picks the request's id and sends it back on every response. */
export function requestIds(): RequestHandler {
  return (req, res, next) => {
    const id = requestIdOf(req.headers['x-request-id']);
    res.locals.scope = { requestId: id, errorCodes: [] } satisfies RequestScope;
    res.setHeader('X-Request-Id', id);
    next();
  };
}

/** The request's scope as the first middleware made it. */
export function scopeOf(res: Response): RequestScope {
  return (res.locals.scope ??= { requestId: randomUUID(), errorCodes: [] }) as RequestScope;
}

/**
 * The request each error met on its way belongs to. Apollo formats errors without the request
 * (formatError has the error only): its plugin marks them first (didEncounterErrors), as does the
 * context when it fails. Marked rather than found through an AsyncLocalStorage, whose promise
 * hooks cost every promise of the process, the database driver's included (docs/perf.md).
 */
const scopeOfErrors = new WeakMap<object, RequestScope>();

export function markError(error: unknown, scope: RequestScope): void {
  if (error && typeof error === 'object') scopeOfErrors.set(error, scope);
}

/** The scope an error (or the error it wraps) was marked with. */
export function scopeOfError(error: unknown): RequestScope | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const original = (error as { originalError?: unknown }).originalError;
  return (
    scopeOfErrors.get(error) ?? (original && typeof original === 'object' ? scopeOfErrors.get(original) : undefined)
  );
}

const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** A plain description of an error for the log: no SQL parameters (they carry phones and names). */
export function describeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error).slice(0, 500) };
  const e = error as Error & { code?: unknown; query?: unknown; cause?: unknown };
  const described: Record<string, unknown> = {
    name: e.name,
    // drizzle's "Failed query: ...\nparams: ..." keeps its statement, not its values; a database
    // message quoting a value ('invalid input syntax ... "13900000001"') loses the phone in it.
    message: e.message.replace(/\nparams: [\s\S]*$/, '').replace(PHONE, '[phone]'),
  };
  if (typeof e.code === 'string') described.code = e.code;
  // The frames only: a stack's first line repeats the message, parameters included.
  const frames = e.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
  if (frames?.length) described.stack = frames;
  if (e.cause !== undefined && depth < 3) described.cause = describeError(e.cause, depth + 1);
  return described;
}

/**
 * Logs an internal error once, with the request's id; returns the id for the client's answer.
 * `where` names the part of the server it came from.
 */
export function logInternalError(
  error: unknown,
  where: { requestId?: string; operation?: string; path?: string } = {},
): string {
  const requestId = where.requestId ?? randomUUID();
  const operation = where.operation;
  console.error(
    JSON.stringify({
      level: 'error',
      msg: 'internal error',
      time: new Date().toISOString(),
      requestId,
      ...(operation !== undefined ? { operation: operation || '(anonymous)' } : {}),
      ...(where.path ? { path: where.path } : {}),
      error: describeError(error),
    }),
  );
  return requestId;
}
