/**
 * Names no list holds, typed by what the document says around them, and decided once per
 * document: every capitalized run the lists and rules left free is a candidate; each of its
 * mentions adds evidence (a title before it, "X said", an appositive ", a company", "in X",
 * "X-based", "X's shares", ", California" after it…); the candidate takes the type with clearly
 * the most evidence, or stays unmarked. All mentions then get that type, the sentence-initial
 * ones too. Mentions inside title-case or all-caps lines (headlines, menus) add no evidence.
 */
import type { Candidate, NameLists } from './names';
import { CAP, DIGIT, HYPHEN_BEFORE, LINE_START, ODD_CHARACTERS, POSSESSIVE, SENTENCE, UPPER, lettersIn, spacedWords, wordAt, type Tokens } from './tokenize';
import { ENTITY_TYPES, type EntityType } from './types';
import { ARTICLE, NAME_PARTICLE, ORG_HEAD, PLACE_HEAD, PLACE_PREFIX, SENTENCE_WORD, SPEECH_VERB, TITLE, classesAt, inClass, wordClass } from './word-classes';
import { wordBytes } from './word-scratch';

const PERSON = 0;
const ORG = 1;
const PLACE = 2;
const TYPES: EntityType[] = ['PERSON', 'ORG', 'PLACE'];

/** What an appositive's noun says the name before it is: ", a company that …", ", a town in …". */
const ORG_NOUNS = new Set([
  'company', 'firm', 'startup', 'start-up', 'retailer', 'maker', 'manufacturer', 'giant', 'chain', 'bank', 'lender',
  'insurer', 'agency', 'publisher', 'developer', 'studio', 'brand', 'carrier', 'airline', 'operator', 'network',
  'website', 'site', 'newspaper', 'magazine', 'outlet', 'union', 'charity', 'nonprofit', 'non-profit', 'group',
  'organization', 'organisation', 'party', 'conglomerate', 'subsidiary', 'automaker', 'carmaker', 'chipmaker',
  'broadcaster', 'consultancy', 'platform', 'service', 'app', 'foundation', 'institute', 'think', 'club', 'team',
]);
const PLACE_NOUNS = new Set([
  'town', 'city', 'village', 'suburb', 'county', 'state', 'region', 'province', 'capital', 'island', 'country',
  'district', 'neighborhood', 'neighbourhood', 'port', 'river', 'lake', 'valley', 'municipality', 'hamlet',
]);
const PERSON_NOUNS = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'professor', 'analyst', 'director', 'founder', 'executive',
  'economist', 'lawyer', 'attorney', 'author', 'writer', 'researcher', 'official', 'editor', 'reporter',
  'colleague', 'former', 'resident', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'student',
  'teacher', 'doctor', 'scientist', 'senior', 'retired', 'veteran', 'member', 'leader', 'manager', 'partner',
  'co-founder', 'cofounder', 'chairman', 'chairwoman', 'president', 'vice', 'deputy', 'head', 'chief',
  'worker', 'co-worker', 'neighbor', 'neighbour', 'friend', 'cousin', 'uncle', 'aunt', 'grandmother', 'grandfather',
  'boyfriend', 'girlfriend', 'victim', 'survivor', 'witness', 'suspect', 'defendant', 'plaintiff', 'passenger', 'driver',
  'pilot', 'officer', 'agent', 'employee', 'staffer', 'aide', 'assistant', 'commissioner', 'secretary', 'minister',
  'skipper', 'fisherman', 'farmer', 'chef', 'owner', 'coach', 'captain', 'lawmaker', 'senator', 'mayor', 'councilman',
  'councilwoman', 'nurse', 'engineer', 'designer', 'producer', 'consultant', 'adviser', 'advisor', 'commentator',
  'priest', 'pastor', 'activist', 'candidate', 'actor', 'actress', 'singer', 'artist', 'businessman',
  'businesswoman', 'entrepreneur', 'photographer', 'correspondent', 'historian', 'journalist', 'judge',
]);
// Lists read only at the words right before and after a mention are word classes (word-classes.ts):
// one look-up per word for all of them.
/**
 * Roles in lower case right before a full name, beside PERSON_NOUNS: a team's positions
 * ("quarterback Mason Rudolph", "running back Trey Edmunds"), too ambiguous elsewhere ("a center for …").
 */
const ROLE_BEFORE_NAME = wordClass([
  'quarterback', 'rusher', 'linebacker', 'cornerback', 'receiver', 'tailback', 'halfback', 'fullback', 'back', 'tackle',
  'center', 'guard', 'forward', 'safety', 'kicker', 'punter', 'pitcher', 'catcher', 'shortstop', 'outfielder', 'infielder',
  'striker', 'midfielder', 'defender', 'goalkeeper', 'goalie', 'winger', 'batsman', 'bowler', 'teammate', 'player',
  'rookie', 'star', 'insider', 'champion', 'boxer', 'golfer', 'sprinter', 'swimmer', 'manager', 'defenceman', 'defenseman',
]);
/** Who plays, works or speaks for an organization, named after it: "Verizon spokesman Jane Roe". */
const MEMBER_ROLE = wordClass([
  'coach', 'goalie', 'defenseman', 'owner', 'spokesman', 'spokeswoman', 'spokesperson', 'ceo', 'founder', 'chief',
  'executive', 'president', 'chairman', 'chairwoman', 'director', 'analyst', 'engineer', 'researcher', 'professor',
  'economist', 'official', 'attorney', 'lawyer', 'reporter', 'editor', 'correspondent', 'columnist', 'writer',
  'producer', 'scientist', 'manager', 'general',
]);
/** Capitalized adjectives of politics that stand before a role without naming an organization ("Democratic strategist"). */
const PARTY_WORDS = new Set(['democratic', 'republican', 'conservative', 'liberal', 'labour', 'tory', 'socialist', 'communist', 'green', 'progressive']);
/** Words that stand before a person's noun in a role: "founding director", "assistant professor". */
const ROLE_MODIFIERS = new Set([
  'founding', 'assistant', 'associate', 'managing', 'executive', 'general', 'senior', 'junior', 'principal', 'lead',
  'interim', 'acting', 'longtime', 'program', 'research', 'policy', 'political', 'creative', 'artistic', 'medical',
]);
/** Words before a name that make it a company: "rival Lyft", "retailers such as …", "developer Mojang". */
const ORG_BEFORE = wordClass([
  'company', 'firm', 'startup', 'retailer', 'retailers', 'rival', 'rivals', 'giant', 'maker', 'developer',
  'publisher', 'studio', 'automaker', 'carmaker', 'chipmaker', 'brand', 'airline', 'insurer', 'lender',
  'subsidiary', 'conglomerate', 'outlet', 'newspaper', 'broadcaster', 'network', 'agency', 'partnered',
]);
/** What a company has: "X's shares", "X's drivers". */
const ORG_POSSESSION = wordClass([
  'shares', 'stock', 'ceo', 'founder', 'founders', 'customers', 'drivers', 'employees', 'workers', 'workforce',
  'app', 'apps', 'platform', 'headquarters', 'subsidiary', 'products', 'product', 'software', 'service',
  'services', 'pricing', 'prices', 'fans', 'users', 'board', 'executives', 'website', 'algorithm', 'business',
  'rivals', 'revenue', 'profits', 'profit', 'earnings', 'brand', 'stores', 'devices', 'shareholders', 'investors',
  'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'engineers', 'offices', 'factory', 'factories', 'tweet',
  'network', 'model', 'system', 'policy', 'policies', 'lawyers', 'valuation', 'market', 'acquisition', 'unit',
]);
/** What a person has: "X's wife", "X's campaign". */
const PERSON_POSSESSIONS = new Set([
  'wife', 'husband', 'son', 'sons', 'daughter', 'daughters', 'mother', 'father', 'family', 'brother', 'sister',
  'children', 'career', 'life', 'death', 'campaign', 'lawyer', 'lawyers', 'attorney', 'book', 'memoir', 'phrase',
  'remarks', 'comments', 'successor', 'predecessor', 'aides', 'aide', 'friend', 'friends', 'parents', 'widow',
  'vocals', 'voice', 'novel', 'novels', 'lyrics', 'songs', 'memoirs', 'biography', 'poems', 'paintings', 'legacy',
]);
/** Verbs after a name that companies do more than people: "X acquired", "X shipped". */
const ORG_VERB = wordClass([
  'acquired', 'shipped', 'launched', 'unveiled', 'hired', 'employs', 'sued', 'partnered', 'raised',
  'slashed', 'charged', 'charges', 'tweeted', 'reported', 'announced', 'promised', 'manufactures', 'sells',
  'sold', 'bought', 'invested', 'releases', 'released', 'offers', 'offered', 'operates', 'underpays',
  'preaches', 'practices', 'claims', 'deceives', 'monitors', 'pushes',
]);
const PLACE_BEFORE = wordClass(['in', 'near', 'outside', 'across', 'around', 'throughout', 'inside', 'to', 'from']);
/** "the state of X", "the city of X". */
const PLACE_OF = new Set([
  'state', 'city', 'town', 'village', 'province', 'county', 'capital', 'island', 'region', 'republic', 'coast', 'outskirts',
  'suburbs', 'shores', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
]);
/** Read at up to 11 words after each mention: a word class, asked once per word. */
const PERSON_PRONOUN = wordClass(['he', 'she', 'his', 'her', 'him', 'himself', 'herself']);
/** Credits and bylines: "Photo: JANE DOE", "By Jane Doe". */
const CREDIT_BEFORE = new Set(['by', 'credit', 'photo', 'photograph', 'photographs', 'image', 'courtesy', 'reporting', 'writes']);

const OFFICE_LINKS = new Set(['of', 'for']);
const DEMONYM = /(?:ian|ean|ese|ish|ic)$/;
/** "the Carter administration", "the Abe government": the word before is a leader. */
const LEADERSHIP = wordClass(['administration', 'presidency', 'era', 'doctrine']);
/** "bought X", "acquired X": X is a company. */
const ACQUIRING = wordClass(['bought', 'acquired', 'acquire', 'acquiring', 'buying', 'purchased', 'merge', 'merged']);
const COMPASS = wordClass([
  'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern',
  'north-eastern', 'north-western', 'south-eastern', 'south-western', 'coastal', 'rural', 'downtown', 'suburban',
]);
/** Words of going before "to X" / "from X": then X is a place. */
const GOING = new Set([
  'travel', 'traveled', 'travelled', 'traveling', 'travelling', 'flew', 'fly', 'flying', 'flights', 'went', 'go', 'going',
  'moved', 'move', 'moving', 'returned', 'return', 'returning', 'trip', 'visit', 'headed', 'came', 'come', 'coming',
  'deployed', 'exported', 'imports', 'exports', 'route', 'road', 'fled', 'drove', 'sailed', 'migrated', 'emigrated',
  'relocated', 'arrived', 'escaped', 'evacuated', 'way', 'journey', 'flight', 'border', 'back', 'home',
]);
/** Who speaks or works for an organization, or owns it: "a Verizon spokesman", "the Yahoo board". */
const ORG_PEOPLE = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'ceo', 'executives', 'employees', 'shareholders', 'investors', 'board',
  'lawyers', 'engineers', 'founder', 'founders', 'workers', 'workforce', 'chief', 'headquarters', 'stock', 'shares',
]);
/** Who works at or owns part of an organization: "chief executive of X", "an analyst at X". */
const ORG_ROLES = new Set([
  'ceo', 'executive', 'executives', 'founder', 'co-founder', 'cofounder', 'spokesman', 'spokeswoman', 'spokesperson',
  'analyst', 'analysts', 'employee', 'employees', 'shareholders', 'shareholder', 'investors', 'engineer', 'engineers',
  'shares', 'stake', 'subsidiary', 'owner', 'owners', 'acquisition', 'board', 'staff', 'economist', 'strategist',
]);
/** "partnered with X", "a deal with X". */
const DEAL_WORDS = new Set(['partnered', 'partnership', 'deal', 'merger', 'merged', 'agreement', 'contract', 'partnering', 'teamed', 'collaboration']);

/** Clear enough: the best type needs this much evidence and this lead over the next. */
const ENOUGH = 2;
const LEAD = 1.5;
/** Longer runs are titles of works or headlines, not names. */
const LONGEST = 5;

interface OpenEntity {
  /** First and last word of each mention, flat. */
  mentions: number[];
  score: [number, number, number];
  /**
   * Weak cues ("in X", "X said", "X launched", "he" after it), kept apart: they count only when
   * enough of the name's mentions carry them ("in Wasm" 10 times among 44 mentions is no place).
   */
  weak: [number, number, number];
  weakMentions: [number, number, number];
  /** Mentions with he or she soon after them. */
  pronouns: number;
  /** Seen where it is not the first word of a sentence. */
  inside: boolean;
}

/** Single words that name nothing by themselves: "the Party", "the Government", "Islamists". */
const BARE = ORG_HEAD | PLACE_HEAD | TITLE;
const PLURAL_GROUP = /(?:ists|ites|ians|ans|ese|ers|ics|ims)$/;

const flag = (tokens: Tokens, i: number, bit: number) => i >= 0 && i < tokens.count && ((tokens.flags[i] as number) & bit) !== 0;
const isCap = (tokens: Tokens, i: number) => flag(tokens, i, CAP | UPPER);
/** Only spaces (at most three) between word i - 1 and word i; with `comma`, one comma before them. */
function gapIs(tokens: Tokens, i: number, comma: boolean, colon = false): boolean {
  if (i <= 0 || i >= tokens.count) return false;
  let k = (tokens.end[i - 1] as number) + (tokens.tail[i - 1] as number);
  const to = tokens.start[i] as number;
  if (comma || colon) {
    const code = tokens.folded.charCodeAt(k);
    if (code !== (comma ? 44 : 58)) return false;
    k++;
    if (colon) while (k < to && tokens.folded.charCodeAt(k) === 32) k++;
  }
  if (to - k > 3 || (!comma && !colon && to === k)) return false;
  for (; k < to; k++) {
    const code = tokens.folded.charCodeAt(k);
    if (code !== 32 && code !== 9 && code !== 0xa0) return false;
  }
  return true;
}
const spaceBefore = (tokens: Tokens, i: number) => gapIs(tokens, i, false);

/**
 * Sentences whose words are all capitalized (three or more words of four letters or more):
 * headlines, menus, lines in capitals. Marks their words in the returned array.
 */
function titleCaseWords(tokens: Tokens): Uint8Array {
  const marks = wordBytes('headlines', tokens.count);
  // A loop over every word: its arrays read directly (through `flag` and `isCap` it was ~2 % of a call).
  const { count, flags, start, end } = tokens;
  let from = 0;
  let long = 0;
  let capital = 0;
  // One step past the last word, which closes the last sentence: the loop is the last of the
  // function. What followed it had no type feedback in the code V8 compiled while the loop ran (on-stack
  // replacement), which was thrown away at the end of each call (Node 20).
  for (let i = 0; i <= count; i++) {
    const bits = i < count ? (flags[i] as number) : SENTENCE;
    if (bits & (SENTENCE | LINE_START) && i > from) {
      if (long >= 3 && capital === long) marks.fill(1, from, i);
      from = i;
      long = 0;
      capital = 0;
    }
    if (i === count) break;
    // Counted without branches (which words are long, and which capitalized, follows no pattern a
    // processor could guess): 1 for a word of four characters or more that is no number.
    const counted = ((3 - ((end[i] as number) - (start[i] as number))) >>> 31) & ~(bits >> 2) & (DIGIT >> 2);
    long += counted;
    capital += counted & (bits | (bits >> 1)) & CAP; // CAP or UPPER (bits 1 and 2)
  }
  return marks;
}

/**
 * Open-world candidates over the words `taken` leaves free, among the capitalized `runs` (first
 * and last word of each, in pairs). `chosen` are the spans already decided (their types give
 * evidence: ", California").
 */
export function openWorldCandidates(tokens: Tokens, runs: Int32Array, taken: Uint8Array, chosen: readonly Candidate[], lists: NameLists): Candidate[] {
  // The type of the span starting at each word, by its place in ENTITY_TYPES plus one (a map by
  // word cost ~1.5 % of the recognizer's time).
  const typeCodes = wordBytes('typeCodes', tokens.count);
  for (const c of chosen) typeCodes[c.first] = ENTITY_TYPES.indexOf(c.type) + 1;
  const typeAt = (i: number): EntityType | undefined => {
    const code = typeCodes[i];
    return code ? ENTITY_TYPES[code - 1] : undefined;
  };
  const headline = titleCaseWords(tokens);
  const entities = new Map<string, OpenEntity>();
  /** One mention's weak cues, per type (reused: a fresh array per mention was garbage per word). */
  const weak: [number, number, number] = [0, 0, 0];
  /** Whether he or she follows the mention addEvidence just read. */
  let pronounAfter = false;
  // Names a person already holds in the document: their parts are left to the surname rule.
  const personParts = new Set<string>();
  for (const c of chosen) if (c.type === 'PERSON') for (let i = c.first; i <= c.last; i++) personParts.add(wordAt(tokens, i));

  for (let r = 0; r < runs.length; r += 2) {
    const b = runs[r + 1] as number;
    let s = runs[r] as number;
    while (s <= b) {
      // The next free stretch of the run.
      while (s <= b && taken[s]) s++;
      let e = s;
      while (e + 1 <= b && !taken[e + 1]) e++;
      if (s <= b) consider(s, e);
      s = e + 1;
    }
  }

  function consider(from: number, to: number): void {
    // Two names joined by "and" ("Lorenz and Rothman") are two names; an organization's "and" is
    // its head's to join (names.ts: "World Travel and Tourism Council").
    for (let k = from + 1; k < to; k++) {
      const w = wordAt(tokens, k);
      if ((w === 'and' || w === 'or' || w === '&') && !isCap(tokens, k)) {
        consider(from, k - 1);
        consider(k + 1, to);
        return;
      }
    }
    let s = from;
    let titled = false;
    // Leading titles and sentence words ("The", "Mr") are not part of the name; a title before
    // "of" or "for" is an office ("Inspector-General of Intelligence"), not a person's.
    while (s <= to) {
      const classes = classesAt(tokens, s);
      if (classes & TITLE && isCap(tokens, s)) titled = !OFFICE_LINKS.has(wordAt(tokens, s + 1));
      else if (!(classes & SENTENCE_WORD && (flag(tokens, s, SENTENCE) || !isCap(tokens, s) || flag(tokens, s, UPPER) || classes & ARTICLE))) break;
      s++;
    }
    let e = to;
    while (e >= s && !isCap(tokens, e)) e--;
    // In capitals, a name stops at the first common word ("LAURIE OAKES IS THE …").
    if (flag(tokens, s, UPPER)) {
      for (let k = s + 1; k <= e; k++) {
        if (inClass(tokens, k, SENTENCE_WORD | TITLE)) {
          e = k - 1;
          break;
        }
      }
    }
    if (s > e || e - s + 1 > LONGEST) return;
    if (s === e && (lettersIn(tokens, s) < 2 || (flag(tokens, s, DIGIT) && !isCap(tokens, s)))) return;
    if (s === e) {
      const classes = classesAt(tokens, s);
      if (classes & SENTENCE_WORD) return; // "I'm", "Photo": never a name by itself
      const only = wordAt(tokens, s);
      if (personParts.has(only) || classes & BARE || PLURAL_GROUP.test(only)) return;
    }
    // The folded words with what stands between them (hyphen or space): one string per mention.
    // One word is its folded text: the word as made (wordAt), unless it holds a character wordAt writes otherwise.
    const key = s !== e ? spacedWords(tokens, s, e) : flag(tokens, s, ODD_CHARACTERS) ? tokens.folded.slice(tokens.start[s], tokens.end[s]) : wordAt(tokens, s);
    let entity = entities.get(key);
    if (!entity) {
      entity = { mentions: [], score: [0, 0, 0], weak: [0, 0, 0], weakMentions: [0, 0, 0], pronouns: 0, inside: false };
      entities.set(key, entity);
    }
    entity.mentions.push(s, e);
    const initial = flag(tokens, s, SENTENCE) && s === from;
    // A single capitalized word opening a sentence may be a capital of style; two are a name.
    if (!initial || e > s) entity.inside = true;
    if (headline[s]) return;
    // A title before the name: capitalized ("Mr", "President"), or in lower case before a full name.
    const titleBefore = s > 0 && inClass(tokens, s - 1, TITLE) && spaceBefore(tokens, s) && (isCap(tokens, s - 1) || e > s);
    // Three stores: `fill` is a call of its own, ~0.4 % of a warm call here.
    weak[0] = 0;
    weak[1] = 0;
    weak[2] = 0;
    addEvidence(entity.score, weak, s, e, titled || titleBefore, initial);
    if (pronounAfter) entity.pronouns++;
    for (let t = 0; t < 3; t++) {
      if (!weak[t]) continue;
      (entity.weak[t] as number) += weak[t] as number;
      (entity.weakMentions[t] as number)++;
    }
  }

  /**
   * Whether the words before [s, …] are ", <role>, " right after a capitalized name: a person's
   * role in lower case ("president", "principal and managing director"), at most four words.
   */
  function roleAfterName(s: number): boolean {
    let k = s - 1;
    let role = false;
    while (k > 0 && s - k <= 4 && !flag(tokens, k, SENTENCE)) {
      const w = wordAt(tokens, k);
      const isRole = PERSON_NOUNS.has(w) || ORG_ROLES.has(w);
      if (isCap(tokens, k) && !(isRole && flag(tokens, k, UPPER))) return false; // "CEO" in capitals is still a role
      if (isRole) role = true;
      if (gapIs(tokens, k, true)) return role && isCap(tokens, k - 1) && !flag(tokens, k - 1, DIGIT);
      k--;
    }
    return false;
  }

  /** "a Metro reporter", "an award-winning writer": an article, up to three words, a person's noun. */
  function isPersonNounAhead(k: number): boolean {
    if (!inClass(tokens, k, ARTICLE)) return false;
    for (let j = k + 1; j < Math.min(tokens.count, k + 5); j++) {
      if (flag(tokens, j, SENTENCE)) return false;
      if (PERSON_NOUNS.has(wordAt(tokens, j))) return true;
    }
    return false;
  }

  /**
   * The type of a name typed already that stands beside [s, e] in a list: "Walmart, Kroger and
   * Costco" (commas, "and", "or" between single capitalized words).
   */
  function listedWith(s: number, e: number): EntityType | undefined {
    // One word, not the tail of a longer name ("Apple Pay"), not a people's adjective ("Canadian").
    if (e !== s || (isCap(tokens, s - 1) && gapIs(tokens, s, false)) || DEMONYM.test(wordAt(tokens, s))) return undefined;
    // The word before, then the word after (a loop over steps: pairs made per call were garbage per mention).
    for (let step = -1; step <= 1; step += 2) {
      let k = s + step;
      const link = wordAt(tokens, k);
      if (link === 'and' || link === 'or') k += step;
      else if (!gapIs(tokens, step < 0 ? s : s + 1, true)) continue;
      const type = typeAt(k);
      if ((type === 'ORG' || type === 'PLACE' || type === 'PERSON') && isCap(tokens, k)) return type;
    }
    return undefined;
  }

  function addEvidence(score: [number, number, number], weak: [number, number, number], s: number, e: number, titled: boolean, initial: boolean): void {
    const multi = e > s;
    const first = wordAt(tokens, s);
    const before = s > 0 ? wordAt(tokens, s - 1) : '';
    const plainBefore = !initial && gapIs(tokens, s, false);
    const commaBefore = gapIs(tokens, s, true);
    const next = e + 1 < tokens.count ? wordAt(tokens, e + 1) : '';
    // The lists the words around the mention are in (word-classes.ts): one look-up each for the cues below.
    const beforeClasses = classesAt(tokens, s - 1);
    const nextClasses = classesAt(tokens, e + 1);
    const plainAfter = gapIs(tokens, e + 1, false);
    const commaAfter = gapIs(tokens, e + 1, true);
    const possessive = flag(tokens, e, POSSESSIVE);

    if (titled) score[PERSON] += 3;
    if (multi && lists.givenNames.has(first)) score[PERSON] += 2;
    if (multi && flag(tokens, s, UPPER) && plainBefore && CREDIT_BEFORE.has(before)) score[PERSON] += 2;
    if (multi && gapIs(tokens, s, false, true) && CREDIT_BEFORE.has(before)) score[PERSON] += 2;
    // Organizations say things too: a full name saying something is a person's mark, not proof.
    if (plainAfter && inClass(tokens, e + 1, SPEECH_VERB)) weak[multi ? PERSON : ORG] += multi ? 1.5 : 0.5;
    if (plainBefore && (before === 'said' || before === 'says' || before === 'reported')) weak[PERSON] += 1;
    // "Alexandra Olgin of South Carolina Public Radio": a full name, then the organization it works for.
    if (multi && next === 'of' && plainAfter && typeAt(e + 2) === 'ORG') score[PERSON] += 2;
    // An age set off by commas: "Parata, 75, has …".
    if (commaAfter && flag(tokens, e + 1, DIGIT) && /^\d{1,3}$/.test(next) && gapIs(tokens, e + 2, true)) score[PERSON] += 3;
    // A web address as a name: "Snopes.com".
    if (!multi && first.includes('.') && /^[a-z][\w-]*\.(?:com|org|net|io|co|gov|news)$/.test(first)) score[ORG] += 3;
    // "The priest, Fidelis Mukonori, …": a person's noun, then the name set off by commas.
    // "Jay Pelham, president, TotalBank", "Donna Abood, principal and managing director, Avison
    // Young": a person, their role, then the organization they hold it at.
    const affiliation = commaBefore && roleAfterName(s);
    if (affiliation) score[ORG] += 2;
    else if (multi && commaBefore && PERSON_NOUNS.has(before)) score[PERSON] += 2;
    // "one SpaceX customer, Inmarsat, …", "the retailer, Kroger,": a company's noun set off by commas.
    if (commaBefore && ORG_NOUNS.has(before) && !isCap(tokens, s - 1)) score[ORG] += 2;
    // "Tasos Georgelis, deputy commissioner …", "Corey Kilgannon is a Metro reporter".
    // …and with a word before the noun: "Aseem Prakash, founding director of …", ", assistant professor".
    if (multi && commaAfter && (PERSON_NOUNS.has(next) || (ROLE_MODIFIERS.has(next) && PERSON_NOUNS.has(wordAt(tokens, e + 2))))) score[PERSON] += 2;
    if (multi && plainAfter && (next === 'is' || next === 'was') && isPersonNounAhead(e + 2)) score[PERSON] += 2;
    // A credit: "Devindra Hardawar/AOL".
    if (multi && tokens.folded.charCodeAt(tokens.end[e] as number) === 47 && isCap(tokens, e + 1)) score[PERSON] += 2;
    // "skipper Wade Bassi", "analyst Jane Roe": a person's noun in lower case right before a full name.
    if (multi && plainBefore && (PERSON_NOUNS.has(before) || beforeClasses & ROLE_BEFORE_NAME) && !isCap(tokens, s - 1)) score[PERSON] += 2;
    // "the Carter administration": a leader's name.
    if (!multi && plainAfter && nextClasses & LEADERSHIP) score[PERSON] += 3;
    // One of a list of names another of which the document has typed: "Walmart, Kroger and Costco".
    const listed = listedWith(s, e);
    if (listed) score[listed === 'PERSON' ? PERSON : listed === 'ORG' ? ORG : PLACE] += 2;
    if (possessive && PERSON_POSSESSIONS.has(next)) score[PERSON] += 2;
    if (possessive && nextClasses & ORG_POSSESSION) score[ORG] += 2;
    // "a Whole Foods spokeswoman", "Whole Foods stores".
    if (!possessive && plainAfter && nextClasses & ORG_POSSESSION) {
      if (inClass(tokens, s - 1, ARTICLE) && ORG_PEOPLE.has(next)) score[ORG] += 2;
      else weak[ORG] += 0.5;
    }
    // "Wild coach Bruce Boudreau", "Sabres center Casey Mittelstadt", "Harvard professor Jane Roe":
    // the team, company or school a named person plays or works for.
    if (plainAfter && !possessive && nextClasses & (MEMBER_ROLE | ROLE_BEFORE_NAME) && isCap(tokens, e + 2) && isCap(tokens, e + 3) && gapIs(tokens, e + 2, false) && !DEMONYM.test(first) && !PARTY_WORDS.has(first)) score[ORG] += 2;
    if (plainBefore && beforeClasses & ACQUIRING) score[ORG] += 1; // "Amazon bought Whole Foods"
    // "chief executive of Yahoo", "an analyst at Jefferies", "shares of Verizon".
    if (plainBefore && (before === 'of' || before === 'at') && ORG_ROLES.has(wordAt(tokens, s - 2))) score[ORG] += 2;
    if (plainAfter && nextClasses & ORG_VERB) weak[ORG] += 1;
    if (plainBefore && beforeClasses & ORG_BEFORE && !isCap(tokens, s - 1)) score[ORG] += 2;
    if (plainBefore && before === 'with' && DEAL_WORDS.has(wordAt(tokens, s - 2))) score[ORG] += 2; // "partnered with Zeiss"
    // "like Walmart", "such as Uber": examples among companies are companies only with other evidence.
    // Appositive: ", a company …", ", a 67-year-old …", ", who …".
    if (commaAfter) {
      if (next === 'who') score[PERSON] += 2;
      else if (next === 'which') score[ORG] += 1;
      else if (next === 'a' || next === 'an' || next === 'the') {
        for (let k = e + 2; k < Math.min(tokens.count, e + 6); k++) {
          const w = wordAt(tokens, k);
          if (flag(tokens, k, SENTENCE)) break;
          if (w.endsWith('year-old') || (w === 'old' && wordAt(tokens, k - 1) === 'year') || PERSON_NOUNS.has(w)) {
            score[PERSON] += 3;
            break;
          }
          if (ORG_NOUNS.has(w)) {
            score[ORG] += 3;
            break;
          }
          if (PLACE_NOUNS.has(w)) {
            score[PLACE] += 3;
            break;
          }
        }
      } else if (typeAt(e + 1) === 'PLACE' && !multi) score[PLACE] += 3; // "Cupertino, California"
    }
    // "Seattle-based"; not an acronym's "FPGA-based", "PC-based".
    if (flag(tokens, e + 1, HYPHEN_BEFORE) && next === 'based' && !flag(tokens, e, UPPER)) score[PLACE] += 3;
    // "in X", "near X"; "to X" and "from X" only after a word of going ("sold to Verizon" is no place).
    // Not for an acronym or a code in capitals ("in VR", "in 4K"): places in capitals are listed ("in UK").
    if (plainBefore && beforeClasses & PLACE_BEFORE && !flag(tokens, s - 1, CAP) && !(!multi && flag(tokens, s, UPPER | DIGIT))) {
      if (before !== 'to' && before !== 'from') weak[PLACE] += 1;
      else if (GOING.has(wordAt(tokens, s - 2))) weak[PLACE] += 1;
    }
    if (plainBefore && before === 'of' && PLACE_OF.has(wordAt(tokens, s - 2))) score[PLACE] += 3;
    // "eastern Northland", "northern Syria"; "New Zealand’s Northland" (a place's own place).
    if (plainBefore && beforeClasses & COMPASS && !isCap(tokens, s - 1)) score[PLACE] += 2;
    // A name opening with a point of the compass is a place more often than not: "South Taranaki".
    if (multi && inClass(tokens, s, PLACE_PREFIX)) score[PLACE] += 1;
    if (plainBefore && flag(tokens, s - 1, POSSESSIVE) && typeAt(s - 1) === 'PLACE') score[PLACE] += 2;
    // He or she soon after a name: a full name's cue; after one word, a cue only for the full
    // name that word may be the surname of ("Roof has asked to represent himself").
    pronounAfter = false;
    for (let k = e + 1; k < Math.min(tokens.count, e + 12); k++) {
      if (isCap(tokens, k) && !flag(tokens, k, SENTENCE)) break;
      if (inClass(tokens, k, PERSON_PRONOUN)) {
        if (multi) weak[PERSON] += 1;
        pronounAfter = true;
        break;
      }
    }
    // Particles inside ("bin", "van der") mark a person's name.
    for (let k = s + 1; k < e; k++) if (!isCap(tokens, k) && inClass(tokens, k, NAME_PARTICLE)) score[PERSON] += 1;
  }

  // Full names first: a single word that is part of a person's name is left to the surname rule.
  const found: Candidate[] = [];
  const size = (key: string) => { let n = 1; for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) === 32) n++; return n; };
  const decided = [...entities.entries()].map(([key, entity]) => ({ key, entity, words: size(key) })).sort((x, y) => y.words - x.words);
  for (const { key, entity } of decided) {
    if (!entity.inside) continue; // only ever sentence-initial: a capital of style
    if (!key.includes(' ') && personParts.has(key)) continue;
    const score = evidenceOf(entity);
    // A surname used alone speaks for the full name it ends ("Dylann Roof … Roof said … Roof's
    // lawyer"): where the word alone reads as a person, its evidence counts for the full name.
    const alone = key.includes(' ') ? entities.get(key.slice(key.lastIndexOf(' ') + 1)) : undefined;
    if (alone?.inside) {
      const its = evidenceOf(alone);
      if (alone.pronouns / (alone.mentions.length / 2) >= WEAK_SHARE) its[PERSON] += Math.min(alone.pronouns, WEAK_MOST);
      if (rank(its)[0] === PERSON) score[PERSON] += its[PERSON];
    }
    const [best, second] = rank(score);
    const [top, next] = [score[best] as number, score[second] as number];
    if (top < ENOUGH || top - next < LEAD) continue;
    if (best === PERSON) for (const part of key.split(' ')) personParts.add(part);
    for (let k = 0; k < entity.mentions.length; k += 2) {
      found.push({ first: entity.mentions[k] as number, last: entity.mentions[k + 1] as number, type: TYPES[best] as EntityType });
    }
  }
  return found;
}

/** A weak cue counts when at least this share of a name's mentions carry it, and up to this much. */
const WEAK_SHARE = 0.3;
const WEAK_MOST = 3;

/** An entity's evidence per type: its strong cues, and its weak ones where enough mentions carry them. */
function evidenceOf(entity: OpenEntity): [number, number, number] {
  const mentions = entity.mentions.length / 2;
  const score: [number, number, number] = [...entity.score];
  for (let t = 0; t < 3; t++) {
    if ((entity.weakMentions[t] as number) / mentions >= WEAK_SHARE) (score[t] as number) += Math.min(entity.weak[t] as number, WEAK_MOST);
  }
  return score;
}

function rank(score: [number, number, number]): [number, number] {
  const order = [0, 1, 2].sort((x, y) => score[y]! - score[x]!);
  return [order[0] as number, order[1] as number];
}
