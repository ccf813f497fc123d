// pnpm bench:data [--sites 500] [--members 200000] [--months 24] [--reset] [--seed N]
// Fills BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/huzhu_bench), creating the
// database if absent and migrating it; refuses a database that already holds sites unless --reset.
import { benchDatabaseUrl, ensureDatabase } from './database';
import { generate } from './generate';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive whole number`);
  return value;
}

const url = benchDatabaseUrl();
const options = {
  url,
  sites: arg('sites', 500),
  members: arg('members', 200_000),
  months: arg('months', 24),
  seed: arg('seed', 20261125),
};
await ensureDatabase(url, { reset: process.argv.includes('--reset') });
console.log(
  `Generating ${options.sites} sites, ${options.members} members, ${options.months} months into ${new URL(url).pathname.slice(1)}...`,
);
const result = await generate(options);
console.log(
  `Done in ${result.seconds.toFixed(0)} s: ${result.sites} sites, ${result.members} members, ${result.needs} needs, ` +
    `${result.claims} claims, ${result.transfers} transfers, ${result.redemptions} redemptions, ${result.visits} visits; ` +
    `invariants ${result.invariantsHold ? 'hold' : 'BROKEN'}.`,
);
process.exitCode = result.invariantsHold ? 0 : 1;
