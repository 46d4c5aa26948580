import { afterEach, describe, expect, it } from 'vitest';
import { hostShows, readersGesture } from '@/utils/page/visible';

describe('page/visible', () => {
  afterEach(() => {
    document.body.replaceChildren();
    document.body.removeAttribute('style');
  });

  const host = () => document.body.appendChild(document.createElement('gloss-editor'));

  it('refuses an event the page made up, however the host looks', () => {
    const el = host();
    expect(hostShows(el)).toBe(true);
    expect(readersGesture(new MouseEvent('click', { detail: 1, clientX: 5, clientY: 5 }), el)).toBe(false);
    expect(readersGesture(new Event('change'), el)).toBe(false);
  });

  it('counts a host as hidden when an ancestor makes it transparent, invisible or filtered away', () => {
    const el = host();
    for (const style of ['opacity: 0', 'opacity: 0.5', 'display: none', 'filter: opacity(0)', 'filter: contrast(0)', 'filter: blur(8px)', 'clip-path: inset(50%)']) {
      document.body.setAttribute('style', style);
      expect(hostShows(el), style).toBe(false);
    }
    // A page fading in nearly at full opacity, or a dark-mode inversion, still shows Gloss.
    for (const style of ['opacity: 0.95', 'filter: invert(1) hue-rotate(180deg)']) {
      document.body.setAttribute('style', style);
      expect(hostShows(el), style).toBe(true);
    }
  });

  it('counts a detached host as hidden', () => {
    expect(hostShows(document.createElement('gloss-editor'))).toBe(false);
  });
});
