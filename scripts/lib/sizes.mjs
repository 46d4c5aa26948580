// @ts-check
/** Raw and gzip sizes of the built extension's scripts, styles and pages. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * @param {string} dir the built extension
 * @returns {{ file: string, bytes: number, gzip: number }[]}
 */
export function bundleSizes(dir) {
  /** @type {{ file: string, bytes: number, gzip: number }[]} */
  const sizes = [];
  /** @param {string} folder */
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|css|html)$/.test(entry.name)) {
        const body = readFileSync(path);
        sizes.push({ file: relative(dir, path), bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
      }
    }
  };
  walk(dir);
  return sizes.sort((a, b) => a.file.localeCompare(b.file));
}
