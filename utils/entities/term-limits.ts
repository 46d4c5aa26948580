/**
 * How long a term may be: its own module so that the message schemas of the content scripts can
 * check it without bundling the built-in term lists.
 */
export const MAX_TERM_LENGTH = 200;
