// @ts-check
/**
 * Bundles one of Gloss's pure modules into a standalone ES module with Vite, so the bench can
 * run it in Node and in a Chromium page alike.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { REPO } from './paths.mjs';

/**
 * @param {string} entry path from the repo root, e.g. "utils/entities/recognizer.ts"
 * @param {string} name output file name without extension
 * @param {{ compileHint?: boolean }} [options] `compileHint`: as code of the extension's background
 *   (wxt.config.ts `compileHint`), V8 compiles every function on load
 * @returns {Promise<string>} the bundle's absolute path
 */
export async function bundle(entry, name, { compileHint = false } = {}) {
  const outDir = resolve(REPO, '.output/bench');
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': REPO } },
    // As the extension's build (wxt.config.ts ESBUILD_OPTIONS): strings as strings, in ASCII, which V8 reads faster.
    esbuild: { supported: { 'template-literal': false }, charset: 'ascii' },
    plugins: compileHint ? [
      {
        name: 'compile-hint',
        /** @param {unknown} _options @param {Record<string, { type: string, code?: string }>} files */
        generateBundle(_options, files) {
          for (const file of Object.values(files)) if (file.type === 'chunk') file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
        },
      },
    ] : [],
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      lib: { entry: resolve(REPO, entry), formats: ['es'], fileName: () => `${name}.js` },
      // One file, whatever the module imports on demand (the database's schema history): the bench
      // copies the bundle alone where it runs.
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  });
  return resolve(outDir, `${name}.js`);
}
