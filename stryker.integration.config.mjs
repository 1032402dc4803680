// @ts-check
import { base } from './stryker.base.mjs'

/**
 * Repositories, middleware and services that only the real app exercises, judged by the
 * integration tests (real database, CSRF on). Line ranges: the deciding lines.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  ...base,
  vitest: { configFile: 'vitest.mutation.integration.config.ts', related: false },
  incrementalFile: 'reports/stryker-integration-incremental.json',
  htmlReporter: { fileName: 'reports/mutation/integration.html' },
  jsonReporter: { fileName: 'reports/mutation/integration.json' },
  mutate: [
    // basis membership
    'src/profiles/profilesRepository.ts:42-53',
    // save and conflict
    'src/collection/savePage.ts:76-79',
    'src/collection/savePage.ts:91-107',
    'src/responses/responsesRepository.ts:143-153',
    'src/responses/responsesRepository.ts:173-176',
    // CSRF and sign-in
    'src/middleware/setUpCsrf.ts',
    'src/accounts/loginRoutes.ts:22-26',
    'src/accounts/loginRoutes.ts:50-50',
    // export scopes
    'src/review/exportRepository.ts:49-49',
    // regeneration triggers
    'src/profiles/profileService.ts:75-82',
  ],
}
