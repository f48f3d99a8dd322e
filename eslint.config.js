// One lint config for the monorepo. Besides code hygiene it enforces the dependency direction:
// libs never import apps, and the web never reaches into the API's internals.
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const appImports = ['@hearth/api', '@hearth/api/*', '@hearth/web', '@hearth/web/*', '**/apps/**'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/build/**', '**/node_modules/**', '**/.data/**', 'apps/web/public/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['libs/**/*.ts', 'migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: appImports, message: 'libs/ and migrations/ must not import apps (dependencies point apps → libs).' }] },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@hearth/api', '@hearth/api/*', '**/apps/api/**', '../../api/**'],
              message: 'The web talks to the API over HTTP through @hearth/contracts, never by importing its code.',
            },
          ],
        },
      ],
    },
  },
  {
    // The input classes bring class-validator: only server modules (actions) may load them.
    files: ['apps/web/**/*.{ts,tsx}'],
    ignores: ['**/*.server.ts', '**/*.server.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@hearth/api', '@hearth/api/*', '**/apps/api/**', '../../api/**'],
              message: 'The web talks to the API over HTTP through @hearth/contracts, never by importing its code.',
            },
            { group: ['@hearth/contracts/inputs'], message: 'Input classes are for server code: import them from lib/inputs.server.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@hearth/web', '@hearth/web/*', '**/apps/web/**'], message: 'The API must not import the web app.' }] },
      ],
    },
  },
  {
    files: ['**/test/**/*.ts', '**/*.spec.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Formatting is Prettier's (checked by each project's lint script); no lint rule may disagree with it.
  prettier,
);
