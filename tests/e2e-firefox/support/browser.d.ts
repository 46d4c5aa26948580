// Code passed to `evaluate` in Gloss's pages runs with the extension's API, which Firefox calls `browser`.
declare const browser: typeof import('wxt/browser').browser;
