/**
 * The built-in name lists as one index, built once per context (see `recognizer.ts` for the
 * cost). Lives in the extension (background), never in the page: the lists are ~100 KB.
 */
import { CHINESE_FAMILY_NAMES, KOREAN_FAMILY_NAMES, VIETNAMESE_FAMILY_NAMES } from './data/family-names';
import { GIVEN_NAMES } from './data/given-names';
import { ORGANIZATIONS } from './data/organizations';
import { PEOPLE } from './data/people';
import { PLACES } from './data/places';
import type { Entry } from './data/types';
import type { NameLists } from './names';
import { PhraseIndex } from './phrase-index';
import { koreanKey } from './romanize';
import type { EntityType } from './types';

function addAll(index: PhraseIndex, entries: readonly Entry[], type: EntityType): void {
  for (const entry of entries) {
    const [key, ...aliases] = typeof entry === 'string' ? [entry] : entry;
    for (const name of [key, ...aliases]) index.add(name, type, key);
  }
}

/**
 * The listed names by type and spelling key (romanize.ts), for variants the lists do not spell
 * out ("Kim Chŏng-ŭn", "Pyeongyang"). Only names that read as romanized Korean have one.
 */
export function buildRomanizedIndex(): Map<string, string> {
  const index = new Map<string, string>();
  const lists: [readonly Entry[], EntityType][] = [[PEOPLE, 'PERSON'], [ORGANIZATIONS, 'ORG'], [PLACES, 'PLACE']];
  for (const [entries, type] of lists) {
    for (const entry of entries) {
      const [key, ...aliases] = typeof entry === 'string' ? [entry] : entry;
      for (const name of [key, ...aliases]) {
        const spelling = koreanKey(name, type === 'PERSON');
        const id = spelling && `${type}:${spelling}`;
        if (id && !index.has(id)) index.set(id, key);
      }
    }
  }
  return index;
}

export function buildNameIndex(): PhraseIndex {
  const index = new PhraseIndex();
  // People first, then organizations, then places: on an exact tie the earlier list wins.
  addAll(index, PEOPLE, 'PERSON');
  addAll(index, ORGANIZATIONS, 'ORG');
  addAll(index, PLACES, 'PLACE');
  return index;
}

const folded = (names: readonly string[]) => new Set(names.map((name) => name.toLowerCase()));

export function buildNameLists(): NameLists {
  const korean = folded(KOREAN_FAMILY_NAMES);
  return {
    givenNames: folded(GIVEN_NAMES),
    korean,
    familyFirst: new Set([...korean, ...folded(CHINESE_FAMILY_NAMES), ...folded(VIETNAMESE_FAMILY_NAMES)]),
  };
}
