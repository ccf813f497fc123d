// pnpm --filter @huzhu/server build: the server (and the workspace's db package) bundled into one
// ES module, server/dist/main.mjs, that plain Node runs. pnpm start runs it: no TypeScript loader
// in the running server, whose hooks cost ≈35 MB of resident memory and sat in every require().
// npm packages stay imports, loaded from node_modules as before; build it where it runs.
import { build } from 'esbuild';
import { workspacePath } from '@huzhu/db';

const server = workspacePath(import.meta.dirname, 'server');
const result = await build({
  entryPoints: [`${server}/src/main.ts`],
  outfile: `${server}/dist/main.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
  plugins: [
    {
      // npm packages stay imports, but pnpm links each package's dependencies beside that package
      // only (the db package's drivers are not the server's): each is resolved from the module that
      // imports it, as Node would, and imported by that path. Our own workspace packages
      // (TypeScript sources) are bundled.
      name: 'npm-packages-where-their-importer-finds-them',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, async (args) => {
          if (args.path.startsWith('@huzhu/') || args.pluginData === 'inner') return undefined;
          const found = await b.resolve(args.path, {
            kind: args.kind,
            importer: args.importer,
            resolveDir: args.resolveDir,
            pluginData: 'inner',
          });
          if (found.errors.length > 0) return { errors: found.errors };
          return { path: found.path, external: true };
        });
      },
    },
  ],
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`server/dist/main.mjs: ${(bytes / 1024).toFixed(0)} KB with its source map`);
