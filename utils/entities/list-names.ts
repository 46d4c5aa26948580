/**
 * The names of the built-in term lists by id, apart from their terms, so that a page showing
 * which lists matched (the popup) does not load the lists themselves.
 */
export const BUILT_IN_LIST_NAMES: Readonly<Record<string, string>> = {
  'dprk-policy': 'North Korean policy and state-media vocabulary',
  'public-policy': 'Public policy',
};
