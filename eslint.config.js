// Few rules, each for a reason. Formatting is Prettier's job, not the linter's.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** The packages' TypeScript sources, linted with their types (the floating-promise rule needs them). */
const TYPED = ['server/**/*.ts', 'db/**/*.ts', 'test/**/*.ts', 'client/src/**/*.ts', 'client/e2e/**/*.ts'];

const SQL = 'SQL lives in db/src/queries: add a query function there.';
const HANDLE = 'The database handle comes from @huzhu/db.';
/** What only db/ may import: the server reaches the database through @huzhu/db's queries. */
const DB_ONLY = {
  paths: [
    { name: 'drizzle-orm', message: SQL },
    { name: 'postgres', message: HANDLE },
    { name: '@electric-sql/pglite', message: HANDLE },
  ],
  patterns: [
    { group: ['drizzle-orm/*'], message: SQL },
    { group: ['@electric-sql/pglite/*'], message: HANDLE },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', 'data/**', '**/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'off',
      // `any` silently switches the type checker off; say `unknown` and narrow it.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Type-only imports vanish at build time and keep module graphs honest.
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: TYPED,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ noWarnOnMultipleProjects: true })],
    },
    rules: {
      // A floating promise in a server is an unhandled rejection waiting to crash it, and a write
      // nobody awaits may land after the answer that says it happened. `void` says "on purpose".
      '@typescript-eslint/no-floating-promises': 'error',
      // Modules that import each other at run time load half-initialised in one order or the
      // other (app.ts and the CSV route did). Type-only imports are erased and do not count.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The layers point one way: only db/ writes SQL, and nothing outside the client imports it.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: DB_ONLY.paths, patterns: DB_ONLY.patterns }] },
  },
  {
    // Services are called by resolvers, jobs, commands and the CSV route alike: nothing of
    // GraphQL's (the request context, generated types, opaque ids' formatting) reaches them.
    // (A rule's options replace, not merge: the database bars are repeated by spreading them.)
    files: ['server/src/*/*.service.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...DB_ONLY.paths,
            { name: 'graphql', message: 'Services are not GraphQL: throw AppError from core/errors.' },
          ],
          patterns: [
            ...DB_ONLY.patterns,
            {
              group: ['**/graphql/*', '**/graphql/**', '**/http/*'],
              message:
                'Services take (deps, actor, plain input): the GraphQL and HTTP layers call them, not the reverse.',
            },
            { group: ['**/core/ids'], message: 'Opaque ids are parsed and formatted in resolvers.' },
          ],
        },
      ],
    },
  },
);
