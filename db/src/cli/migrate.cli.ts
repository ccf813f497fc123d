// pnpm db:migrate: apply the committed migrations to DATABASE_URL or the embedded database.
import { describeTarget, openFromEnv } from './env';

const handle = await openFromEnv();
await handle.close();
console.log(`Migrations applied to ${describeTarget()}.`);
