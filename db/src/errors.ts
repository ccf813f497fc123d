// Drizzle wraps the driver's error ("Failed query: ..."); this digs out PostgreSQL's own code,
// constraint and message, the same way for postgres-js and for PGlite.
export interface PgErrorInfo {
  /** SQLSTATE, e.g. 23505 unique_violation, 23514 check_violation, 40P01 deadlock. */
  code?: string;
  constraint?: string;
  message: string;
}

export function pgErrorOf(error: unknown): PgErrorInfo | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      const constraint = candidate.constraint ?? candidate.constraint_name;
      return {
        code: candidate.code,
        ...(typeof constraint === 'string' ? { constraint } : {}),
        message: String(candidate.message ?? ''),
      };
    }
  }
  return undefined;
}

/** Resolves to PostgreSQL's error for a statement expected to fail, or throws if it succeeded. */
export async function expectPgError(promise: Promise<unknown>): Promise<PgErrorInfo> {
  try {
    await promise;
  } catch (error) {
    const info = pgErrorOf(error);
    if (info) return info;
    throw error;
  }
  throw new Error('expected the statement to fail, and it succeeded');
}
