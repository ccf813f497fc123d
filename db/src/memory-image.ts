// A migrated, empty database image for in-memory PGlite (tests and test servers): a fresh
// PGlite runs initdb and then every migration, about 4 s of CPU each time, and a test run opens
// a few hundred. The first open in a run dumps one migrated instance to a file keyed by the
// migrations' contents; every later open, in any process, loads that image (about 0.6 s).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';

/** The image's file: a new migration, or another PGlite version, makes another name. */
function imagePath(migrationsFolder: string): string {
  // The resolved module's path names the installed version (pnpm's store path carries it).
  return join(
    tmpdir(),
    `huzhu-pglite-${migrationsHash(migrationsFolder, import.meta.resolve('@electric-sql/pglite'))}.tar`,
  );
}

/** 16 hex digits that change whenever a migration file (or `salt`) does. */
export function migrationsHash(migrationsFolder: string, salt = ''): string {
  const hash = createHash('sha256').update(salt);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(migrationsFolder);
  return hash.digest('hex').slice(0, 16);
}

/**
 * A new in-memory PGlite holding the migrated schema and no rows. HUZHU_PGLITE_IMAGE=0 turns the
 * image off (every open migrates from scratch, as before).
 */
export async function migratedMemoryPglite(migrationsFolder: string): Promise<PGlite> {
  if (process.env.HUZHU_PGLITE_IMAGE === '0') return migrateFresh(migrationsFolder);
  const path = imagePath(migrationsFolder);
  if (existsSync(path)) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([readFileSync(path)]) });
    } catch {
      // A torn or foreign file: fall through and write it again.
    }
  }
  const pglite = await migrateFresh(migrationsFolder);
  const image = await pglite.dumpDataDir('none');
  // Written aside and renamed: two processes making it at once each rename a whole file.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, new Uint8Array(await image.arrayBuffer()));
  try {
    renameSync(partial, path);
  } catch {
    rmSync(partial, { force: true });
  }
  return pglite;
}

async function migrateFresh(migrationsFolder: string): Promise<PGlite> {
  const pglite = new PGlite();
  await migratePglite(drizzlePglite({ client: pglite }), { migrationsFolder });
  return pglite;
}
