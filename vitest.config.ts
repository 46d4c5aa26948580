import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: happy-dom, WXT's fake browser, fake-indexeddb. Browser tests live in tests/e2e
// and run under vitest.e2e.config.ts against real Chromium.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    // No test document may fetch what it references (real pages go through offlineParser()).
    environmentOptions: {
      happyDOM: {
        settings: {
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          disableIframePageLoading: true,
          handleDisabledFileLoadingAsSuccess: true,
        },
      },
    },
    setupFiles: ['fake-indexeddb/auto'],
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'tests/e2e-firefox/**'],
    // A guard against a hung test, not a speed bound (speed is the bench's): 5 s failed tests of
    // 5 MB inputs on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
