// What the db command-line tools read from the environment: the same two variables the server
// reads (DATABASE_URL, else embedded PGlite in DATA_DIR).
import { openDb, type DbHandle } from '../open';

export function openFromEnv(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL || undefined;
  return openDb({ url, dataDir: process.env.DATA_DIR || './data', poolSize: 2 });
}

export function describeTarget(): string {
  const url = process.env.DATABASE_URL;
  if (url) {
    const u = new URL(url);
    return `PostgreSQL ${u.host}${u.pathname}`;
  }
  return `embedded PGlite in ${process.env.DATA_DIR || './data'}`;
}
