// The browser journey: a real server (in-memory database, demo village) serving the built client,
// driven by Debian's Chromium through playwright-core. Run: pnpm --filter @huzhu/client test:e2e
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The server runs in this process. graphql ships CJS (main) and ESM (module) builds without an
// exports map: Node gives Apollo the CJS one, Vite would give the server's code the ESM one, and
// graphql-js then refuses types "from another module or realm". Same fix as the root config.
const graphqlCjs = createRequire(new URL('../../server/package.json', import.meta.url)).resolve('graphql');

export default defineConfig({
  // This folder (not client/, which the unit-test project already claims as its root).
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    name: 'client-e2e',
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    // The longest test (every page of every role through axe, with screenshots) took 102 s on a
    // loaded machine: 15 minutes is room for a day at a quarter of the usual speed.
    testTimeout: 900_000,
    hookTimeout: 900_000,
    // Two files at a time, like the other projects: each has its own server, database and browser
    // context, and the client is built once before any starts (global-setup.ts). One at a time
    // made the browser files CI's long tail.
    globalSetup: ['./global-setup.ts'],
  },
});
