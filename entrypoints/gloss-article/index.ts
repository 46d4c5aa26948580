/**
 * The article script: injected by the background into pages the loader
 * (`entrypoints/gloss-loader`) found article-like. Readability runs in the extension on a copy of
 * the page, and the text it kept is found again in the live DOM as the text model
 * (`utils/text/`). The page is read again when the article's region changes or the page
 * navigates to another address.
 */
import { scriptContext } from '@/utils/page/script-context';
import type { LocatedArticle } from '@/utils/article/locate-article';
import { liveText } from '@/utils/article/live-chunks';
import type { Placement } from '@/utils/anchoring/anchor-all';
import type { EntitySpan } from '@/utils/entities/types';
import { listen } from '@/utils/messaging/listen';
import { toContent } from '@/utils/messaging/protocol/to-content';
import { sendToExtension } from '@/utils/messaging/send';
import { markArticleScriptRunning } from '@/utils/page/handoff';
import { measure } from '@/utils/page/timeline';
import { applyChange, mergePlacement, type AnnotationChange } from '@/utils/page/apply-change';
import { textHash } from '@/utils/text/hash';
import type { PageState } from '@/utils/messaging/protocol';
import { normalizeSettings, type Settings } from '@/utils/settings/settings';
import { changedSinceText, type ArticleChanges } from '@/utils/versions/changes';
import { linkEditor } from './editor-link';
import { startHighlights, type HighlightLayer } from './highlights';
import { readArticle } from './read-article';
import { reveal } from './reveal';
import { watchArticle } from './watch-article';

// A plain script (utils/page/script-context.ts says why not WXT's content script wrapper),
// injected by the background.
export default defineUnlistedScript(() => {
  const ctx = scriptContext();
  markArticleScriptRunning();
  let state: PageState = { kind: 'not-article' };
  let located: LocatedArticle | null = null;
  let snapshot = '';
  /**
   * The fingerprint of `located`'s text, for telling which announced records were made on it:
   * made when a change first needs it, not on every page.
   */
  let hash: string | null = null;
  let generation = 0;
  let entities: EntitySpan[] = [];
  let placement: Placement = { placed: [], orphans: [] };
  /** What changed since the reader annotated, as the background last said for this reading. */
  let changes: ArticleChanges | null = null;
  let layer: HighlightLayer | null = null;
  /**
   * The reader's display settings: from each analysis's answer, unless the background announced
   * newer ones while it was on its way (`settingsHeard`).
   */
  let settings: Settings | null = null;
  let settingsHeard = false;
  let analysis = 0;
  /** An analysis is on its way, and whether a change was announced meanwhile (its answer may predate it). */
  let analyzing = false;
  let changedMeanwhile = false;
  const editor = linkEditor(ctx, () => located?.root ?? null);

  ctx.onInvalidated(
    listen('toContent', toContent, {
      getPageState: () => state,
      getArticleText: () =>
        located && 'articleId' in state && state.articleId
          ? {
              articleId: state.articleId,
              text: located.model.text,
              matched: located.matched,
              missed: located.missed,
              entities,
              notes: placement.placed.map(({ annotation, start, end, changed }) => ({ id: annotation.id, start, end, changed })),
              orphans: placement.orphans.map((annotation) => annotation.id),
            }
          : null,
      annotationsChanged: ({ articleId: changed, ...change }) => {
        if (!located || state.kind !== 'article' || changed !== state.articleId) return null;
        // Before the first analysis has painted, it is redone whole; after, the change is
        // applied to what is painted (see apply-change.ts).
        void (layer ? update(changed, change as AnnotationChange, located, generation) : analyze('gloss-notes:', changed, located, generation));
        // Annotated on the text shown now: it has not changed since the reader annotated.
        if (changes && change.changed.some((record) => record.textHash === (hash ??= textHash(located!.model.text)))) {
          changes = null;
          showChanges(changed);
        }
        return null;
      },
      articleChanged: ({ articleId: about, changes: found }) => {
        if (!located || state.kind !== 'article' || about !== state.articleId) return null;
        changes = found;
        showChanges(about);
        return null;
      },
      revealText: ({ start, end }) => !!located && reveal(located.model, start, end),
      revealAnnotation: ({ id }) => show(id),
      settingsChanged: ({ settings: next }) => {
        settings = normalizeSettings(next);
        settingsHeard = true;
        layer?.setSettings(settings);
        return null;
      },
      highlightSelection: () => {
        editor.open({ kind: 'selection', explicit: true });
        return true;
      },
    }),
  );

  const read = async (label: string) => {
    const mine = ++generation;
    const reading = await readArticle(label, {
      isStale: () => ctx.isInvalid || mine !== generation,
      // The first reading shows its progress; a later one keeps the article until it is replaced.
      onExtracting: (articleId) => {
        if (!located) state = { kind: 'extracting', articleId };
      },
    });
    if (!reading) return;
    state = reading.state;
    located = reading.located;
    snapshot = located?.regionText ?? '';
    hash = null;
    changes = null;
    layer?.setChanges(null);
    entities = [];
    placement = { placed: [], orphans: [] };
    // Until the new reading is placed, the editor has no article to write into.
    Object.assign(editor.bridge, { articleId: null, model: null, placement });
    if (located && state.kind === 'article') await analyze(label, state.articleId, located, mine);
  };

  // Entities and the reader's annotations are found in the background, where the lists and
  // the store live, on the model's text.
  const analyze = async (label: string, articleId: string, article: LocatedArticle, mine: number) => {
    const start = performance.now();
    const turn = ++analysis;
    analyzing = true;
    changedMeanwhile = false;
    settingsHeard = false;
    const result = await sendToExtension('toBackground', 'analyzeText', { articleId, text: article.model.text });
    if (turn === analysis) analyzing = false;
    if (ctx.isInvalid || mine !== generation || turn !== analysis || !result.ok) return;
    measure(label + 'entities', { start, end: performance.now() });
    measure(label + 'recognize', { start, duration: result.value.ms });
    entities = result.value.spans;
    const shown = (settings = settingsHeard && settings ? settings : result.value.settings);
    if (layer) layer.setSettings(shown);
    else layer = startHighlights(ctx, shown, editor.open, reanalyze);
    layer.setNamesSkipped(result.value.namesSkipped ?? null);
    apply(label, articleId, article, result.value.placement);
    if (changes) showChanges(articleId);
    if (changedMeanwhile) {
      changedMeanwhile = false;
      await place(articleId, article, mine);
    }
    if (result.value.reveal) show(result.value.reveal);
  };

  /** The panel says what changed (or nothing); its link asks the background to open the comparison. */
  const showChanges = (articleId: string) => {
    const painted = layer;
    if (!painted) return; // the first analysis's paint shows them
    const now = changes;
    painted.setChanges(
      now && {
        text: changedSinceText(now),
        onOpen: () => void sendToExtension('toBackground', 'openComparison', { articleId, compare: now.since.versionId, version: now.currentVersionId }),
      },
    );
  };

  // A name was added to a watchlist from a card: its mentions become terms.
  const reanalyze = () => {
    if (located && state.kind === 'article') void analyze('gloss-watch:', state.articleId, located, generation);
  };

  // The reader's annotations changed: the announced records applied to what is painted,
  // entities kept; only records made on another version of the text go to the background's
  // anchoring (with the text, and just their ids).
  const update = async (articleId: string, change: AnnotationChange, article: LocatedArticle, mine: number) => {
    if (analyzing) return void (changedMeanwhile = true);
    const { placement: next, unplaced } = applyChange(placement, change, article.model.text, (hash ??= textHash(article.model.text)));
    apply('gloss-notes:', articleId, article, next);
    if (!unplaced.length) return;
    const result = await sendToExtension('toBackground', 'placeAnnotations', {
      articleId,
      text: article.model.text,
      ids: unplaced.map((record) => record.id),
    });
    if (ctx.isInvalid || mine !== generation || !result.ok) return;
    apply('gloss-notes:', articleId, article, mergePlacement(placement, result.value));
  };

  // Placed again whole, after an analysis whose answer may predate a change announced meanwhile.
  const place = async (articleId: string, article: LocatedArticle, mine: number) => {
    const turn = analysis;
    const result = await sendToExtension('toBackground', 'placeAnnotations', { articleId, text: article.model.text });
    if (ctx.isInvalid || mine !== generation || turn !== analysis || !result.ok) return;
    apply('gloss-notes:', articleId, article, result.value);
  };

  const apply = (label: string, articleId: string, article: LocatedArticle, placed: Placement) => {
    placement = placed;
    layer!.show(article.model, entities, placement, label, article.root);
    Object.assign(editor.bridge, { articleId, model: article.model, placement });
    editor.bridge.onChange?.();
  };

  /** Scrolls to one of the reader's annotations; an orphan has no place, so its card opens. */
  const show = (id: string) => {
    const placed = placement.placed.find((p) => p.annotation.id === id);
    if (placed && located) return reveal(located.model, placed.start, placed.end);
    if (placement.orphans.some((orphan) => orphan.id === id)) editor.open({ kind: 'annotations', ids: [id] });
    return false;
  };

  // The region's text as it stands: a mutation that leaves it (and its nodes) alone changes nothing.
  const changed = (article: LocatedArticle) =>
    !article.root.isConnected || article.model.nodes.some((node) => !node.isConnected) || liveText(article.root) !== snapshot;

  void read('gloss:');
  watchArticle(ctx, {
    region: () => located?.root ?? null,
    onMutations: () => layer?.keepStyled(),
    onChange: (reason) => {
      if (reason !== 'navigation' && located && !changed(located)) return false;
      void read('gloss-reread:');
      return true;
    },
  });
});
