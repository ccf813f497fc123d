// pnpm restore <file>: restore a backup into DATABASE_URL (an empty database) or into a new,
// empty DATA_DIR, then check the ledger's invariants on what was restored.
import { restorePglite, restorePostgres } from '../backup';
import { checkInvariants } from '../queries/invariants.queries';
import { describeTarget, openFromEnv } from './env';

const file = process.argv[2];
if (!file) {
  console.error('usage: pnpm restore <file>');
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (url) {
  await restorePostgres(url, file);
} else {
  const pglite = await restorePglite(file, process.env.DATA_DIR || './data');
  await pglite.close();
}
const handle = await openFromEnv();
try {
  const broken = (await checkInvariants(handle.db)).filter((r) => !r.holds);
  console.log(`Restored ${file} into ${describeTarget()}; ledger invariants ${broken.length === 0 ? 'hold' : 'FAIL'}.`);
  if (broken.length > 0) process.exitCode = 1;
} finally {
  await handle.close();
}
