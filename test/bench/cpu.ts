// Where a write's time goes, by process: CPU milliseconds per operation of this process (the
// in-process GraphQL server; the load runs in a child of its own) and of the local PostgreSQL
// (every process of its cluster, read from /proc). A ratio to the write reference cannot say
// whether Node or PostgreSQL is the wall; these two figures can.
import { readdirSync, readFileSync } from 'node:fs';
import type { Sql } from 'postgres';

const TICK_MS = 10; // USER_HZ is 100 on Linux for every architecture this runs on.

function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may hold spaces and parentheses: fields start after the last ')'.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU ms of a PostgreSQL cluster: its postmaster, its live children, and the children it has reaped. */
function clusterMs(postmaster: number): number {
  const own = statFields(postmaster);
  if (!own) return Number.NaN;
  // Fields (from 3): state ppid ... utime(14) stime(15) cutime(16) cstime(17), 1-based in proc(5).
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (f && Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * TICK_MS;
}

export interface CpuPerOp {
  /** This process: the GraphQL server (and the harness, idle while the load child runs). */
  serverMs: number;
  /** Every process of the PostgreSQL cluster; NaN when it is not on this machine. */
  postgresMs: number;
}

/** A meter over this process and the cluster `sql` is connected to (when it runs here). */
export async function cpuMeter(sql: Sql): Promise<{ start(): () => (ops: number) => CpuPerOp }> {
  const [row] = await sql<{ pid: number; local: boolean }[]>`
    select pg_backend_pid() as pid, coalesce(inet_server_addr() <<= '127.0.0.0/8'::inet, true) as local`;
  const backend = statFields(row!.pid);
  const postmaster = row!.local && backend ? Number(backend[1]) : 0;
  return {
    start() {
      const node = process.cpuUsage();
      const pg = postmaster ? clusterMs(postmaster) : Number.NaN;
      return () => {
        const used = process.cpuUsage(node);
        const pgUsed = postmaster ? clusterMs(postmaster) - pg : Number.NaN;
        return (ops: number) => ({
          serverMs: (used.user + used.system) / 1000 / ops,
          postgresMs: pgUsed / ops,
        });
      };
    },
  };
}
