/**
 * Brings a stretch of the article into view and flashes it for a moment (a highlight or a
 * mention the reader picked in the popup). The flash is one more Custom Highlight, above the
 * others; where the API is missing the page only scrolls.
 */
import { FLASH_HIGHLIGHT } from '@/utils/highlight/names';
import type { HighlightScope } from '@/utils/highlight/paint';
import type { TextModel } from '@/utils/text/text-model';

const FLASH_MS = 1600;
let timer: ReturnType<typeof setTimeout> | undefined;

export function reveal(model: TextModel, start: number, end: number): boolean {
  const range = model.range(start, end);
  if (!range || range.collapsed) return false;
  window.scrollBy({ top: range.getBoundingClientRect().top - innerHeight / 3, behavior: 'smooth' });
  const { Highlight, CSS } = window as unknown as HighlightScope;
  const registry = CSS?.highlights;
  if (Highlight && registry) {
    const flash = new Highlight(range);
    flash.priority = 2;
    registry.set(FLASH_HIGHLIGHT, flash);
    clearTimeout(timer);
    timer = setTimeout(() => registry.delete(FLASH_HIGHLIGHT), FLASH_MS);
  }
  return true;
}
