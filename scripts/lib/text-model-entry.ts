/** The text model, bundled for the bench: the text Gloss reads (and quotes from) in an article's HTML. */
export { buildTextModel } from '../../utils/text/build-text-model';
