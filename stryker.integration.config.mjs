// @ts-check
import { base } from './stryker.base.mjs'
import { functionsOf, linesOf } from './stryker.ranges.mjs'

/**
 * Repositories, middleware and services that only the real app exercises, judged by the
 * integration tests (real database, CSRF on): small files whole, and in larger files the deciding
 * functions by name, or the deciding stretch of a long one by its first and last lines (found
 * when the run starts; see stryker.ranges.mjs).
 * A file that moves or a function that is renamed is one path or name to change here.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation.integration.config.ts', related: false },
  incrementalFile: 'reports/stryker-integration-incremental.json',
  htmlReporter: { fileName: 'reports/mutation/integration.html' },
  jsonReporter: { fileName: 'reports/mutation/integration.json' },
  mutate: [
    // basis membership: which approved responses the "approved" and "latest" bases may draw on
    ...functionsOf('src/profiles/profilesRepository.ts', 'approvedUpTo'),
    // save and conflict
    // savePage: the version it was based on, and the conflict check, retry and failed write
    linesOf('src/collection/savePage.ts', 'const version = ', 'The form is missing its version'),
    linesOf('src/collection/savePage.ts', 'const current = ', "return { kind: 'saved'"),
    ...functionsOf('src/responses/responsesRepository.ts', 'saveAnswers', 'transition'),
    // CSRF and the sign-in rate limit
    'src/middleware/setUpCsrf.ts',
    ...functionsOf('src/accounts/loginRoutes.ts', 'limiter'),
    // export scopes
    ...functionsOf('src/review/exportRepository.ts', 'batch'),
    // regeneration triggers and data releases
    ...functionsOf('src/profiles/profileService.ts', 'onEditionChanged'),
  ],
}
