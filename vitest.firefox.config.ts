import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests in Firefox ESR: the Firefox build of Gloss, one file at a time (2 cores).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Polls wait for what they ask, not for a clock (see vitest.e2e.config.ts).
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
