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
  // The first run of the whole suite, with coverage, takes 4-6 minutes on a busy 2-core machine.
  dryRunTimeoutMinutes: 20,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  // Logic only: wording and log strings are checked by their own unit tests, and their mutants
  // (and empty objects) were mostly equivalent or cosmetic in the first runs.
  mutator: { excludedMutations: ['StringLiteral', 'ObjectLiteral'] },
  // Line ranges: the functions that decide what is shown, saved or allowed, not the whole files.
  mutate: [
    // share and sentence maths
    'src/profiles/sentences.ts:104-117',
    'src/profiles/wording.ts:15-35',
    // disclosure
    'src/profiles/editionCharts.ts:104-118',
    'src/profiles/resultsModel.ts:67-74',
    // basis membership
    'src/profiles/aggregate.ts:64-70',
    'src/profiles/aggregate.ts:86-95',
    'src/profiles/basisMembers.ts:15-33',
    'src/profiles/profilesRepository.ts:42-53',
    // visibility and validation
    'src/questionnaire/visibility.ts',
    'src/questionnaire/questionValidators.ts:98-104',
    'src/questionnaire/questionValidators.ts:170-181',
    // save and conflict
    'src/collection/savePage.ts:76-79',
    'src/collection/savePage.ts:91-107',
    'src/collection/responsesRepository.ts:161-171',
    'src/collection/responsesRepository.ts:191-194',
    // access guards
    'src/accounts/guards.ts',
    // CSRF and sign-in
    'src/middleware/setUpCsrf.ts',
    'src/accounts/loginRoutes.ts:22-26',
    'src/accounts/loginRoutes.ts:50-50',
    'src/accounts/authService.ts:48-60',
    // export scopes and neutralising
    'src/review/exportRepository.ts:49-49',
    'src/review/exportColumns.ts:203-211',
    // regeneration triggers
    'src/profiles/profileService.ts:63-70',
  ],
}
