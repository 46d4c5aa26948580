import { describe, expect, it } from 'vitest';
import { ENTITY_LOOK, entityLook, highlightCss } from '@/utils/highlight/styles';

/** The declarations of the rule for `selector` in `css`. */
const rule = (css: string, selector: string) => css.split('\n').find((line) => line.startsWith(selector + ' {')) ?? '';

describe('highlight/styles', () => {
  it("paints each type in Gloss's own look without the reader's colors", () => {
    const css = highlightCss();
    expect(rule(css, '::highlight(gloss-person)')).toContain('background-color: rgba(230, 120, 20, 0.2) !important');
    expect(rule(css, '::highlight(gloss-person)')).toContain('text-decoration: underline solid #d9660a !important');
    expect(rule(css, 'gloss-mark[data-gloss-type="TERM"]')).toContain('underline wavy #c9246a');
    expect(highlightCss({})).toBe(css);
  });

  it("uses the reader's color for both the tint, at the type's alpha, and the line", () => {
    const css = highlightCss({ typeColors: { ORG: '#00aa88' } });
    for (const selector of ['::highlight(gloss-org)', 'gloss-mark[data-gloss-type="ORG"]']) {
      expect(rule(css, selector)).toContain(`background-color: rgba(0, 170, 136, ${ENTITY_LOOK.ORG.alpha}) !important`);
      expect(rule(css, selector)).toContain('text-decoration: underline double #00aa88 !important');
    }
    // The other types keep their look.
    expect(rule(css, '::highlight(gloss-place)')).toBe(rule(highlightCss(), '::highlight(gloss-place)'));
  });

  it('keeps the style of the underline whatever the color', () => {
    expect(entityLook('DATE', { typeColors: { DATE: '#ffffff' } })).toEqual({ tint: 'rgba(255, 255, 255, 0.18)', line: '#ffffff', style: 'dashed' });
    expect(entityLook('DATE')).toEqual({ tint: 'rgba(140, 90, 220, 0.18)', line: '#7c4fd6', style: 'dashed' });
  });

  it('carries only the rules painting needs: the painted types, and the wrappers only for the fallback', () => {
    const css = highlightCss({ typeColors: { ORG: '#00aa88', PERSON: '#123456' } }, { types: ['PERSON', 'PLACE'], fallback: false });
    expect(rule(css, '::highlight(gloss-person)')).toContain('#123456');
    expect(rule(css, '::highlight(gloss-place)')).not.toBe('');
    // The type the reader turned off has no rule, so its color is not in the page either.
    expect(css).not.toContain('gloss-org');
    expect(css).not.toContain('00aa88');
    expect(css).not.toContain('gloss-mark');
    // Every rule is a ::highlight rule of Gloss's own names.
    for (const line of css.split('\n')) expect(line).toMatch(/^::highlight\(gloss-[a-z]+(-[a-z]+)?\) \{ [^{}]+ \}$/);
    expect(highlightCss(undefined, { types: [] })).not.toContain('gloss-person');
  });

  it('puts the same rules on the element it is given, whose descendants inherit them', () => {
    const plain = highlightCss({ typeColors: { PERSON: '#123456' } }, { types: ['PERSON'], fallback: false });
    const on = ':root > body:nth-child(2) > main:nth-child(1)';
    const scoped = highlightCss({ typeColors: { PERSON: '#123456' } }, { types: ['PERSON'], fallback: false, on });
    expect(scoped.split('\n')).toEqual(plain.split('\n').map((line) => `${on}${line}`));
  });
});
