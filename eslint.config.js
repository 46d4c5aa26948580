import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.output-bench/', '.output-floor/', '.wxt/', 'node_modules/', 'bench-results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // TypeScript checks names itself, including WXT's auto-imports, which ESLint cannot see.
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Code that runs in pages (and the note frame inside them) may be on plain http, which is no
    // secure context: these APIs are missing there (utils/ids.ts makes ids with getRandomValues).
    files: ['entrypoints/gloss*/**', 'entrypoints/note-form/**', 'components/page/**', 'components/common/**', 'utils/page/**', 'utils/highlight/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'crypto', property: 'randomUUID', message: 'Not in insecure contexts: use newId() from utils/ids.ts.' },
        { object: 'crypto', property: 'subtle', message: 'Not in insecure contexts (plain-http pages).' },
        { object: 'navigator', property: 'clipboard', message: 'Not in insecure contexts (plain-http pages).' },
      ],
    },
  },
  {
    // Schemas and messages shared with the content scripts build their texts when a page loads:
    // the first Intl call in a content script costs the page ~50 ms (see utils/text/count.ts).
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['tests/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='toLocaleString']", message: 'Use formatCount() from utils/text/count.ts: Intl costs a page ~50 ms on first use.' },
      ],
    },
  },
);
