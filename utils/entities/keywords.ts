/**
 * The words news writing uses around names: titles that stand before a person's name (and stay
 * out of the span), the head words that make a capitalized phrase an organization or a place,
 * the small words that may sit inside a name, and capitalized words that open sentences without
 * being names. All folded (lower case).
 */

/** Titles and honorifics before a person's name: "Comrade", "President", "Mr.". */
export const TITLES = new Set([
  'mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms', 'dr.', 'dr', 'prof.', 'professor', 'sir', 'dame', 'lord',
  'lady', 'comrade', 'comrades', 'respected', 'supreme', 'leader', 'marshal', 'president', 'vice',
  'prime', 'minister', 'premier', 'chancellor', 'chairman', 'chairwoman', 'secretary', 'general',
  'gen.', 'lt.', 'col.', 'colonel', 'maj.', 'captain', 'capt.', 'sgt.', 'sergeant', 'admiral',
  'adm.', 'commander', 'senator', 'sen.', 'representative', 'rep.', 'governor', 'gov.', 'mayor',
  'ambassador', 'envoy', 'king', 'queen', 'prince', 'princess', 'emperor', 'sheikh', 'sheik',
  'emir', 'pope', 'cardinal', 'bishop', 'archbishop', 'rev.', 'reverend', 'imam', 'rabbi', 'judge',
  'justice', 'deputy', 'foreign', 'defence', 'defense', 'finance', 'interior', 'hon.', 'madam',
  'ceo', 'chief', 'executive', 'spokesman', 'spokeswoman', 'spokesperson', 'commissioner',
  'inspector', 'detective', 'constable', 'superintendent', 'treasurer', 'speaker', 'councillor',
  'councilor', 'coach', 'director', 'attorney', 'officer', 'sheriff', 'trooper', 'lieutenant',
]);

/** Head words that make a capitalized phrase an organization: "… Committee", "Ministry of …". */
export const ORG_HEADS = new Set([
  'ministry', 'department', 'committee', 'commission', 'council', 'agency', 'bureau', 'office',
  'party', 'army', 'navy', 'force', 'forces', 'corps', 'guard', 'guards', 'command', 'university',
  'college', 'institute', 'academy', 'school', 'association', 'federation', 'union', 'league',
  'organization', 'organisation', 'foundation', 'fund', 'bank', 'company', 'corporation', 'corp.',
  'inc.', 'ltd.', 'co.', 'inc', 'ltd', 'corp', 'llc', 'plc', 'group', 'holdings', 'authority', 'administration', 'assembly', 'congress',
  'parliament', 'senate', 'court', 'tribunal', 'service', 'services', 'police', 'cabinet',
  'government', 'embassy', 'consulate', 'mission', 'society', 'club', 'network', 'news', 'times',
  'post', 'journal', 'herald', 'tribune', 'gazette', 'press', 'broadcasting', 'television', 'radio',
  'newspaper', 'magazine', 'center', 'centre', 'board', 'brigade', 'division', 'battalion',
  'regiment', 'regiments', 'front', 'movement', 'alliance', 'coalition', 'caucus', 'secretariat',
  'politburo', 'presidium', 'directorate', 'inspectorate', 'enterprise', 'complex', 'works',
  'factory', 'mine', 'farm', 'cooperative', 'hospital', 'studio', 'airlines', 'airways', 'motors',
  'systems', 'technologies', 'laboratory', 'laboratories', 'labs', 'studios', 'pharmaceuticals', 'ventures', 'images', 'pictures', 'church', 'mosque', 'brotherhood', 'taliban',
  'museum', 'records', 'productions', 'entertainment', 'brothers', 'bros.', 'electric',
  'robotics', 'aerospace', 'therapeutics', 'biosciences', 'lab', 'partners', 'insurance', 'collaboration',
]);

/** Words that open an organization's name: "Ministry of National Defence", "University of …". */
export const ORG_OPENERS = new Set([
  'library', 'ministry', 'department', 'university', 'bank', 'office', 'bureau', 'council', 'commission',
  'committee', 'academy', 'institute', 'house', 'court', 'federation', 'union', 'league', 'church',
  'museum', 'organization', 'organisation', 'school', 'college', 'party', 'army', 'people',
]);

/** Head words that make a capitalized phrase a place: "Songchon County", "South Phyongan Province". */
export const PLACE_HEADS = new Set([
  'county', 'province', 'city', 'district', 'prefecture', 'region', 'oblast', 'krai', 'state',
  'island', 'islands', 'peninsula', 'mountain', 'mountains', 'mount', 'mt.', 'river', 'sea',
  'ocean', 'strait', 'straits', 'gulf', 'bay', 'lake', 'valley', 'desert', 'plain', 'plateau',
  'coast', 'street', 'square', 'avenue', 'road', 'bridge', 'port', 'harbor', 'harbour', 'airport',
  'station', 'town', 'village', 'township', 'ri', 'dong', 'gun', 'kun', 'si', 'do', 'territory',
  'territories', 'canal', 'border', 'zone', 'base', 'park', 'heights', 'hills', 'falls', 'beach', 'cape',
  'fort', 'isle', 'basin', 'drive', 'boulevard', 'garden', 'gardens',
  // Venues: "Ryman Auditorium", "Mohegan Sun Arena", "Shoreline Amphitheatre", "Belmarsh Prison".
  'stadium', 'arena', 'amphitheatre', 'amphitheater', 'pavilion', 'auditorium', 'theatre', 'theater',
  'coliseum', 'statehouse', 'prison',
]);

/** Small words that may stand inside a multi-word name: "Ministry of National Defence". */
export const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'de', 'du', 'des', 'la', 'le', 'del', 'da', 'do', 'dos', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'y', 'e', '&']);

/** Of those, the ones a person's name may hold ("Omar Hassan al-Bashir", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = new Set(['de', 'du', 'da', 'dos', 'del', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'la', 'le', 'di', 'mac', 'ben']);

/** Capitalized at a sentence start but not names (when not otherwise known). */
export const SENTENCE_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i',
  'you', 'his', 'her', 'their', 'our', 'my', 'your', 'there', 'here', 'in', 'on', 'at', 'to',
  'for', 'from', 'by', 'with', 'without', 'after', 'before', 'since', 'during', 'while', 'when',
  'where', 'what', 'who', 'why', 'how', 'which', 'if', 'but', 'and', 'or', 'so', 'yet', 'as',
  'of', 'all', 'some', 'many', 'most', 'more', 'much', 'few', 'no', 'not', 'none', 'one', 'two',
  'three', 'each', 'every', 'both', 'other', 'another', 'such', 'only', 'also', 'even', 'still',
  'now', 'then', 'today', 'yesterday', 'tomorrow', 'however', 'meanwhile', 'instead', 'although',
  'though', 'because', 'despite', 'under', 'over', 'about', 'against', 'between', 'among',
  'through', 'into', 'onto', 'upon', 'up', 'down', 'out', 'off', 'again', 'once', 'let', 'long',
  'near', 'outside', 'inside', 'around', 'across', 'throughout', 'beyond', 'toward', 'towards',
  'live', 'forward', 'glory', 'let\'s', 'please', 'thank', 'thanks', 'yes', 'well', 'indeed',
  'read', 'see', 'photo', 'video', 'credit', 'update', 'advertisement', 'continue', 'related',
  'according', 'asked', 'speaking', 'last', 'next', 'early', 'late', 'recently', 'already',
  'although', 'unlike', 'like', 'just', 'perhaps', 'maybe', 'never', 'always', 'often', 'sometimes',
  'officials', 'sources', 'experts', 'analysts', 'critics', 'supporters', 'residents', 'people',
  'most', 'several', 'new', 'old', 'first', 'second', 'third', 'whether', 'until', 'unless',
  'those', 'how', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have',
  'has', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall',
  'later', 'earlier', 'afterwards', 'finally', 'separately', 'elsewhere', 'overall', 'currently',
  'previously', 'initially', 'eventually', 'originally', 'thus', 'therefore', 'besides', 'otherwise',
  'copyright', "i'm", "i've", "i'd", "i'll", "it's", "that's", "there's", "we're", "you're", "they're", "he's", "she's",
  "we've", "they've", "don't", "can't", "won't", "isn't", 'former', 'formerly', 'acting', 'nevertheless', 'moreover', 'furthermore', 'additionally', 'notably', 'similarly', 'likewise',
]);

/**
 * Verbs of a headline in title case, which stand between names and belong to none: "Kim Jong Un
 * Visits Songchon County", "Premier Inspects Kimhwa County Farm".
 */
export const HEADLINE_VERBS = new Set([
  'visits', 'inspects', 'makes', 'meets', 'receives', 'sends', 'calls', 'says', 'holds', 'attends', 'gives', 'issues',
  'sees', 'tours', 'opens', 'launches', 'warns', 'urges', 'vows', 'signs', 'congratulates', 'enjoys', 'watches',
  'provides', 'guides', 'leads', 'hails', 'praises', 'denounces', 'slams', 'condemns', 'rejects', 'accepts', 'joins',
  'leaves', 'returns', 'arrives', 'departs', 'wins', 'loses', 'beats', 'sues', 'buys', 'sells', 'acquires', 'announces',
  'unveils', 'orders', 'appoints', 'names', 'fires', 'elects', 'backs', 'blasts', 'criticizes', 'criticises', 'thanks',
]);

/** Verbs of saying after a name: "…, Smith said". */
export const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'noted', 'wrote', 'asked', 'argued', 'insisted', 'explained', 'stated', 'declared', 'stressed', 'warned', 'replied']);

/** Given names that are also common words: alone, they are the word ("the Bill", "Will it"). */
export const WORD_NAMES = new Set([
  'bill', 'will', 'mark', 'rose', 'grace', 'hope', 'faith', 'joy', 'may', 'june', 'april', 'august', 'art', 'frank', 'sue',
  'pat', 'rob', 'jack', 'ray', 'dean', 'glen', 'cliff', 'lily', 'ivy', 'dawn', 'summer', 'autumn', 'amber', 'ruby', 'pearl',
  'crystal', 'sky', 'page', 'penny', 'chase', 'hunter', 'mason', 'gene', 'don', 'king', 'major', 'earl', 'duke', 'prince',
  'rich', 'chip', 'buck', 'bud', 'guy', 'max', 'miles', 'sterling', 'victor', 'young', 'price', 'bishop', 'baker', 'carter',
  'sunny', 'storm', 'river', 'brook', 'forest', 'heather', 'holly', 'iris', 'jade', 'violet', 'destiny', 'harmony',
  'justice', 'liberty', 'trinity', 'angel', 'christian', 'dash', 'drew', 'grant', 'lance', 'pierce', 'reed', 'wade',
  'so', 'long',
]);

/** Articles: a name does not start with one, and one inside a run starts something else. */
export const ARTICLES = new Set(['the', 'a', 'an']);

/** Capitalized words that open a place's name: "South Taranaki", "Lower Manhattan", "Greater London". */
export const PLACE_PREFIXES = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'greater',
  'downtown', 'midtown', 'inner', 'outer',
]);

/**
 * US states and Canadian provinces as news writes them after a city, in the AP's and the
 * Canadian Press's style ("Ozark, Ala.", "Brampton, Ont."), and after a lawmaker's party
 * ("R-Wis."): folded, with the period.
 */
export const STATE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['ala.', 'Alabama'], ['ariz.', 'Arizona'], ['ark.', 'Arkansas'], ['calif.', 'California'],
  ['colo.', 'Colorado'], ['conn.', 'Connecticut'], ['del.', 'Delaware'], ['fla.', 'Florida'],
  ['ga.', 'Georgia'], ['ill.', 'Illinois'], ['ind.', 'Indiana'], ['kan.', 'Kansas'], ['ky.', 'Kentucky'],
  ['la.', 'Louisiana'], ['md.', 'Maryland'], ['mass.', 'Massachusetts'], ['mich.', 'Michigan'],
  ['minn.', 'Minnesota'], ['miss.', 'Mississippi'], ['mo.', 'Missouri'], ['mont.', 'Montana'],
  ['neb.', 'Nebraska'], ['nev.', 'Nevada'], ['n.h.', 'New Hampshire'], ['n.j.', 'New Jersey'],
  ['n.m.', 'New Mexico'], ['n.y.', 'New York'], ['n.c.', 'North Carolina'], ['n.d.', 'North Dakota'],
  ['okla.', 'Oklahoma'], ['ore.', 'Oregon'], ['pa.', 'Pennsylvania'], ['r.i.', 'Rhode Island'],
  ['s.c.', 'South Carolina'], ['s.d.', 'South Dakota'], ['tenn.', 'Tennessee'], ['vt.', 'Vermont'],
  ['va.', 'Virginia'], ['wash.', 'Washington'], ['w.va.', 'West Virginia'], ['wis.', 'Wisconsin'],
  ['wyo.', 'Wyoming'], ['alta.', 'Alberta'], ['man.', 'Manitoba'], ['n.b.', 'New Brunswick'],
  ['nfld.', 'Newfoundland and Labrador'], ['n.s.', 'Nova Scotia'], ['ont.', 'Ontario'],
  ['p.e.i.', 'Prince Edward Island'], ['que.', 'Quebec'], ['sask.', 'Saskatchewan'], ['penn.', 'Pennsylvania'],
]);

/** Words that end a company's name: after one, an "and" joins two companies, not one name. */
export const CORPORATE_SUFFIXES = new Set(['inc.', 'inc', 'corp.', 'corp', 'ltd.', 'ltd', 'co.', 'llc', 'plc', 'group', 'holdings', 'corporation', 'company']);

/**
 * Titles that stand before a person's name inside a longer capitalized run: "… Employees
 * President J. David Cox", "NTEU President Tony Reardon". An organization's name stops there.
 */
export const PERSON_TITLES = new Set([
  'president', 'chairman', 'chairwoman', 'chair', 'ceo', 'director', 'spokesman', 'spokeswoman',
  'spokesperson', 'commissioner', 'speaker', 'mr.', 'mrs.', 'ms.', 'dr.', 'sen.', 'rep.', 'gov.',
]);

/** US states' and Canadian provinces' postal codes, folded: a place after a city ("Tampa, FL"). */
export const POSTAL_CODES: ReadonlyMap<string, string> = new Map([
  ['al', 'Alabama'], ['ak', 'Alaska'], ['az', 'Arizona'], ['ar', 'Arkansas'], ['ca', 'California'],
  ['co', 'Colorado'], ['ct', 'Connecticut'], ['de', 'Delaware'], ['fl', 'Florida'], ['ga', 'Georgia'],
  ['hi', 'Hawaii'], ['id', 'Idaho'], ['il', 'Illinois'], ['in', 'Indiana'], ['ia', 'Iowa'], ['ks', 'Kansas'],
  ['ky', 'Kentucky'], ['la', 'Louisiana'], ['me', 'Maine'], ['md', 'Maryland'], ['ma', 'Massachusetts'],
  ['mi', 'Michigan'], ['mn', 'Minnesota'], ['ms', 'Mississippi'], ['mo', 'Missouri'], ['mt', 'Montana'],
  ['ne', 'Nebraska'], ['nv', 'Nevada'], ['nh', 'New Hampshire'], ['nj', 'New Jersey'], ['nm', 'New Mexico'],
  ['ny', 'New York'], ['nc', 'North Carolina'], ['nd', 'North Dakota'], ['oh', 'Ohio'], ['ok', 'Oklahoma'],
  ['or', 'Oregon'], ['pa', 'Pennsylvania'], ['ri', 'Rhode Island'], ['sc', 'South Carolina'],
  ['sd', 'South Dakota'], ['tn', 'Tennessee'], ['tx', 'Texas'], ['ut', 'Utah'], ['vt', 'Vermont'],
  ['va', 'Virginia'], ['wa', 'Washington'], ['wv', 'West Virginia'], ['wi', 'Wisconsin'], ['wy', 'Wyoming'],
  ['dc', 'District of Columbia'], ['on', 'Ontario'], ['qc', 'Quebec'], ['bc', 'British Columbia'], ['ab', 'Alberta'],
]);
