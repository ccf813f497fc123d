// Backups for both engines. PostgreSQL: pg_dump's custom format, restored with pg_restore.
// PGlite: its own data-directory dump (a tarball), restored by opening a new directory from it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr.trim()}`)),
    );
  });
}

/** pg_dump -Fc of the database at `url` into `file`. */
export async function backupPostgres(url: string, file: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url]);
}

/** Restores a pg_dump file into the (empty) database at `url`. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${url}`,
    file,
  ]);
}

/** Dumps an open PGlite database (its whole data directory) into a gzipped tarball. */
export async function backupPglite(pglite: PGlite, file: string): Promise<void> {
  const dump = await pglite.dumpDataDir('gzip');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/** Creates the embedded database in `dataDir` (which must be empty or absent) from a dump. */
export async function restorePglite(file: string, dataDir: string | undefined): Promise<PGlite> {
  if (dataDir && existsSync(dataDir) && readdirSync(dataDir).some((f) => f !== 'jwt-secret')) {
    throw new Error(`${dataDir} is not empty: restore into a new DATA_DIR`);
  }
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const blob = new Blob([readFileSync(file)], { type: 'application/x-gzip' });
  // The options-object form: `new PGlite(undefined, { loadDataDir })` ignores the dump.
  const pglite = new PGlite({ ...(dataDir ? { dataDir } : {}), loadDataDir: blob });
  await pglite.waitReady;
  return pglite;
}
