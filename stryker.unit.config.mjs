// @ts-check
import { base } from './stryker.base.mjs'

/**
 * The pure modules, judged by the unit tests alone (they are where share maths, disclosure,
 * validation and guards are meant to be pinned down). Line ranges: the deciding functions.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation.unit.config.ts', related: false },
  incrementalFile: 'reports/stryker-unit-incremental.json',
  htmlReporter: { fileName: 'reports/mutation/unit.html' },
  jsonReporter: { fileName: 'reports/mutation/unit.json' },
  mutate: [
    // share and sentence maths
    'src/profiles/sentences.ts:104-117',
    'src/profiles/wording.ts:15-35',
    // disclosure
    'src/profiles/editionCharts.ts:104-118',
    'src/profiles/resultsModel.ts:37-44',
    // basis membership
    'src/profiles/aggregate.ts:64-70',
    'src/profiles/aggregate.ts:86-95',
    // visibility and validation
    'src/questionnaire/visibility.ts',
    'src/questionnaire/questionValidators.ts:98-104',
    'src/questionnaire/questionValidators.ts:170-181',
    // access guards
    'src/accounts/guards.ts',
    // sign-in lockout
    'src/accounts/authService.ts:48-60',
    // export neutralising
    'src/review/exportColumns.ts:203-211',
  ],
}
