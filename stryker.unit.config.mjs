// @ts-check
import { base } from './stryker.base.mjs'
import { functionsOf } from './stryker.ranges.mjs'

/**
 * The pure modules, judged by the unit tests alone (they are where share maths, disclosure,
 * validation and guards are meant to be pinned down): small files whole, and in larger files the
 * deciding functions by name (their lines are found when the run starts; see stryker.ranges.mjs).
 * A file that moves or a function that is renamed is one path or name to change here.
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
    ...functionsOf('src/profiles/sentences.ts', 'sameAnswerCount', 'disclosed', 'renderSentence', 'firstSentence'),
    'src/profiles/wording.ts',
    // disclosure
    ...functionsOf('src/profiles/editionCharts.ts', 'editionCharts'),
    ...functionsOf('src/profiles/resultsModel.ts', 'buildResults'),
    // basis membership
    'src/profiles/aggregate.ts',
    // visibility and validation
    'src/questionnaire/visibility.ts',
    ...functionsOf('src/questionnaire/types/multiple.ts', 'validate'),
    ...functionsOf('src/questionnaire/types/range.ts', 'inRange'),
    // access guards
    'src/accounts/guards.ts',
    // sign-in lockout
    ...functionsOf('src/accounts/authService.ts', 'refuseUnknown', 'signIn'),
    // export neutralising
    ...functionsOf('src/questionnaire/answerColumns.ts', 'neutralise'),
  ],
}
