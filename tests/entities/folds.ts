/**
 * The k-fold split of the 13 corpus pages for measuring the recognizer on pages it was not tuned
 * on, and the scoring of a fold. Fixed here once: a fold's pages are its held-out set, the other
 * folds are the tuning set. Each page carries the language Readability reports for it (`lang`,
 * null when the page gives none); a page in another language than English is scored on dates
 * only, and any name marked on it counts as a false positive (Gloss has no name model for it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntitySpan, EntityType } from '@/utils/entities/types';
import { REPO } from '../../scripts/lib/paths.mjs';
import { scoreType, type Gold } from '../support/gold-score';

export interface CorpusPage {
  name: string;
  lang: string | null;
}

/**
 * Eighteen folds. bbc-1, nytimes-1, wapo-1 and telegraph were tuned on before this split existed;
 * they are spread over folds 1 and 2. Folds 3 and 4 held the other corpus pages, untouched when
 * the split was set (held-out micro F1 then: fold 3 0.70, fold 4 0.94). Folds 5 and 6 are 13
 * more real news pages from Readability's test suite, labelled by hand by readers who never ran
 * the recognizer on them (untouched figure when they came: fold 5 0.71, fold 6 0.81).
 * Folds 7, 8 and 9 are 25 more pages of that suite (news, science, blogs, how-tos), labelled
 * the same way (untouched figures when they came: 0.83, 0.74 and 0.37). Rotation, session 5:
 * fold 3 joined the tuning folds, then fold 5 (its figure when rotated in: 0.72), fold 6 (0.83),
 * fold 7 (0.84) and fold 9 (0.37: rotated in before fold 8 because its precision had collapsed,
 * 0.27, on code-heavy blogs); folds 4 and 8 were never inspected in session 5 (0.80 together).
 * Folds 10, 11 and 12 are 36 news pages from the test fixtures of Postlight's Parser (pp-*),
 * labelled the same way, 1,521 mentions (untouched figures when they came, session 6: 0.88,
 * 0.87 and 0.83; 0.86 together). Session 6 rotated folds 4 and 8 in with them, then fold 10
 * (folds 11 and 12 after tuning on it: 0.88 and 0.83, 0.86 together). Folds 13, 14 and 15 are
 * 36 news pages of Scrapinghub's Article Extraction Benchmark (sh-*), labelled the same way,
 * 2,154 mentions (untouched figures when they came, session 6: 0.89, 0.86 and 0.74; 0.83
 * together, ORG recall 0.65, PLACE recall 0.69). Then folds 11 and 12 joined the tuning folds;
 * after tuning on them and growing the lists from general knowledge, folds 13 to 15: 0.91, 0.90
 * and 0.79 (0.86 together; ORG recall 0.70). Session 7 rotated folds 13 to 15 in. Folds 16, 17
 * and 18 are 36 more pages of the same benchmark (sh2-*: the first 36 English news and magazine
 * articles in the order of their file names among the pages not yet used), labelled the same way
 * (untouched figures when they came, session 7: 0.87, 0.81 and 0.89; 0.86 together, PERSON recall
 * 0.73). Fold 16 then joined the tuning folds; folds 17 and 18 stay held out.
 */
export const FOLDS: readonly (readonly CorpusPage[])[] = [
  [
    { name: 'bbc-1', lang: 'en' },
    { name: 'nytimes-1', lang: 'en' },
    { name: 'wapo-1', lang: null },
    { name: 'mozilla-1', lang: 'en' },
  ],
  [
    { name: 'telegraph', lang: 'en-GB' },
    { name: 'salon-1', lang: null },
    { name: 'liberation-1', lang: 'fr' },
  ],
  [
    { name: 'herald-sun-1', lang: 'en-au' },
    { name: 'theverge', lang: 'en' },
    { name: 'rtl-1', lang: null },
  ],
  [
    { name: 'cnn', lang: null },
    { name: 'ars-1', lang: 'en-us' },
    { name: 'lemonde-1', lang: 'fr' },
  ],
  [
    { name: 'guardian-1', lang: 'en' },
    { name: 'nytimes-2', lang: 'en' },
    { name: 'breitbart', lang: 'en' },
    { name: 'msn', lang: 'en-US' },
    { name: 'tmz-1', lang: null },
    { name: 'yahoo-3', lang: 'en-US' },
    { name: 'folha', lang: 'pt-BR' },
  ],
  [
    { name: 'nytimes-3', lang: 'en' },
    { name: 'nytimes-4', lang: 'en' },
    { name: 'buzzfeed-1', lang: 'en' },
    { name: 'seattletimes-1', lang: 'en-US' },
    { name: 'wapo-2', lang: null },
    { name: 'nytimes-5', lang: 'es' },
  ],
  [
    { name: 'aclu', lang: 'en' },
    { name: 'citylab-1', lang: 'en' },
    { name: 'engadget', lang: 'en' },
    { name: 'medicalnewstoday', lang: 'en' },
    { name: 'quanta-1', lang: 'en' },
    { name: 'yahoo-1', lang: 'en-US' },
    { name: 'yahoo-2', lang: 'en-US' },
  ],
  [
    { name: 'medium-1', lang: null },
    { name: 'medium-2', lang: null },
    { name: 'webmd-1', lang: 'en' },
    { name: 'webmd-2', lang: 'en' },
    { name: 'simplyfound-1', lang: 'en' },
    { name: 'firefox-nightly-blog', lang: 'en-US' },
    { name: 'iab-1', lang: 'en-US' },
    { name: 'spiceworks', lang: 'en-US' },
    { name: 'tumblr', lang: 'en' },
    { name: 'wordpress', lang: 'en-US' },
  ],
  [
    { name: 'dropbox-blog', lang: 'en' },
    { name: 'gitlab-blog', lang: 'en-us' },
    { name: 'ehow-1', lang: 'en-US' },
    { name: 'ehow-2', lang: 'en-US' },
    { name: 'mozilla-2', lang: 'en' },
    { name: 'lifehacker-working', lang: 'en-US' },
    { name: 'v8-blog', lang: 'en' },
    { name: 'blogger', lang: null },
  ],
  [
    { name: 'pp-reuters', lang: 'en' },
    { name: 'pp-npr', lang: 'en' },
    { name: 'pp-abcnews', lang: 'en' },
    { name: 'pp-cbc', lang: 'en' },
    { name: 'pp-al', lang: 'en' },
    { name: 'pp-qz', lang: 'en' },
    { name: 'pp-fortune', lang: 'en-us' },
    { name: 'pp-money-cnn', lang: null },
    { name: 'pp-natgeo', lang: null },
    { name: 'pp-sandiego', lang: 'en-US' },
    { name: 'pp-timesofindia', lang: 'en' },
    { name: 'pp-chicagotribune', lang: 'en-US' },
  ],
  [
    { name: 'pp-nbcnews', lang: 'en' },
    { name: 'pp-cnbc', lang: 'en' },
    { name: 'pp-bloomberg-news', lang: null },
    { name: 'pp-msnbc', lang: 'en' },
    { name: 'pp-washingtonpost', lang: 'en' },
    { name: 'pp-theatlantic', lang: 'en' },
    { name: 'pp-miamiherald', lang: 'en' },
    { name: 'pp-politico-2', lang: 'en' },
    { name: 'pp-rawstory', lang: 'en' },
    { name: 'pp-nydailynews', lang: 'en-US' },
    { name: 'pp-investmentexecutive', lang: 'en-US' },
    { name: 'pp-thepoliticalinsider', lang: 'en' },
  ],
  [
    { name: 'pp-people', lang: 'en' },
    { name: 'pp-pitchfork', lang: 'en-US' },
    { name: 'pp-cbssports', lang: 'en' },
    { name: 'pp-macrumors', lang: 'en' },
    { name: 'pp-fool', lang: 'en' },
    { name: 'pp-observer', lang: 'en-US' },
    { name: 'pp-forward', lang: 'en' },
    { name: 'pp-huffingtonpost', lang: 'en-US' },
    { name: 'pp-newrepublic', lang: 'en-us' },
    { name: 'pp-aol', lang: 'en' },
    { name: 'pp-wired', lang: 'en-US' },
    { name: 'pp-deadline', lang: 'en-US' },
  ],
  [
    { name: 'sh-aljazeera', lang: null },
    { name: 'sh-bbc', lang: 'en' },
    { name: 'sh-bbc-2', lang: 'en' },
    { name: 'sh-cbsnews', lang: 'en-US' },
    { name: 'sh-cnn', lang: null },
    { name: 'sh-foxnews', lang: null },
    { name: 'sh-hosted-ap-org', lang: 'en' },
    { name: 'sh-hosted-ap-org-2', lang: 'en' },
    { name: 'sh-reuters', lang: 'en' },
    { name: 'sh-theguardian', lang: 'en' },
    { name: 'sh-thehill', lang: null },
    { name: 'sh-washingtonexaminer', lang: 'en' },
  ],
  [
    { name: 'sh-albawaba', lang: 'en' },
    { name: 'sh-deccanherald', lang: null },
    { name: 'sh-detroitnews', lang: 'en' },
    { name: 'sh-ctpost', lang: null },
    { name: 'sh-latimes', lang: 'en-US' },
    { name: 'sh-nbcdfw', lang: 'en' },
    { name: 'sh-news-sky', lang: 'en' },
    { name: 'sh-oregonlive', lang: 'en' },
    { name: 'sh-spokesman', lang: 'en' },
    { name: 'sh-timesunion', lang: 'en-US' },
    { name: 'sh-twincities', lang: 'en-US' },
    { name: 'sh-sputniknews', lang: 'en' },
  ],
  [
    { name: 'sh-9to5mac', lang: 'en-US' },
    { name: 'sh-bgr', lang: 'en' },
    { name: 'sh-billboard', lang: null },
    { name: 'sh-gizmodo', lang: 'en-us' },
    { name: 'sh-livescience', lang: 'en' },
    { name: 'sh-phys-org', lang: null },
    { name: 'sh-space', lang: 'en' },
    { name: 'sh-spacenews', lang: 'en-US' },
    { name: 'sh-sportsnet-ca', lang: 'en' },
    { name: 'sh-rollingstone', lang: 'en-US' },
    { name: 'sh-venturebeat', lang: 'en-US' },
    { name: 'sh-zdnet', lang: 'en' },
  ],
  [
    { name: 'sh2-wsj', lang: 'en-US' },
    { name: 'sh2-nytimes', lang: 'en-US' },
    { name: 'sh2-slashgear', lang: 'en-US' },
    { name: 'sh2-newsnation', lang: 'en' },
    { name: 'sh2-cbssports', lang: 'en' },
    { name: 'sh2-theparadigmng', lang: 'en-US' },
    { name: 'sh2-sciencealert', lang: 'en-gb' },
    { name: 'sh2-thehill', lang: null },
    { name: 'sh2-vox', lang: 'en' },
    { name: 'sh2-techcrunch', lang: 'en-US' },
    { name: 'sh2-polygraph', lang: 'en' },
    { name: 'sh2-macrumors', lang: 'en' },
  ],
  [
    { name: 'sh2-ign', lang: 'en' },
    { name: 'sh2-crn', lang: null },
    { name: 'sh2-cbsnews', lang: 'en-US' },
    { name: 'sh2-wired', lang: 'en' },
    { name: 'sh2-morebikes', lang: 'en-GB' },
    { name: 'sh2-inexhibit', lang: 'en' },
    { name: 'sh2-linknaija', lang: null },
    { name: 'sh2-linknaija-2', lang: null },
    { name: 'sh2-sciencealert-2', lang: 'en-gb' },
    { name: 'sh2-cleveland', lang: 'en' },
    { name: 'sh2-cityam', lang: 'en-GB' },
    { name: 'sh2-cnbc', lang: 'en' },
  ],
  [
    { name: 'sh2-deccanherald', lang: null },
    { name: 'sh2-slashgear-2', lang: 'en-US' },
    { name: 'sh2-autoindustriya', lang: 'en' },
    { name: 'sh2-catchitkansas', lang: 'en' },
    { name: 'sh2-indiewire', lang: 'en' },
    { name: 'sh2-njcom', lang: 'en' },
    { name: 'sh2-nypost', lang: 'en' },
    { name: 'sh2-rt', lang: 'en' },
    { name: 'sh2-foxbusiness', lang: null },
    { name: 'sh2-dealbreaker', lang: 'en-us' },
    { name: 'sh2-nbcnews', lang: 'en' },
    { name: 'sh2-sfgate', lang: null },
  ],
];

/** Folds whose errors may be looked at while tuning; the others are scored, never inspected. */
export const TUNING_FOLDS: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

export const NAME_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE'];
export const SCORED_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'DATE'];

/** English, or a page that does not say (most of the web that omits `lang` is English). */
export const isEnglish = (lang: string | null) => lang === null || /^en\b/i.test(lang);

export interface LoadedPage extends CorpusPage {
  text: string;
  gold: Gold;
}

export function loadPage(page: CorpusPage): LoadedPage {
  const text = readFileSync(join(REPO, `tests/fixtures/gold/${page.name}.body.txt`), 'utf8');
  const gold = JSON.parse(readFileSync(join(REPO, `tests/fixtures/gold/${page.name}.json`), 'utf8')) as Gold;
  if (isEnglish(page.lang)) return { ...page, text, gold };
  // Another language: names are not asked for, so any name marked is a false positive.
  return { ...page, text, gold: { ...gold, PERSON: {}, ORG: {}, PLACE: {} } };
}

export interface Tally {
  tp: number;
  predicted: number;
  gold: number;
}

export const precisionOf = (t: Tally) => (t.predicted ? t.tp / t.predicted : t.gold ? 0 : 1);
export const recallOf = (t: Tally) => (t.gold ? t.tp / t.gold : 1);
export const f1Of = (t: Tally) => {
  const p = precisionOf(t);
  const r = recallOf(t);
  return p + r ? (2 * p * r) / (p + r) : 0;
};

export interface FoldScore {
  pages: string[];
  micro: Tally;
  byType: Record<string, Tally>;
}

/** Micro and per-type tallies over some pages, with what `recognize` marks on each. */
export function scorePages(pages: readonly LoadedPage[], recognize: (text: string, lang: string | null) => EntitySpan[]): FoldScore {
  const micro: Tally = { tp: 0, predicted: 0, gold: 0 };
  const byType: Record<string, Tally> = Object.fromEntries(SCORED_TYPES.map((t) => [t, { tp: 0, predicted: 0, gold: 0 }]));
  for (const page of pages) {
    const spans = recognize(page.text, page.lang);
    for (const type of SCORED_TYPES) {
      const score = scoreType(page.text, spans, page.gold, type);
      for (const tally of [micro, byType[type] as Tally]) {
        tally.tp += score.tp;
        tally.predicted += score.predicted;
        tally.gold += score.gold;
      }
    }
  }
  return { pages: pages.map((p) => p.name), micro, byType };
}

const pct = (x: number) => x.toFixed(2);

/** One line per fold: micro P/R/F1, then P/R per type. */
export function formatFold(label: string, score: FoldScore): string {
  const types = SCORED_TYPES.map((t) => {
    const tally = score.byType[t] as Tally;
    return `${t} P=${pct(precisionOf(tally))} R=${pct(recallOf(tally))} (${tally.tp}/${tally.predicted}/${tally.gold})`;
  });
  const m = score.micro;
  return `${label} [${score.pages.join(', ')}] micro P=${pct(precisionOf(m))} R=${pct(recallOf(m))} F1=${pct(f1Of(m))} | ${types.join(' | ')}`;
}
