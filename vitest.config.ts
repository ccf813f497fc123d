// One test run for the whole workspace. Data-layer and service tests run on PGlite, and also on
// real PostgreSQL when TEST_DATABASE_URL is set (CI always sets it).
import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

// graphql ships CJS (main) and ESM (module) builds without an exports map: Node gives Apollo and
// graphql-tools the CJS one, Vite would give our code the ESM one, and a GraphQLError or scalar
// from one is not an instance of the other. Everyone gets the build Node gives.
const graphqlCjs = createRequire(new URL('./server/package.json', import.meta.url)).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    // 10x the slowest test or hook on a normal day (a whole-system file's server start with the
    // demo village, the fault tests' outages: up to ~30 s), so a machine running at a quarter of
    // its speed still passes. The ledger property test sets longer limits of its own.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two files at a time on the 2-core machines: most of a file's time is spent waiting on
    // PostgreSQL, a spawned server or the browser, so the second worker fills the idle core
    // (vitest's default here is one). Every file has databases and ports of its own.
    maxWorkers: 2,
    // After the usual report: the slowest files, and the tests nearest their limits.
    reporters: ['default', './test/support/slowest.reporter.ts'],
    projects: [
      { extends: true, test: { name: 'db', include: ['db/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['server/src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'system', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/bench/**'] },
      },
      'client/vitest.config.ts',
      // The browser journey: Debian's Chromium against a started server and the built client.
      'client/e2e/vitest.config.ts',
    ],
  },
});
