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
    'src/profiles/sentences.ts:64-100',
    'src/profiles/wording.ts:15-35',
    // disclosure
    'src/profiles/editionCharts.ts:132-141',
    'src/profiles/resultsModel.ts:40-58',
    // basis membership
    'src/profiles/aggregate.ts:42-53',
    'src/profiles/aggregate.ts:76-85',
    // visibility and validation
    'src/questionnaire/visibility.ts',
    'src/questionnaire/types/multiple.ts:32-41',
    'src/questionnaire/types/range.ts:8-21',
    // access guards
    'src/accounts/guards.ts',
    // sign-in lockout
    'src/accounts/authService.ts:48-60',
    // export neutralising
    'src/review/exportColumns.ts:70-79',
  ],
}
