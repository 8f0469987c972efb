import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: ['**/*.int.test.ts', 'node_modules/**', 'dist/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores, other work running: keep the pool small so process-spawning tests stay timely.
    maxWorkers: 2,
    // Every daemon a test starts (and the CLIs that start them inherit this) takes any free port for
    // its HTTP API: two on the default 4777 would race for it, and a developer's own daemon holds it.
    env: { ORCHESTRA_HTTP_PORT: '0' },
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
