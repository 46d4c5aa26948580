// @ts-check
/**
 * A page's own scripts, taken out of its HTML before a bench serves it: what Gloss costs a page is
 * measured on the page's own rendering alone, without its scripts' timers, ads and retries, which
 * swing from one visit to the next more than Gloss's whole cost (issue 16). Data blocks stay
 * (JSON-LD and other non-JavaScript `type`s are metadata Readability reads); inline event
 * handler attributes (`onload="…"`) go too.
 */

/** `<script>` types a browser runs: none, a JavaScript MIME type, or `module`. */
const RUNS = /^\s*$|^\s*(module|(text|application)\/(x-)?(java|ecma)script|text\/jscript|text\/livescript)\s*$/i;

/**
 * The HTML without the scripts a browser would run.
 * @param {string} html
 */
export function stripScripts(html) {
  return html
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (whole, attributes) => {
      const type = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
      return RUNS.test(type ? (type[1] ?? type[2] ?? type[3] ?? '') : '') ? '' : whole;
    })
    .replace(/<[a-zA-Z][^<>]*>/g, (tag) => tag.replace(/\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, ''));
}
