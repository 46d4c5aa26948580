/**
 * The contract between the article script and the panel's views (the open panel and the entity
 * card), which the background injects on their first use: Preact and the views stay out of the
 * script every article page evaluates (a third of its code, compiled on every article, though
 * most readings never open either). Both run in the extension's isolated world of the same frame
 * and meet on its `window`, which page scripts cannot see.
 */
import type { EntityCardProps } from '@/components/page/EntityCard';
import type { PanelProps } from '@/components/page/Panel';
import { worldSlot } from './world-slot';

/** What is drawn in the panel's shadow root: the card, the open panel, both or neither. */
export interface PanelView {
  card: EntityCardProps | null;
  panel: PanelProps | null;
}

export interface PanelApi {
  draw(container: Element, view: PanelView): void;
}

/** The article script's side: told when the views have arrived, to draw what is current. */
export interface PanelHost {
  ready(): void;
}

const panel = worldSlot<PanelApi>('__glossPanel');
const host = worldSlot<PanelHost>('__glossPanelHost');

export const panelApi = panel.get;
export const sharePanel = panel.set;
export const panelHost = host.get;
export const sharePanelHost = host.set;
