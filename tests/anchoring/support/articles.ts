/**
 * The real article texts the generated anchoring suites run on (the text models of the seed and
 * the corpus pages), split as they were used: anchoring's thresholds were tuned on the TUNING
 * pages only; the HELD_OUT pages were set aside before the repeated-passage work began and are
 * reported apart, so their figures say how the rules do on pages nobody tuned them on.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, parsePage } from '@/utils/article/extract';
import { locateArticle } from '@/utils/article/locate-article';
import { CORPUS_DIR, SHARED } from '../../../scripts/lib/paths.mjs';
import { offlineParser } from '../../../scripts/lib/offline-parser.mjs';

export type Group = 'seed' | 'tuning' | 'held-out';

/** Corpus pages not looked at while tuning the repeated-passage rules (decided before tuning). */
export const HELD_OUT = ['nytimes-1', 'rtl-1', 'salon-1', 'telegraph', 'theverge', 'wapo-1'];

export interface Article {
  name: string;
  group: Group;
  text: string;
}

function articleText(html: string): string {
  const live = offlineParser().parseFromString(html, 'text/html');
  const extract = extractArticle(parsePage(html, 'http://fakehost/a', offlineParser()))!;
  return locateArticle(live, extract.texts, extract.meta.title)!.model.text;
}

/** Every article long enough to edit (1,500 characters of text or more). */
export function loadArticles(): Article[] {
  const corpus = readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return [
    { name: 'seed', group: 'seed' as Group, html: readFileSync(join(SHARED, 'seed/kcna-songchon-speech.html'), 'utf8') },
    ...corpus.map((name) => ({ name, group: (HELD_OUT.includes(name) ? 'held-out' : 'tuning') as Group, html: readFileSync(join(CORPUS_DIR, name, 'source.html'), 'utf8') })),
  ]
    .map(({ name, group, html }) => ({ name, group, text: articleText(html) }))
    .filter((article) => article.text.length > 1500);
}
