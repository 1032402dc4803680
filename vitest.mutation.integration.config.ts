import { defineConfig } from 'vitest/config'

/**
 * The integration project alone, for StrykerJS over the repositories, middleware and services
 * that only the real app exercises (`stryker.integration.config.mjs`). The globalSetup builds the
 * SQLite template once per Stryker worker, as in `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    globalSetup: ['test/integration/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
