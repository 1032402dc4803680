import { defineConfig } from 'vitest/config'

/**
 * The integration tests that judge the modules `stryker.integration.config.mjs` mutates, for
 * StrykerJS: the whole integration project (60 files) takes too long for its first coverage run
 * on two cores. A test file that starts to cover one of those modules belongs here. The
 * globalSetup builds the SQLite template once per Stryker worker, as in `npm test`.
 */
const judges = [
  // basis membership (profilesRepository.approvedUpTo) and regeneration triggers (profileService)
  'profilesNumbers',
  'profilesPages',
  'profilesRegeneration',
  'profilesOpenDataReleases',
  'profilesLaterReleases',
  'reviewEditions',
  // save and conflict (savePage, responsesRepository.saveAnswers and transition)
  'collectionSaving',
  'collectionSaveConflicts',
  'reviewLoop',
  // CSRF (setUpCsrf) and the sign-in limit (loginRoutes)
  'signIn',
  'signInRateLimit',
  'csrfRefusals',
  'collectionFaults',
  'forgotPassword',
  // export scopes (exportRepository.batch)
  'reviewExports',
  'reviewExportNumbers',
]

export default defineConfig({
  test: {
    include: judges.map((name) => `test/integration/${name}.test.ts`),
    globalSetup: ['test/integration/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
