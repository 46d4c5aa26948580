/**
 * The panel's views (the open panel and the entity card), injected by the background into an
 * article's frame the first time the reader opens the panel or a card, so that the article script
 * every article page evaluates carries no Preact. It draws, in the panel's shadow root, what the
 * article script hands it (utils/page/panel-bridge.ts); the state and every action stay there.
 */
import { render } from 'preact';
import { EntityCard } from '@/components/page/EntityCard';
import { Panel } from '@/components/page/Panel';
import { panelApi, panelHost, sharePanel } from '@/utils/page/panel-bridge';

// A plain script (utils/page/script-context.ts says why not WXT's content script wrapper),
// injected by the background.
export default defineUnlistedScript(() => {
  if (panelApi()) return; // injected twice: the first one draws
  sharePanel({
    draw: (container, { card, panel }) =>
      render(
        <>
          {card && <EntityCard {...card} />}
          {panel && <Panel {...panel} />}
        </>,
        container,
      ),
  });
  panelHost()?.ready();
});
