// pnpm backup <file>: back up DATABASE_URL (pg_dump custom format) or the embedded database in
// DATA_DIR (PGlite's data-directory dump). Restore with pnpm restore <file>.
import { backupPglite, backupPostgres } from '../backup';
import { describeTarget, openFromEnv } from './env';

const file = process.argv[2];
if (!file) {
  console.error('usage: pnpm backup <file>   (e.g. backups/huzhu-2026-11-25.dump)');
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (url) {
  await backupPostgres(url, file);
} else {
  const handle = await openFromEnv();
  try {
    await backupPglite(handle.pglite!, file);
  } finally {
    await handle.close();
  }
}
console.log(`Backed up ${describeTarget()} to ${file}.`);
