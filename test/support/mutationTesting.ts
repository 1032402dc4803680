/**
 * Whether the tests run under StrykerJS (`npm run test:mutation`), which sets this in its workers.
 * There the first pass runs every test with coverage instrumentation, and the runs take long enough
 * to share the machine with other work: a comparison of two timings measures the machine, not the
 * code. Timing assertions are left out there (and only there); `npm test` keeps them.
 */
export const underMutationTesting = process.env.STRYKER_MUTATOR_WORKER !== undefined
