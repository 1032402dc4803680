// @ts-check
/**
 * What both mutation runs share (`npm run test:mutation`). Not in CI: see README, Testing.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export const base = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // Only the tests that cover a mutant run for it.
  coverageAnalysis: 'perTest',
  // A mutant in module-level code is covered by every test: too slow, and such code runs at start-up anyway.
  ignoreStatic: true,
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  // The first run of the whole suite, with coverage, takes minutes on a busy 2-core machine.
  dryRunTimeoutMinutes: 20,
  incremental: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  thresholds: { high: 90, low: 85, break: null },
  // Logic only: wording and log strings are checked by their own unit tests, and their mutants
  // (and empty objects) were mostly equivalent or cosmetic in the first runs.
  mutator: { excludedMutations: ['StringLiteral', 'ObjectLiteral'] },
}
