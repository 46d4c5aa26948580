// Set by wxt.config.ts: true only in the bench's build (GLOSS_MEASURES=1), which leaves
// `performance` entries on pages (utils/page/timeline.ts).
interface ImportMetaEnv {
  readonly GLOSS_MEASURES?: boolean;
}
