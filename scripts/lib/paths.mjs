// @ts-check
/** Where things are: the repo, the built extension, and the shared pages beside the repo. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(REPO, '../shared');
export const EXTENSION_DIR = resolve(REPO, '.output/chrome-mv3');
/** The bench's build, which leaves `performance` entries on pages (GLOSS_MEASURES=1, see wxt.config.ts). */
export const BENCH_EXTENSION_DIR = resolve(REPO, '.output-bench/chrome-mv3');
export const FIXTURE_PAGES = resolve(REPO, 'tests/fixtures/pages');
export const SEED_PATH = '/shared/seed/kcna-songchon-speech.html';
export const CORPUS_DIR = resolve(SHARED, 'corpus');
