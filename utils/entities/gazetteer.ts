/**
 * The built-in name lists as one index, built once per context (see `recognizer.ts` for the
 * cost). Lives in the extension (background), never in the page: the lists are ~100 KB.
 * The lists themselves are JSON files in data/ (data/README.md); the recognizer loads them filed
 * ahead by first word (name-index.txt, filed-names.ts), which only tests make from the lists.
 */
import familyNames from './data/family-names.json';
import givenNames from './data/given-names.json';
import organizations from './data/organizations.json';
import people from './data/people.json';
import places from './data/places.json';
import filedNames from './name-index.txt?raw';
import romanizedKeys from './romanized-index.json';
import { entriesOf, namesOf, type Entry, type Section } from './data/sections';
import type { FiledKind } from './filed-names';
import type { NameLists } from './names';
import { PhraseIndex } from './phrase-index';
import { spellingKey } from './variants';
import type { EntityType } from './types';

function addAll(index: PhraseIndex, entries: readonly Entry[], type: EntityType): void {
  for (const entry of entries) {
    if (typeof entry === 'string') index.add(entry, type, entry);
    else for (const name of entry) index.add(name, type, entry[0]);
  }
}

/** The list sections whose names are romanized Korean or Chinese (the others have no spelling key). */
const ROMANIZED_SECTIONS = /Korea|DPRK|Kangwon|Pyongyang|Chin|Taiwan|Hong Kong/;

/**
 * The listed Korean and Chinese names by type and spelling key (romanize.ts), for variants the
 * lists do not spell out ("Kim Chŏng-ŭn", "Pyeongyang", "Teng Hsiao-p'ing"). Made ahead into
 * romanized-index.json (tests/entities/romanized-index.test.ts checks it and rewrites it on
 * request): making it on a page's first call cost ~60 ms in Chromium.
 */
export function buildRomanizedIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const romanized = (sections: readonly Section[]) => entriesOf(sections.filter((section) => ROMANIZED_SECTIONS.test(section.section)));
  const lists: [readonly Entry[], EntityType][] = [[romanized(people), 'PERSON'], [romanized(organizations), 'ORG'], [romanized(places), 'PLACE']];
  for (const [entries, type] of lists) {
    for (const entry of entries) {
      const [key, ...aliases] = typeof entry === 'string' ? [entry] : entry;
      for (const name of [key, ...aliases]) {
        const spelling = spellingKey(name, type);
        const id = spelling && `${type}:${spelling}`;
        if (id && !index.has(id)) index.set(id, key);
      }
    }
  }
  return index;
}

/** The index as made ahead (romanized-index.json). */
export function loadRomanizedIndex(): Map<string, string> {
  return new Map(romanizedKeys.keys as [string, string][]);
}

/** The kinds of the name index (its types), in the order its lists are added (on an exact tie the earlier wins). */
export const NAME_INDEX_KINDS: readonly FiledKind[] = [['PERSON'], ['ORG'], ['PLACE']];

/**
 * The name index as made ahead (name-index.txt: each name filed under its first word, which
 * tests/entities/name-index.test.ts checks and makes again on request): filing the ~9,000 names
 * each time a recognizer was made cost ~80-130 ms in Chromium.
 */
export function loadNameIndex(): PhraseIndex {
  return new PhraseIndex({ text: filedNames, kinds: NAME_INDEX_KINDS });
}

/** The name index made from the lists themselves. */
export function buildNameIndex(): PhraseIndex {
  const index = new PhraseIndex();
  // In NAME_INDEX_KINDS order: people, organizations, places.
  addAll(index, entriesOf(people), 'PERSON');
  addAll(index, entriesOf(organizations), 'ORG');
  addAll(index, entriesOf(places), 'PLACE');
  return index;
}

const folded = (names: readonly string[]) => new Set(names.map((name) => name.toLowerCase()));

export function buildNameLists(): NameLists {
  const korean = folded(namesOf(familyNames.korean));
  return {
    givenNames: folded(namesOf(givenNames)),
    korean,
    familyFirst: new Set([...korean, ...folded(namesOf(familyNames.chinese)), ...folded(namesOf(familyNames.vietnamese))]),
  };
}
