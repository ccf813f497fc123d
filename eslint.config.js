// Few rules, each for a reason. Formatting is Prettier's job, not the linter's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', 'data/**', '**/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A floating promise in a server is an unhandled rejection waiting to crash it.
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
    // The layers point one way: only db/ writes SQL, and nothing outside the client imports it.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'drizzle-orm', message: 'SQL lives in db/src/queries: add a query function there.' },
            { name: 'postgres', message: 'The database handle comes from @huzhu/db.' },
            { name: '@electric-sql/pglite', message: 'The database handle comes from @huzhu/db.' },
          ],
        },
      ],
    },
  },
);
