/**
 * One spelling key for the ways the press writes a Korean name or place, so they group as one
 * entity: the DPRK's own spelling ("Kim Jong Un", "Songchon"), hyphenated ("Kim Jong-un"),
 * McCune–Reischauer with or without its breves and apostrophes ("Kim Chŏng-ŭn", "Sŏngch'ŏn"),
 * Revised Romanization ("Kim Jeong-eun", "Seongcheon") and Hangul ("김정은"). The key merges
 * what these systems write apart (eo/ŏ/o, eu/ŭ/u, j/ch, g/k, d/t, b/p, r/l, aspiration marks,
 * syllable breaks) and the usual English spellings of family names (Park, Lee, Choi). Also a
 * looser key for Arabic names (al-/el-, Mohammed/Muhammad). Used on names, never on every word.
 */

import familyNames from './data/family-names.json';
import { namesOf } from './data/sections';
import { PLACE_HEADS } from './keywords';

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MEDIALS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

const HANGUL_ONLY = /^[\s\uac00-\ud7a3]+$/;

export const isHangul = (code: number) => code >= HANGUL_FIRST && code <= HANGUL_LAST;

/** Hangul syllables in Revised Romanization, one word per run of syllables ("김정은" → "gimjeongeun"). */
export function hangulToLatin(text: string): string {
  let out = '';
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (!isHangul(code)) {
      out += text[k];
      continue;
    }
    const index = code - HANGUL_FIRST;
    out += INITIALS[Math.floor(index / 588)]! + MEDIALS[Math.floor((index % 588) / 28)]! + FINALS[index % 28]!;
  }
  return out;
}

/** The usual English spellings of common Korean family names, by their key. */
const FAMILY_NAMES: Record<string, string> = {};
for (const [key, spellings] of Object.entries({
  kim: 'kim gim', pak: 'park pak bak bahk', li: 'lee yi ri rhee i rhie li', choe: 'choi choe chwe', chong: 'jung chung jeong chong cheong',
  kang: 'kang gang', cho: 'cho jo', yun: 'yoon yun', sin: 'shin sin', o: 'oh o', so: 'seo so suh soh', kwon: 'kwon gwon',
  an: 'ahn an', chang: 'jang chang', im: 'lim im rim', no: 'noh no roh ro', chon: 'jeon chon jun chun jon', ko: 'ko go koh',
  mun: 'moon mun', son: 'son sohn', pae: 'bae pae', paek: 'baek paek paik', ho: 'heo ho huh hur', yu: 'yoo yu',
})) {
  for (const spelling of spellings.split(' ')) FAMILY_NAMES[spelling] = key;
}

const SYLLABLE_INITIALS = ['kk', 'k', 'g', 'n', 'tt', 't', 'd', 'r', 'l', 'm', 'pp', 'p', 'b', 'ss', 'sh', 's', 'jj', 'j', 'tch', 'ch', 'h', 'ph', 'th', 'kh', ''];
const SYLLABLE_VOWELS = ['yae', 'yeo', 'wae', 'ae', 'ya', 'eo', 'ye', 'wa', 'oe', 'yo', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'oo', 'ee', 'a', 'e', 'o', 'u', 'i'];
const SYLLABLE_FINALS = ['ng', 'k', 'n', 't', 'l', 'm', 'p', ''];
/** Korean romanizations never write these letters (c only in "ch"). */
const NOT_KOREAN = /[fqvxz]|c(?!h)/;

/**
 * Whether a word can be read as romanized Korean syllables (any of the systems above): a
 * segmentation into initial + vowel + final, tried by position with memory (linear, no regex
 * backtracking on long English words).
 */
function readsAsKorean(word: string): boolean {
  if (!word || NOT_KOREAN.test(word)) return false;
  const known = new Int8Array(word.length + 1); // 0 unknown, 1 yes, -1 no
  known[word.length] = 1;
  const from = (at: number): boolean => {
    if (known[at]) return known[at] === 1;
    let ok = false;
    for (const initial of SYLLABLE_INITIALS) {
      if (!word.startsWith(initial, at)) continue;
      for (const vowel of SYLLABLE_VOWELS) {
        const v = at + initial.length;
        if (!word.startsWith(vowel, v)) continue;
        for (const final of SYLLABLE_FINALS) {
          const f = v + vowel.length;
          if (word.startsWith(final, f) && f + final.length > at && from(f + final.length)) {
            ok = true;
            break;
          }
        }
        if (ok) break;
      }
      if (ok) break;
    }
    known[at] = ok ? 1 : -1;
    return ok;
  };
  return from(0);
}

/** Lower case, marks off (ŏ → o, ŭ → u), apostrophes and hyphens gone; words split on space. */
function plainWords(name: string): string[] {
  // eslint-disable-next-line no-control-regex -- plain ASCII needs no decomposition
  return (/[^\x00-\x7f]/.test(name) ? name.normalize('NFD') : name)
    .replace(/[\u0300-\u036f'’ʼ`‘]/g, '')
    .toLowerCase()
    .split(/[\s\u2010\u2011-]+/)
    .filter(Boolean);
}

/** The same sounds spelled one way: eo/ŏ → o, eu/ŭ → u, j → ch, g → k, d → t, b → p, r → l… */
function soundKey(word: string): string {
  return word
    .replace(/tch/g, 'ch')
    .replace(/eo/g, 'o')
    .replace(/eu/g, 'u')
    .replace(/oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/([ptk])h/g, '$1')
    .replace(/sh/g, 's')
    .replace(/j/g, 'ch')
    .replace(/g/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/r/g, 'l')
    .replace(/(ch|[a-z])\1+/g, '$1');
}

/**
 * The spelling key of a Korean name or place, or null when the name cannot be romanized Korean
 * (a word that no syllable reading covers: "Mohammed", "Georgia"). `person`: the first word is
 * a family name; a place may end in an English head word ("Songchon County").
 */
export function koreanKey(name: string, person: boolean): string | null {
  const trimmed = name.trim();
  if (HANGUL_ONLY.test(trimmed)) {
    const latin = hangulToLatin(trimmed.replace(/\s+/g, ''));
    if (!person) return soundKey(latin);
    // Hangul writes a name as one word: the first syllable is the family name.
    const first = hangulToLatin(trimmed.charAt(0));
    return `${FAMILY_NAMES[first] ?? soundKey(first)} ${soundKey(latin.slice(first.length))}`;
  }
  const words = plainWords(trimmed);
  if (!words.length) return null;
  const head = !person && words.length > 1 && PLACE_HEADS.has(words[words.length - 1] as string) ? words.pop() : undefined;
  const keyed: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as string;
    const family = person && k === 0 ? FAMILY_NAMES[word] : undefined;
    if (family) keyed.push(family);
    else if (readsAsKorean(word)) keyed.push(soundKey(word));
    else return null;
  }
  // Given-name syllables are written apart, hyphenated or joined: one word after the family name.
  if (person) return keyed.length > 1 ? `${keyed[0]} ${keyed.slice(1).join('')}` : null;
  return head ? `${keyed.join('')} ${head}` : keyed.join('');
}

/**
 * One key for a Chinese name in pinyin and in Wade–Giles ("Mao Zedong" / "Mao Tse-tung", "Xi
 * Jinping" / "Hsi Chin-p'ing", "Deng Xiaoping" / "Teng Hsiao-p'ing"): aspiration marks and
 * syllable breaks off, and the initials and finals the two write apart made one. Cantonese and
 * postal spellings (Peking, Chiang Kai-shek) are other names, left to the lists' aliases.
 */
export function chineseKey(name: string): string {
  return plainWords(name)
    .map((word) =>
      word
        .replace(/tzu/g, 'zi')
        .replace(/ssu/g, 'si')
        .replace(/ih$/, 'i')
        .replace(/(?<=[kh])e(?![in])/g, 'o')
        .replace(/^x|(?<=[aeiou]|^)x/g, 'hs')
        .replace(/zh|j|q/g, 'ch')
        .replace(/r/g, 'j')
        .replace(/z(?!h)|c(?!h)/g, 'ts')
        .replace(/b/g, 'p')
        .replace(/d/g, 't')
        .replace(/g(?!$)/g, 'k')
        .replace(/ong/g, 'ung')
        .replace(/ian/g, 'ien')
        .replace(/ieh/g, 'ie')
        .replace(/tsts/g, 'ts'),
    )
    .map((word, k) => (k === 0 ? word + ' ' : word))
    .join('')
    .trim();
}

let chineseFamilies: Set<string> | null = null;

/** Whether `name` opens with a Chinese family name, in pinyin or Wade–Giles ("Xi", "Hsi"). */
export function chineseFamilyFirst(name: string): boolean {
  chineseFamilies ??= new Set(namesOf(familyNames.chinese).map((family) => chineseKey(family)));
  const words = name.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 3 && chineseFamilies.has(chineseKey(words[0] as string));
}

/** Spellings of Muhammad, folded to one. */
const MUHAMMAD = /^m[ou]h(?:a|e)mm?(?:a|e)d$/;

/**
 * A looser key for Arabic names: "Mohammed el-Baradei" and "Muhammad al-Baradei" agree. Marks
 * off, al-/el-/ul- as "al", Muhammad's spellings as one, doubled letters single, ou → u.
 */
export function arabicKey(name: string): string {
  return plainWords(name)
    .map((word) => (MUHAMMAD.test(word) ? 'muhammad' : word))
    .map((word) => (word === 'el' || word === 'ul' ? 'al' : word))
    .map((word) => word.replace(/ou/g, 'u').replace(/([a-z])\1+/g, '$1'))
    .join(' ');
}
