import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import pkg from './package.json' with { type: 'json' };

// The oldest browsers Gloss is tested in (package.json "gloss.browsers"; scripts/ensure-browsers.sh
// installs or upgrades to them): Chromium 150 and Firefox ESR 140, Debian bookworm's own releases.
const floor = pkg.gloss.browsers;

/**
 * The bench's build (`GLOSS_MEASURES=1`, made by scripts/bench.mjs) leaves `performance` marks
 * and measures on the pages it runs on, which any page can read; the shipped build writes none
 * (utils/page/timeline.ts). It goes to its own folder, so it is never mistaken for the other.
 */
const measures = process.env.GLOSS_MEASURES === '1';

/**
 * How esbuild writes the code (the bench's bundles, scripts/lib/bundle.mjs, are made the same way).
 * Strings stay strings: esbuild otherwise writes a string with line breaks as a template literal,
 * which V8 scans at about twice a string's cost; the name index (utils/entities/name-index.txt,
 * 316 KB) is one, and as a string the recognizer's bundle loaded in 31 M fewer instructions in Node
 * (141 → 110 M). The code's own templates become concatenations, which mean the same. Strings in
 * ASCII, other characters escaped (Vite's default is UTF-8): 96 → 79 M.
 */
const ESBUILD_OPTIONS = { supported: { 'template-literal': false }, charset: 'ascii' } as const;

/**
 * V8's explicit compile hint, on the background's bundle only: every function in it is compiled as
 * the worker loads it, instead of on its first call. The recognizer's first call after the worker
 * starts was mostly compiling code met once; with the hint, the seed's first recognition in a
 * restarted browser went from 150 to 96 ms (median of 7, alternating, load ~8), and the bench's
 * cold start in a page from 303–359 to 231–263 ms; the worker's first extraction did not slow.
 * Firefox ignores the comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const compileHint = {
  name: 'gloss-compile-hint',
  generateBundle(_options: unknown, bundle: Record<string, { type: string; fileName: string; code?: string }>) {
    const background = bundle['background.js'];
    if (background?.type === 'chunk') background.code = `${COMPILE_HINT}\n${background.code}`;
  },
};

/**
 * Shared chunks smaller than this are merged into others (Rollup's `experimentalMinChunkSize`: a
 * page may then load code it does not run, never run code it did not before): the extension pages
 * loaded 7 to 21 chunks each, every one a request to the browser's process. The almost empty note form's first paint went from 92 to 60 ms (median of
 * 15, alternating, load ~2), the reader page loads 11 instead of 21. One chunk for everything
 * (two files a page) did not paint the reader sooner (180 → 182 ms) and slowed the note form (68 →
 * 80 ms): it is the bytes, not the requests, past this. (So a component loaded on demand may share
 * its chunk with code a page needs at once: the reader's comparison, made lazy, was still loaded.)
 */
const MIN_CHUNK_BYTES = 40_000;

// Gloss's build: one manifest for Chrome (MV3) and Firefox, Preact through its Vite preset.
export default defineConfig({
  ...(measures && { outDir: '.output-bench' }),
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description:
      'Mark up the news you read closely: entities, policy terms, your own highlights and notes — kept on your machine.',
    // `offscreen` hosts Readability off the page's main thread in Chrome; Firefox's background
    // page has a DOM of its own and needs no such document.
    // `scripting` starts the article script on article pages only (see entrypoints/gloss-loader).
    // `contextMenus` adds "Highlight with Gloss" on a selection. `unlimitedStorage` keeps years of
    // notes clear of the default quota (no install warning).
    permissions: [
      'storage',
      'unlimitedStorage',
      'scripting',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // The note form is an extension page the editor shows in an iframe (what the reader types
    // stays out of the page's reach); dynamic URLs keep pages from probing for Gloss by address.
    web_accessible_resources: [
      {
        resources: ['note-form.html', 'chunks/*', 'assets/*'],
        matches: ['http://*/*', 'https://*/*'],
        use_dynamic_url: true,
      },
    ],
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text with Gloss',
      },
      'open-library': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the Gloss library (entities and terms across articles)',
      },
    },
    // The page loader already runs on every http(s) page; declaring the same hosts adds no
    // warning, and lets the background start the article script and the popup read the loader.
    host_permissions: ['http://*/*', 'https://*/*'],
    // The page loader is a plain script on every page; the article script follows on articles.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['gloss-loader.js'], run_at: 'document_idle' }],
    // Messages are copied by the structured clone algorithm, as Firefox always does, not as JSON
    // (Chromium 148+): the page's HTML handed to the extension for reading was JSON-encoded on the
    // page's main thread, the largest single step of Gloss's work there.
    ...(browser !== 'firefox' && { minimum_chrome_version: String(floor.chromium), message_serialization: 'structured_clone' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // Firefox for Android is not tested; 142 is the first that reads data_collection_permissions.
        gecko_android: { strict_min_version: '142.0' },
        gecko: {
          id: 'gloss@gloss-reader.org',
          strict_min_version: `${floor.firefox}.0`,
          // Gloss collects nothing: every byte stays on the reader's machine.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  vite: () => ({
    plugins: [preact(), compileHint],
    esbuild: ESBUILD_OPTIONS,
    build: { rollupOptions: { output: { experimentalMinChunkSize: MIN_CHUNK_BYTES } } },
    define: { 'import.meta.env.GLOSS_MEASURES': JSON.stringify(measures) },
  }),
});
