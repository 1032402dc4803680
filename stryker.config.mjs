// @ts-check
/**
 * Mutation testing (`npm run test:mutation`): the modules where a silent bug hurts most.
 * Not in CI: a full run takes a long time on a 2-core machine (see README, Testing).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  // Only the tests that cover a mutant run for it.
  coverageAnalysis: 'perTest',
  // A mutant in module-level code is covered by every test: too slow with the integration suite.
  ignoreStatic: true,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  // Line ranges: the functions that decide what is shown, saved or allowed, not the whole files.
  mutate: [
    // share and sentence maths
    'src/profiles/sentences.ts:78-117',
    'src/profiles/wording.ts:15-35',
    // disclosure
    'src/profiles/editionCharts.ts:104-118',
    'src/profiles/resultsModel.ts:57-85',
    // basis membership
    'src/profiles/aggregate.ts:51-73',
    'src/profiles/aggregate.ts:86-95',
    'src/profiles/basisMembers.ts:15-33',
    'src/profiles/profilesRepository.ts:42-53',
    // visibility and validation
    'src/questionnaire/visibility.ts',
    'src/questionnaire/questionValidators.ts:98-104',
    'src/questionnaire/questionValidators.ts:170-181',
    'src/questionnaire/pageValidation.ts:78-90',
    // save and conflict
    'src/collection/savePage.ts:74-107',
    'src/collection/responsesRepository.ts:155-196',
    // access guards
    'src/accounts/guards.ts',
    // CSRF and sign-in
    'src/middleware/setUpCsrf.ts',
    'src/accounts/loginRoutes.ts:22-26',
    'src/accounts/loginRoutes.ts:50-50',
    'src/accounts/authService.ts:42-69',
    // export scopes and neutralising
    'src/review/exportRepository.ts:45-50',
    'src/review/exportColumns.ts:200-212',
    // regeneration triggers
    'src/profiles/profileService.ts:57-75',
  ],
}
