import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in Debian's Chromium, one file at a time (2 cores).
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    // A poll waits for what it asks; its default (1 s) is a clock, and a busy machine (CI runs on
    // the developer's own, maybe loaded) misses it. Waits end when the thing happens, or fail late.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    hookTimeout: 60_000,
  },
});
