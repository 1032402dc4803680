import { defineConfig } from 'vitest/config'

/** The unit project alone, for StrykerJS over the pure modules (`stryker.unit.config.mjs`). */
export default defineConfig({
  test: { include: ['test/unit/**/*.test.ts'] },
})
