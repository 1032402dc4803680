import { defineConfig } from 'vitest/config'

/**
 * The unit project alone, for StrykerJS over the pure modules (`stryker.unit.config.mjs`). A longer
 * test timeout than `npm test`'s: the first pass runs every test with coverage, on a busy machine.
 */
export default defineConfig({
  test: { include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 },
})
