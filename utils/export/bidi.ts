/**
 * The bidi controls the readable exports take out of text: the embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069). Each reorders everything after it until it is closed,
 * so a page can make a quote, a title or an outlet's name show in another order than it reads
 * ("Trojan Source"), and one left open runs on into the reader's note and the next article.
 *
 * The marks (LRM U+200E, RLM U+200F, ALM U+061C) stay: they reorder nothing beyond the
 * punctuation and digits beside them, and right-to-left pages need them to show numbers and
 * quoted Latin words the right way round. The backup and the W3C file keep every character,
 * since a quote there must match the page to be found again.
 */

const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** `text` without bidi embedding, override and isolate controls. */
export const stripBidiControls = (text: string): string => text.replace(CONTROLS, '');
