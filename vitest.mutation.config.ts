import { defineConfig } from 'vitest/config'

/**
 * The unit and integration projects for StrykerJS (`npm run test:mutation`): the e2e project is
 * left out (a browser per mutant is too slow). The integration globalSetup builds its SQLite
 * template once per Stryker worker, as in `npm test`.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/globalSetup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
