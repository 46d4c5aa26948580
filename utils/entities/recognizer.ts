/**
 * A ready recognizer: the built-in name lists plus the term lists the reader has enabled.
 * Building the indexes is the cold-start cost (measured by `npm run bench`); build once per
 * context and rebuild only the term index when a watchlist changes.
 */
import { buildNameLists, loadNameIndex, loadRomanizedIndex } from './gazetteer';
import { recognize, type RecognizeOptions, type RecognizerData } from './recognize';
import { BUILT_IN_TERM_LISTS, indexTermLists, type TermList, type TermListProblem } from './term-lists';
import type { EntitySpan } from './types';

export interface Recognizer {
  /** Spans in `text`; on a page whose `lang` is not English, dates and terms only. */
  recognize(text: string, options?: RecognizeOptions): EntitySpan[];
  /** Replaces the term lists (built-in and the reader's); returns the entries that were left out. */
  setTermLists(lists: readonly TermList[]): TermListProblem[];
}

export function createRecognizer(termLists: readonly TermList[] = BUILT_IN_TERM_LISTS): Recognizer {
  // The built-in lists have no unusable entry (a test checks); the reader's come in by setTermLists.
  // The spelling keys of the lists are built on first need: most texts never ask.
  let romanized: Map<string, string> | null = null;
  const data: RecognizerData = {
    names: loadNameIndex(),
    terms: indexTermLists(termLists).index,
    nameLists: buildNameLists(),
    romanized: (type, spelling) => (romanized ??= loadRomanizedIndex()).get(`${type}:${spelling}`),
  };
  return {
    recognize: (text, options) => recognize(text, data, options),
    setTermLists(lists) {
      const built = indexTermLists(lists);
      data.terms = built.index;
      return built.problems;
    },
  };
}
