/**
 * How elements shape the text model: which break the text into blocks, and which hold no
 * reader-visible text at all. Decided by tag, not computed style, so the model is the same for
 * the same page on every load and costs no style recalculation.
 */

/** Elements whose start and end separate the text on either side (like CSS block boxes). */
export const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL',
  'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE',
  'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CENTER', 'LEGEND', 'MENU', 'OPTGROUP', 'BODY',
]);

/** Elements whose text the reader never sees as text (code, styles, form state, raw fallbacks). */
export const TEXTLESS_ELEMENTS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT',
  'NOEMBED', 'NOFRAMES', 'XMP', 'PLAINTEXT', 'TITLE', 'HEAD', 'svg', 'SVG', 'math', 'MATH',
]);

/** True for an element hidden by its own markup (`hidden`, `aria-hidden`, inline `display:none`). */
export function isHiddenByMarkup(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none/i.test(style);
}
