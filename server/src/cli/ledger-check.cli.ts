// pnpm ledger:check: each ledger invariant (and the kept monthly figures) and whether it holds, on
// DATABASE_URL or the embedded database. Exit code 1 if any fails, so scripts and tests can rely
// on it. The same service the nightly job and the admin page call, as the command's own actor.
import { describeTarget, openFromEnv } from '@huzhu/db/cli-env';
import { systemActor } from '../auth/authorize';
import { ledgerHealth } from '../platform/platform.service';

const handle = await openFromEnv();
let failed = 0;
try {
  console.log(`Ledger invariants on ${describeTarget()}:`);
  for (const result of await ledgerHealth(handle, systemActor('cli:ledger-check'))) {
    if (!result.holds) failed++;
    console.log(`  ${result.holds ? 'HOLDS' : 'FAILS'}  ${result.name}: ${result.description}`);
    for (const v of result.violations.slice(0, 5)) console.log(`         ${JSON.stringify(v)}`);
  }
} finally {
  await handle.close();
}
process.exitCode = failed > 0 ? 1 : 0;
