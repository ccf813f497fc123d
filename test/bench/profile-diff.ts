// pnpm --filter @huzhu/test bench:profile-diff <a.cpuprofile> <b.cpuprofile>: two profiles written
// by bench:profile (say /tmp/huzhu-needs.cpuprofile and /tmp/huzhu-needs-bare.cpuprofile), each
// package's self time in µs per request (its share of the busy time × the run's CPU per request),
// and what the first spends more than the second, largest first: where our request's extra
// cost over bare's goes (docs/perf.md).
import { readFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { selfTimes } from './profile-read';

const [a, b] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: profile-diff <a.cpuprofile> <b.cpuprofile>');

function perRequest(file: string): { op: string; ms: number; us: Map<string, number> } {
  const { op, cpuMsPerRequest } = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as {
    op: string;
    cpuMsPerRequest: number;
  };
  const t = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as Profiler.Profile);
  const busy = t.total - t.idle;
  const us = new Map<string, number>();
  for (const [k, v] of t.byPackage) if (k !== '(idle)') us.set(k, (v / busy) * cpuMsPerRequest * 1000);
  return { op, ms: cpuMsPerRequest, us };
}

const [x, y] = [perRequest(a), perRequest(b)];
const rows = [...new Set([...x.us.keys(), ...y.us.keys()])]
  .map((k) => ({ k, x: x.us.get(k) ?? 0, y: y.us.get(k) ?? 0 }))
  .sort((p, q) => q.x - q.y - (p.x - p.y));
console.log(`µs of server CPU per request: ${x.op} (${x.ms} ms) against ${y.op} (${y.ms} ms)`);
console.log(`${x.op.padStart(10)} ${y.op.padStart(10)}       more  package or file`);
for (const r of rows.slice(0, Number(process.env.PROFILE_TOP ?? 30)))
  console.log(
    `${r.x.toFixed(1).padStart(10)} ${r.y.toFixed(1).padStart(10)} ${(r.x - r.y).toFixed(1).padStart(10)}  ${r.k}`,
  );
