// The server as a real child process (tsx server/src/main.ts), as an operator runs it: so a test
// can SIGKILL it, SIGTERM it, or leave it running while its database goes away. Every child is
// the leader of its own process group (tsx runs node as a grandchild), so kill() reaches both.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { JWT_SECRET } from '../../api/support/harness';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves when the process (tsx, and with it the server) has exited. */
  exited: Promise<Exit>;
  /** Everything the server printed so far, stdout and stderr interleaved. */
  output(): string;
  /** A signal to the whole process group (default) or to the tsx process alone. */
  signal(signal: NodeJS.Signals, group?: boolean): void;
  /** SIGKILLs the group if still running and waits for the exit: safe in afterAll. */
  kill(): Promise<void>;
}

export interface SpawnOptions {
  databaseUrl: string;
  port: number;
  /** Extra environment, e.g. DB_POOL_SIZE. */
  env?: Record<string, string>;
  /**
   * Run the built bundle as docs/deploy.md's production start does (`node ... server/dist/main.mjs`,
   * built first by buildServerBundle) instead of the TypeScript sources through tsx.
   */
  bundle?: boolean;
  /** The script to run instead of server/src/main.ts (one that adds test jobs, say). */
  entry?: string;
}

/** The production start's command line (docs/deploy.md), less NODE_ENV which goes in the environment. */
export const PRODUCTION_START = [
  '--max-semi-space-size=16',
  '--heap-growing-percent=50',
  '--enable-source-maps',
  'server/dist/main.mjs',
];

/** Builds server/dist/main.mjs from the current sources, as `pnpm build` does. */
export function buildServerBundle(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [`${ROOT}server/src/cli/bundle.cli.ts`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`bundle build exited ${code}: ${output}`)),
    );
  });
}

export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    DATABASE_URL: options.databaseUrl,
    JWT_SECRET,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DEMO_DATA: 'true',
    // The load here is a few test clients, not an attack: the per-token limit would only get in the way.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
    ...options.env,
  };
  const [command, args] = options.bundle
    ? [process.execPath, PRODUCTION_START]
    : [TSX, [options.entry ?? `${ROOT}server/src/main.ts`]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (b: Buffer) => chunks.push(b.toString()));
  child.stderr?.on('data', (b: Buffer) => chunks.push(b.toString()));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => (done = true));
  const url = `http://127.0.0.1:${options.port}`;
  const pid = child.pid!;

  const proc: ServerProcess = {
    url,
    port: options.port,
    child,
    exited,
    output: () => chunks.join(''),
    signal(signal, group = true) {
      try {
        process.kill(group ? -pid : pid, signal);
      } catch {
        // Already gone.
      }
    },
    async kill() {
      if (!done) proc.signal('SIGKILL');
      await exited;
      // The grandchild may outlive tsx for a moment after SIGKILL reaches the group: wait for it too.
      for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
    },
  };

  // Ready when /healthz says the database answers; give up if the process dies first.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (done) throw new Error(`the server exited before it was ready:\n${proc.output()}`);
    if ((await health(url)) === 200) return proc;
    await sleep(100);
  }
  await proc.kill();
  throw new Error(`the server was not ready within 60 s:\n${proc.output()}`);
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * /healthz's status, or 0 when nothing answers (refused, reset, or slower than 5 s: the server
 * answers 503 itself once its database ping has waited 2 s, so a slow machine still hears it).
 */
export async function health(url: string): Promise<number> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/**
 * Polls /healthz until it answers `status`: the milliseconds it took. Throws after `within`, saying
 * whether the server process is still running (and what it printed last if not).
 */
export async function waitForHealth(server: ServerProcess, status: number, within: number): Promise<number> {
  const start = Date.now();
  let last = -1;
  while (Date.now() - start < within) {
    last = await health(server.url);
    if (last === status) return Date.now() - start;
    await sleep(50);
  }
  const exit = server.child.exitCode ?? server.child.signalCode;
  const state =
    exit === null ? 'the server is still running' : `the server exited (${exit}):\n${server.output().slice(-3000)}`;
  throw new Error(`/healthz did not answer ${status} within ${within} ms (last: ${last}); ${state}`);
}

/** `pnpm ledger:check` on a database: its exit code and what it printed. */
export function ledgerCheck(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [`${ROOT}server/src/cli/ledger-check.cli.ts`], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
