// @ts-check
/** The pages a bench visits: the seed, the shared corpus and a non-article, or a folder of one's own. */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { CORPUS_DIR, FIXTURE_PAGES, SEED_PATH, SHARED } from './paths.mjs';

/**
 * @typedef {{ name: string, path: string }} BenchPage a page's name and its URL path on the server
 * @typedef {{ mounts: Record<string, string>, pages: BenchPage[] }} PageSet
 */

/**
 * Pages in `dir`: each `<name>/source.html`, and each `*.html` directly in it.
 * @param {string} dir @param {string} prefix URL prefix the folder is served under
 * @returns {BenchPage[]}
 */
export function pagesIn(dir, prefix) {
  /** @type {BenchPage[]} */
  const pages = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && existsSync(join(dir, entry.name, 'source.html'))) {
      pages.push({ name: entry.name, path: `${prefix}${entry.name}/source.html` });
    } else if (entry.isFile() && entry.name.endsWith('.html')) {
      pages.push({ name: basename(entry.name, '.html'), path: `${prefix}${entry.name}` });
    }
  }
  return pages;
}

/**
 * The default set (seed, corpus, one non-article page), or the pages of `dir`.
 * @param {string | null} dir
 * @returns {PageSet}
 */
export function benchPages(dir) {
  if (dir) {
    const root = resolve(dir);
    return { mounts: { '/pages/': root }, pages: pagesIn(root, '/pages/') };
  }
  return {
    mounts: { '/shared/': SHARED, '/fixtures/': FIXTURE_PAGES },
    pages: [
      { name: 'seed', path: SEED_PATH },
      ...pagesIn(CORPUS_DIR, '/shared/corpus/'),
      { name: 'non-article', path: '/fixtures/non-article.html' },
    ],
  };
}
