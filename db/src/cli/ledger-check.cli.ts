// pnpm ledger:check: reads the database and prints each ledger invariant and whether it holds.
// Exit code 1 if any fails, so scripts and tests can rely on it.
import { checkInvariants } from '../queries/invariants.queries';
import { describeTarget, openFromEnv } from './env';

const handle = await openFromEnv();
let failed = 0;
try {
  console.log(`Ledger invariants on ${describeTarget()}:`);
  for (const result of await checkInvariants(handle.db)) {
    if (!result.holds) failed++;
    console.log(`  ${result.holds ? 'HOLDS' : 'FAILS'}  ${result.name}: ${result.description}`);
    for (const v of result.violations.slice(0, 5)) console.log(`         ${JSON.stringify(v)}`);
  }
} finally {
  await handle.close();
}
process.exitCode = failed > 0 ? 1 : 0;
