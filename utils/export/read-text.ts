/**
 * The text of an imported file as JSON.parse needs it. Editors on Windows save UTF-8 with a
 * byte-order mark, which `Blob.text()` drops but a string handed over otherwise may still carry,
 * and JSON.parse refuses it.
 */

/** `text` without a leading byte-order mark. */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
