// DATABASE_URL may name a Unix socket directory as libpq does (`?host=/var/run/postgresql`): the
// server then reaches a database on the same machine without TCP, and everything works as before.
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from './queries/invariants.queries';
import { openDb, postgresClient } from './open';

const SOCKET_DIR = '/var/run/postgresql';
const base = process.env.TEST_DATABASE_URL;
const socketUrl = (url: string) => {
  const u = new URL(url);
  u.searchParams.set('host', SOCKET_DIR);
  return u.toString();
};

describe.runIf(base && existsSync(`${SOCKET_DIR}/.s.PGSQL.${new URL(base).port || 5432}`))(
  'a PostgreSQL URL with ?host=<socket directory>',
  () => {
    it('connects through the socket (no server address), where the plain URL uses TCP', async () => {
      const overSocket = postgresClient(socketUrl(base!), { max: 1 });
      const overTcp = postgresClient(base!, { max: 1 });
      try {
        const [s] = await overSocket`select inet_server_addr()::text as addr, current_database() as db`;
        const [t] = await overTcp`select inet_server_addr()::text as addr, current_database() as db`;
        expect(s).toEqual({ addr: null, db: t!.db });
        expect(t!.addr).toMatch(/^(127\.0\.0\.1|::1)/);
      } finally {
        await Promise.all([overSocket.end(), overTcp.end()]);
      }
    });

    it('serves drizzle queries through it', async () => {
      // Not migrated: the shared test database stays as it is; each suite migrates its own.
      const handle = await openDb({ url: socketUrl(base!), poolSize: 2, migrate: false });
      try {
        const rows = rowsOf(await handle.db.execute(sql`select ${41}::int + 1 as n`));
        expect(rows[0]).toEqual({ n: 42 });
        const [addr] = await handle.sql!`select inet_server_addr() as addr`;
        expect(addr!.addr).toBeNull();
      } finally {
        await handle.close();
      }
    });
  },
);
