/** What the diff bench runs, bundled as one module for Node and Chromium alike. */
export { countChanges, diffTexts } from '../../utils/versions/diff';
