// A PostgreSQL cluster of the test's own, in a temporary folder on a free port: the only kind a
// test may stop and start again (other engineers' tests use the machine's shared server, which must
// never go down). initdb and pg_ctl refuse to run as root, so as root they run as `postgres`.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const RUNUSER = '/usr/sbin/runuser';
const isRoot = process.getuid?.() === 0;

/** The postgres user's uid and gid, read from /etc/passwd (no extra package needed). */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    const [, , uid, gid] = line?.split(':') ?? [];
    return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether this machine can run a cluster of our own: the PostgreSQL 15 binaries exist, and, as
 * root, so do runuser and the postgres user. Without them the fault tests that restart the
 * database skip (they must never touch the shared server).
 */
export function ownPostgresAvailable(): boolean {
  if (!existsSync(join(BIN, 'initdb')) || !existsSync(join(BIN, 'pg_ctl'))) return false;
  return !isRoot || (existsSync(RUNUSER) && postgresUser() !== undefined);
}

/** A TCP port nobody is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function pgTool(tool: string, args: string[], timeout = 60_000): Promise<string> {
  const [file, argv] = isRoot ? [RUNUSER, ['-u', 'postgres', '--', join(BIN, tool), ...args]] : [join(BIN, tool), args];
  try {
    const { stdout } = await run(file, argv, { timeout });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

export class OwnPostgres {
  private running = false;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** initdb in a fresh folder under /tmp and start it; trust auth for user postgres. */
  static async create(): Promise<OwnPostgres> {
    const pg = await OwnPostgres.folder();
    try {
      await pgTool('initdb', ['-D', pg.dataDir, '--auth=trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '-N']);
      await pg.start();
    } catch (error) {
      await pg.destroy();
      throw error;
    }
    return pg;
  }

  /**
   * A hot standby of this cluster, started: pg_basebackup -R copies it into a folder of its own and
   * writes standby.signal and primary_conninfo, so it streams from this one on its own port
   * (initdb's trust pg_hba lets 127.0.0.1 replicate).
   */
  async standby(): Promise<OwnPostgres> {
    const pg = await OwnPostgres.folder();
    try {
      const from = ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres'];
      await pgTool('pg_basebackup', ['-D', pg.dataDir, '-R', '-X', 'stream', '-c', 'fast', '--no-sync', ...from]);
      await pg.start();
    } catch (error) {
      await pg.destroy();
      throw error;
    }
    return pg;
  }

  private static async folder(): Promise<OwnPostgres> {
    const dir = mkdtempSync('/tmp/huzhu-faults-pg-');
    if (isRoot) {
      const user = postgresUser()!;
      chownSync(dir, user.uid, user.gid);
    }
    return new OwnPostgres(dir, await freePort());
  }

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  get logFile(): string {
    return join(this.dir, 'postgres.log');
  }

  /** A URL for one database of the cluster (default: `postgres`). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the cluster and waits until it accepts connections (crash recovery included). */
  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=60`;
    await pgTool('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', this.logFile, '-w', '-t', '60', 'start']);
    this.running = true;
  }

  /**
   * Stops the cluster. `immediate` is a crash as far as the data is concerned: every backend is
   * killed mid-statement and the next start replays the WAL. `fast` rolls back and shuts down cleanly.
   */
  async stop(mode: 'immediate' | 'fast' = 'immediate'): Promise<void> {
    await pgTool('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
    this.running = false;
  }

  /** Creates a database in the cluster and returns its URL. */
  async createDatabase(name: string): Promise<string> {
    await pgTool('createdb', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', name]);
    return this.url(name);
  }

  /** Stops the cluster if it runs (never throws) and deletes its folder. */
  async destroy(): Promise<void> {
    if (this.running || existsSync(join(this.dataDir, 'postmaster.pid'))) {
      await this.stop('immediate').catch((error: unknown) => console.error('own postgres: stop failed', error));
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
