// Code passed to `evaluate` runs in the extension's own contexts, where `chrome` is the API.
declare const chrome: typeof import('wxt/browser').browser;
