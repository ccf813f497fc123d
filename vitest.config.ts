// One test run for the whole workspace. Data-layer and service tests run on PGlite, and also on
// real PostgreSQL when TEST_DATABASE_URL is set (CI always sets it).
import { existsSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'db', include: ['db/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['server/src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'system', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/bench/**'] },
      },
      ...(existsSync('client/vitest.config.ts') ? ['client/vitest.config.ts'] : []),
    ],
  },
});
