// @ts-check
/**
 * Writes the scored text of a page for hand labelling: Readability's `textContent` with white
 * space collapsed (`tests/fixtures/gold/<name>.body.txt`), and says the language Readability
 * reports, which the folds record (tests/entities/folds.ts).
 *
 *   node scripts/gold-body.mjs <source.html> <name>          write the body file
 *   node scripts/gold-body.mjs --check <source.html> <name>  say whether it still matches
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { offlineParser } from './lib/offline-parser.mjs';
import { REPO } from './lib/paths.mjs';

const check = process.argv[2] === '--check';
const [source, name] = process.argv.slice(check ? 3 : 2);
if (!source || !name) {
  console.error('usage: node scripts/gold-body.mjs [--check] <source.html> <name>');
  process.exit(2);
}
const article = new Readability(offlineParser().parseFromString(readFileSync(source, 'utf8'), 'text/html')).parse();
if (!article?.textContent) {
  console.error(`${source}: Readability found no article`);
  process.exit(1);
}
const text = article.textContent.replace(/\s+/g, ' ').trim();
const file = join(REPO, `tests/fixtures/gold/${name}.body.txt`);
if (check) {
  const same = readFileSync(file, 'utf8') === text;
  console.log(`${name}: ${same ? 'matches' : 'differs from'} ${file} (lang ${article.lang ?? 'none'})`);
  process.exit(same ? 0 : 1);
}
writeFileSync(file, text);
console.log(`${name}: ${text.length} characters written to ${file} (lang ${article.lang ?? 'none'})`);
