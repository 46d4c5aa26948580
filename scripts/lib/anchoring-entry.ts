/** What the anchoring and reader benches run, bundled as one module for Node and Chromium alike. */
export { anchorAll } from '../../utils/anchoring/anchor-all';
export { describeText } from '../../utils/anchoring/selectors';
export { default as search } from 'approx-string-match';
export { buildTextModel } from '../../utils/text/build-text-model';
