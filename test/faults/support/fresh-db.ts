// A fresh PostgreSQL database for a fault test that does not restart PostgreSQL: on the shared
// server when TEST_DATABASE_URL is set (created and dropped by openTestDb, safe for others),
// else in a cluster of the test's own.
import { openTestDb } from '@huzhu/db/testing';
import { OwnPostgres, ownPostgresAvailable } from './own-postgres';

export interface FreshDb {
  url: string;
  close(): Promise<void>;
}

/** Whether some real PostgreSQL can be had: the fault tests need one and skip without. */
export const realPostgresAvailable = (): boolean => Boolean(process.env.TEST_DATABASE_URL) || ownPostgresAvailable();

export async function freshDatabase(): Promise<FreshDb> {
  if (process.env.TEST_DATABASE_URL) {
    const db = await openTestDb('postgres', { poolSize: 1 });
    return { url: db.url!, close: () => db.close() };
  }
  const pg = await OwnPostgres.create();
  try {
    return { url: await pg.createDatabase('huzhu'), close: () => pg.destroy() };
  } catch (error) {
    await pg.destroy();
    throw error;
  }
}
