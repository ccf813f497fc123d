// pnpm seed: the demo village, on DATABASE_URL or the embedded database. Safe to run twice.
import { formatLogins, seedDemo } from '../seed/demo.seed';
import { describeTarget, openFromEnv } from './env';

const handle = await openFromEnv();
try {
  const result = await seedDemo(handle.db, new Date(), { visitDuty: true, secondVillage: true });
  console.log(
    result.created
      ? `Demo village created in ${describeTarget()}.`
      : `Demo village already present in ${describeTarget()}.`,
  );
  console.log(formatLogins(result));
} finally {
  await handle.close();
}
