/**
 * How long a name search may be: one number for the library page's search boxes, the message
 * that carries the search and the query that reads it, in a module of its own so that a page
 * takes the number without the tokenizer.
 */

/** Characters of a name search at most. */
export const MAX_NAME_QUERY = 200;
