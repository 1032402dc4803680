// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

/** The imports a part of src may not make, by name (see the restrict(…) blocks below). */
const restrictions = {
  knex: {
    paths: [
      {
        name: 'knex',
        message: 'Only repositories (…Repository.ts) and src/db may import knex.',
        allowTypeImports: true,
      },
    ],
  },
  wiring: {
    patterns: [
      {
        group: ['**/wiring/*', '**/wiring'],
        message:
          'Only app.ts, server.ts and the CLI import src/wiring: a capability declares the repositories and services it needs and is handed them.',
      },
    ],
  },
  collection: {
    patterns: [
      {
        group: ['**/collection/*', '**/collection/**'],
        message:
          'Review does not import the officer journey: responses live in src/responses, URLs and the actor in src/web.',
      },
    ],
  },
  questionnaire: {
    patterns: [
      {
        group: ['**/questionnaire/*', '**/questionnaire/**'],
        message: 'src/db and src/shared are the ground floor: they do not import the questionnaire.',
      },
    ],
  },
}

/**
 * One no-restricted-imports block for these files with the named restrictions (none: off).
 * @param {string[]} files
 * @param {...('knex' | 'wiring' | 'collection' | 'questionnaire')} names
 */
function restrict(files, ...names) {
  if (names.length === 0) return { files, rules: { 'no-restricted-imports': 'off' } }
  const chosen = names.map((name) => restrictions[name])
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: chosen.flatMap((r) => ('paths' in r ? r.paths : [])),
          patterns: chosen.flatMap((r) => ('patterns' in r ? r.patterns : [])),
        },
      ],
    },
  }
}

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
  // Layering (STYLE.md §1, README "How it fits together"). A later block replaces an earlier
  // block's options for the same rule, so each block lists every restriction of its files.
  restrict(['src/**/*.ts'], 'knex', 'wiring'),
  restrict(['src/**/*Repository.ts'], 'wiring'),
  restrict(['src/review/**/*.ts'], 'knex', 'wiring', 'collection'),
  restrict(['src/review/**/*Repository.ts'], 'wiring', 'collection'),
  restrict(['src/shared/**/*.ts'], 'knex', 'wiring', 'questionnaire'),
  restrict(['src/db/**/*.ts'], 'wiring', 'questionnaire'),
  // The entry points build everything: they may use knex and the wiring.
  restrict(['src/wiring/**/*.ts', 'src/cli/**/*.ts', 'src/app.ts', 'src/server.ts']),
)
