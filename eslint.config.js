// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Globals that carry I/O, time or randomness: banned in the pure packages. */
const impureGlobals = [
  'Date',
  'fetch',
  'setTimeout',
  'setInterval',
  'process',
  'performance',
  'crypto',
  'require',
].map((name) => ({ name, message: `Pure packages take ${name} as an argument; see docs/ARCHITECTURE.md.` }));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'bench-out/**',
      '**/.dist-*/**',
      'waymark-data/**',
      'apps/cli/bin/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }],
    },
  },
  {
    files: [
      'packages/core/src/**/*.ts',
      'packages/render/src/**/*.ts',
      'packages/document/src/**/*.ts',
      'packages/measure/src/**/*.ts',
      'packages/i18n/src/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Pure packages take randomness as an argument.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'http'], message: 'Pure packages do no I/O.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.config.{ts,js}', 'eslint.config.js'],
    rules: { 'no-restricted-exports': 'off' },
  },
);
