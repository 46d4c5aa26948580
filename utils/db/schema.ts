/**
 * Every version of Gloss's IndexedDB schema, oldest first: its tables (schema-stores.ts) and, where
 * data must be reshaped, its upgrade. What opening a database at an older version needs.
 */
import type { Transaction } from 'dexie';
import type { ArticleRecord } from '../article/types';
import { summaryWords } from '../search/name-words';
import { indexWords } from '../search/words';
import { countsFromSummaries } from './article-counts';
import { fileByOutletDay } from './outlet-days';
import { fillPeriods } from './periods-from-mentions';
import { mergeKeysWithoutPossessives } from './possessive-keys';
import { eachAnnotationStep } from './annotation-steps';
import { commonWords, countStoredWords, listWords, writeLabels } from './labels';
import { SCHEMA_STORES, type SchemaStores } from './schema-stores';

export interface SchemaVersion extends SchemaStores {
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/** The upgrades, by the version that brings them (see each version's note in schema-stores.ts). */
const UPGRADES: Readonly<Record<number, SchemaVersion['upgrade']>> = {
  3: async (tx) => {
    await tx
      .table('annotations')
      .toCollection()
      .modify((annotation: Record<string, unknown>) => {
        annotation.color ??= 'yellow';
        annotation.note ??= '';
        annotation.tags ??= [];
        annotation.textHash ??= '';
      });
  },
  4: recomputeWords,
  6: async (tx) => {
    await tx
      .table('annotations')
      .toCollection()
      .modify((annotation: Record<string, unknown>) => {
        annotation.rev ??= 1;
      });
  },
  9: recomputeWords,
  11: async (tx) => {
    await tx.table('articleCounts').put(await countsFromSummaries(tx));
  },
  12: fillPeriods,
  13: async (tx) => {
    await tx
      .table('entities')
      .toCollection()
      .modify((summary: { name: string; variants: string[]; words?: string[] }) => {
        summary.words = summaryWords(summary);
      });
  },
  14: fileByOutletDay,
  16: fillLabels,
  17: listCommonWords,
  18: (tx) => mergeKeysWithoutPossessives(tx),
};

export const SCHEMA_HISTORY: readonly SchemaVersion[] = SCHEMA_STORES.map((stores) => ({ ...stores, upgrade: UPGRADES[stores.version] }));

/** Every annotation's search words, computed again (when what words.ts stores has changed). */
async function recomputeWords(tx: Transaction): Promise<void> {
  const articles = new Map<string, ArticleRecord>();
  await tx
    .table('articles')
    .each((article: ArticleRecord) => void articles.set(article.id, article));
  await tx
    .table('annotations')
    .toCollection()
    .modify((annotation: Record<string, unknown>) => {
      annotation.words = indexWords(annotation, articles.get(annotation.articleId as string));
    });
}

/** Annotations read per step when filling the labels: a large library is not held at once. */
const LABEL_STEP = 1000;

/** Every annotation's labels (labels.ts), from what is stored with it. */
async function fillLabels(tx: Transaction): Promise<void> {
  await eachAnnotationStep(tx.table('annotations'), LABEL_STEP, (step) => writeLabels(tx.table('labels'), step.map((after) => ({ after }))));
}

/** Lists for the words of many annotations (labels.ts `listWords`), counted from the stored words. */
async function listCommonWords(tx: Transaction): Promise<void> {
  await listWords(tx.table('annotations'), tx.table('labels'), commonWords(await countStoredWords(tx.table('annotations'))));
}

