/**
 * Anchoring against real article texts (the text models of the seed and the corpus pages) and
 * generated edits. The quote is marked in the text with two private-use characters, the edit is
 * applied to the marked text, and the marks then say where the passage truly is (or that it is
 * gone). An anchor is wrong when it lands anywhere else: that must never happen. (One exception
 * is counted apart: an identical twin — the same quote with the same 32 characters on each side —
 * is the same text by every measure a reader or Gloss has; page chrome repeats such blocks.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor } from '@/utils/anchoring/anchor';
import { describeText } from '@/utils/anchoring/selectors';
import { extractArticle, parsePage } from '@/utils/article/extract';
import { locateArticle } from '@/utils/article/locate-article';
import { CORPUS_DIR, SHARED } from '../../scripts/lib/paths.mjs';
import { offlineParser } from '../../scripts/lib/offline-parser.mjs';
import { seededRandom } from '../support/random';

const OPEN = '\ue000';
const CLOSE = '\ue001';

function articleText(html: string): string {
  const live = offlineParser().parseFromString(html, 'text/html');
  const extract = extractArticle(parsePage(html, 'http://fakehost/a', offlineParser()))!;
  return locateArticle(live, extract.texts, extract.meta.title)!.model.text;
}

const pages = [
  readFileSync(join(SHARED, 'seed/kcna-songchon-speech.html'), 'utf8'),
  ...readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readFileSync(join(CORPUS_DIR, entry.name, 'source.html'), 'utf8')),
]
  .map(articleText)
  .filter((text) => text.length > 1500);

type Random = ReturnType<typeof seededRandom>;
const EDITS = ['insert-before', 'delete-before', 'words-inside', 'words-around', 'reorder', 'punctuation', 'removed'] as const;
type Edit = (typeof EDITS)[number];
const QUOTES = ['short', 'long', 'entity', 'repeated'] as const;

/** A quote [start, end) of the chosen kind in `text`, on word boundaries, or null. */
function pickQuote(text: string, kind: (typeof QUOTES)[number], random: Random): [number, number] | null {
  const words = [...text.matchAll(/[^\s]+/g)].map((m) => [m.index!, m.index! + m[0].length] as [number, number]);
  if (words.length < 60) return null;
  if (kind === 'entity') {
    const names = [...text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)+/g)];
    if (!names.length) return null;
    const m = random.pick(names);
    return [m.index!, m.index! + m[0].length];
  }
  if (kind === 'repeated') {
    const counts = new Map<string, number[]>();
    for (let i = 0; i + 2 < words.length; i++) {
      const phrase = text.slice(words[i]![0], words[i + 2]![1]);
      if (!phrase.includes('\n')) counts.set(phrase, [...(counts.get(phrase) ?? []), words[i]![0]]);
    }
    const repeated = [...counts].filter(([, at]) => at.length > 1);
    if (!repeated.length) return null;
    const [phrase, at] = random.pick(repeated);
    const start = random.pick(at);
    return [start, start + phrase.length];
  }
  const length = kind === 'short' ? 2 + random.int(3) : 15 + random.int(25);
  for (let tries = 0; tries < 20; tries++) {
    const i = random.int(words.length - length);
    const [start, end] = [words[i]![0], words[i + length - 1]![1]];
    if (!text.slice(start, end).includes('\n')) return [start, end];
  }
  return null;
}

const SPARE = 'Officials said the figures would be released later in the week, according to the statement.';

/** Applies `edit` to the marked text; the marks move with the passage (or go with it). */
function applyEdit(marked: string, edit: Edit, random: Random): string {
  const paragraphs = marked.split('\n');
  const p = paragraphs.findIndex((para) => para.includes(OPEN));
  switch (edit) {
    case 'insert-before':
      paragraphs.splice(random.int(p + 1), 0, SPARE);
      return paragraphs.join('\n');
    case 'delete-before': {
      if (p === 0) return marked.replace(OPEN, `${OPEN}`); // nothing before: no edit
      paragraphs.splice(random.int(p), 1);
      return paragraphs.join('\n');
    }
    case 'words-inside': {
      const inside = marked.slice(marked.indexOf(OPEN) + 1, marked.indexOf(CLOSE));
      const words = [...inside.matchAll(/[A-Za-z]{4,}/g)];
      if (words.length < 4) return marked;
      const w = random.pick(words.slice(1, -1));
      const at = marked.indexOf(OPEN) + 1 + w.index!;
      return marked.slice(0, at) + 'changed' + marked.slice(at + w[0].length);
    }
    case 'words-around': {
      const before = marked.slice(0, marked.indexOf(OPEN));
      const m = [...before.slice(-30).matchAll(/[A-Za-z]{3,}/g)].at(-1);
      if (!m) return marked;
      const at = before.length - 30 + m.index!;
      return marked.slice(0, Math.max(0, at)) + 'altered' + marked.slice(Math.max(0, at) + m[0].length);
    }
    case 'reorder': {
      const [moved] = paragraphs.splice(p, 1);
      paragraphs.splice(random.int(paragraphs.length + 1), 0, moved!);
      return paragraphs.join('\n');
    }
    case 'punctuation':
      return paragraphs.map((para, i) => (i === p ? para.replace(/, /g, ' , ').replace(/’/g, "'").replace(/ {2,}/g, '  ') : para)).join('\n');
    case 'removed':
      return marked.slice(0, marked.indexOf(OPEN)) + marked.slice(marked.indexOf(CLOSE) + 1);
  }
}

describe('anchoring/anchor on real articles with generated edits', () => {
  const random = seededRandom(20261128);
  const results = new Map<Edit, { anchored: number; orphaned: number; wrong: number; twins: number }>(
    EDITS.map((e) => [e, { anchored: 0, orphaned: 0, wrong: 0, twins: 0 }]),
  );
  const failures: string[] = [];
  let cases = 0;

  for (let round = 0; cases < 2100 && round < 5000; round++) {
    const text = random.pick(pages);
    const kind = random.pick(QUOTES);
    const edit = random.pick(EDITS);
    const quote = pickQuote(text, kind, random);
    if (!quote) continue;
    const [start, end] = quote;
    const selectors = describeText(text, start, end);
    const marked = text.slice(0, start) + OPEN + text.slice(start, end) + CLOSE + text.slice(end);
    const edited = applyEdit(marked, edit, random);
    const open = edited.indexOf(OPEN);
    const truth = open === -1 ? null : { start: open, end: edited.indexOf(CLOSE) - 1 };
    const plain = edited.replace(OPEN, '').replace(CLOSE, '');
    const found = anchor(plain, selectors.quote, selectors.position);
    const tally = results.get(edit)!;
    cases++;
    if (!found) tally.orphaned++;
    else if (truth && found.start < truth.end && found.end > truth.start) tally.anchored++;
    else if (describeText(plain, found.start, found.end).quote.prefix === selectors.quote.prefix && describeText(plain, found.start, found.end).quote.suffix === selectors.quote.suffix && plain.slice(found.start, found.end) === selectors.quote.exact) tally.twins++;
    else {
      tally.wrong++;
      failures.push(`${edit}/${kind} "${selectors.quote.exact.slice(0, 60)}" → ${found.method} "${plain.slice(found.start, found.end).slice(0, 60)}"`);
    }
  }

  it(`runs at least 2,000 cases (${cases})`, () => {
    expect(cases).toBeGreaterThanOrEqual(2000);
  });

  it('never anchors a passage to the wrong text', () => {
    expect(failures).toEqual([]);
  });

  it('finds passages again after edits that keep them', () => {
    const report = [...results]
      .map(([edit, r]) => `${edit}: ${r.anchored} anchored, ${r.orphaned} orphaned, ${r.twins} identical twins, ${r.wrong} wrong`)
      .join('\n');
    console.log(`anchoring on ${pages.length} articles, ${cases} cases\n${report}`);
    for (const edit of ['insert-before', 'delete-before', 'reorder', 'punctuation'] as const) {
      const r = results.get(edit)!;
      expect(r.anchored / (r.anchored + r.orphaned), `${edit}\n${report}`).toBeGreaterThan(0.8);
    }
    expect(results.get('removed')!.anchored, report).toBe(0);
  });
});
