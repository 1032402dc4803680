// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'data/**',
      'public/vendor/**',
      'test/bench/results/**',
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Layering (STYLE.md §1): only repositories, the db helpers, migrations and CLI touch knex.
    files: ['src/**/*.ts'],
    ignores: [
      'src/**/*Repository.ts',
      'src/db/**',
      'src/cli/**',
      'src/app.ts',
      'src/server.ts',
      'src/**/sessionStore.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'knex',
              message: 'Only repositories (…Repository.ts) and src/db may import knex.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
)
