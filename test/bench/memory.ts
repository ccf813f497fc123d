// The server's memory for the bench: the bundled server (as `pnpm start` runs it) in a process of
// its own, its resident memory read from /proc before and after a replayed load; and this
// process's memory after a full collection.
import { execFileSync, spawn } from 'node:child_process';
import { once as onceEvent } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { LoadGenerator } from './load';
import type { LoadJob } from './load-child';

/** Starts the bundled server (as pnpm start does) on the bench database, replays the load, reads its VmRSS. */
export async function childServerMemory(
  url: string,
  jwtSecret: string,
  jobs: { op: string; connections: number; requests: LoadJob['requests']; once: boolean }[],
  seconds: number,
  load: LoadGenerator,
): Promise<{
  startMb: number;
  afterMb: number;
  seconds: number;
  startSeconds: number;
  /** VmRSS after each operation's replay (which one grew the server), and its answers a second. */
  steps: { op: string; mb: number; perSecond: number }[];
}> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  // As pnpm start runs it: the bundled server, built from the sources of this checkout.
  execFileSync(process.execPath, ['--import', 'tsx', 'server/src/cli/bundle.cli.ts'], { cwd: root, stdio: 'ignore' });
  const spawned = performance.now();
  const server = spawn(process.execPath, [...startFlags(root), 'server/dist/main.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      JWT_SECRET: jwtSecret,
      RATE_LIMIT_PER_MINUTE: '100000000',
      DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const graphql = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 60_000);
      server.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const m = /GraphQL at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      server.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
    });
    const vmRss = () =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
    const startSeconds = (performance.now() - spawned) / 1000;
    const startMb = vmRss();
    const started = performance.now();
    const steps: { op: string; mb: number; perSecond: number }[] = [];
    for (const job of jobs) {
      if (job.requests.length === 0) continue;
      const r = await load.run({
        url: graphql,
        connections: job.connections,
        seconds,
        requests: job.requests,
        once: job.once,
      });
      steps.push({ op: job.op, mb: vmRss(), perSecond: r.latencies.length / r.seconds });
    }
    return { startMb, afterMb: vmRss(), seconds: (performance.now() - started) / 1000, startSeconds, steps };
  } finally {
    server.kill('SIGTERM');
    if (server.exitCode === null) await onceEvent(server, 'exit');
  }
}

/** Node's flags as `pnpm start` passes them (server/package.json), or BENCH_NODE_FLAGS to try others. */
function startFlags(root: string): string[] {
  if (process.env.BENCH_NODE_FLAGS !== undefined) return process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean);
  const start = (JSON.parse(readFileSync(`${root}server/package.json`, 'utf8')) as { scripts: { start: string } })
    .scripts.start;
  const m = /^node ((?:--\S+ )*)dist\/main\.mjs$/.exec(start);
  if (!m) throw new Error(`server/package.json's start is not "node [flags] dist/main.mjs": ${start}`);
  return m[1]!.split(' ').filter(Boolean);
}

/** Memory after a full collection: what the process holds, not what it has yet to free. */
export function settledMemory(): NodeJS.MemoryUsage {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  gc?.();
  return process.memoryUsage();
}
