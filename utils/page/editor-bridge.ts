/**
 * The contract between the article script and the highlight editor, which the background injects
 * on the reader's first use (keeping the article script small). Both run in the extension's
 * isolated world of the same frame and meet on its `window`, which page scripts cannot see.
 */
import type { Placement } from '../anchoring/anchor-all';
import type { TextModel } from '../text/text-model';
import { worldSlot } from './world-slot';

/** What the reader asked the editor for. */
export type EditorRequest =
  /** The page's current selection (`explicit`: by shortcut or menu, so say why when it can't be used). */
  | { kind: 'selection'; explicit?: boolean }
  /** A stretch of the article's text, e.g. an entity mention: open with the note field. */
  | { kind: 'range'; start: number; end: number }
  /** The cards of these annotations (a clicked highlight, or an orphan in the panel). */
  | { kind: 'annotations'; ids: string[] };

/** What the article script shares with the editor: it updates the fields, then calls `onChange`. */
export interface ArticleBridge {
  articleId: string | null;
  model: TextModel | null;
  placement: Placement;
  /** Scrolls to text[start, end) of `model` and flashes it, as the popup's "show" does (set by the article script). */
  reveal?: (start: number, end: number) => boolean;
  /** Set by the editor: called after the article script changed the fields. */
  onChange?: () => void;
  /** The request made before the editor was running (the editor takes it). */
  pending: EditorRequest | null;
}

export interface EditorApi {
  open(request: EditorRequest): void;
}

const article = worldSlot<ArticleBridge>('__glossArticle');
const editor = worldSlot<EditorApi>('__glossEditor');

export const articleBridge = article.get;
export const shareArticle = article.set;
export const editorApi = editor.get;
export const shareEditor = editor.set;
