// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMAGE_ATTR, NoSanitizerError, sanitizeArticle, sanitizedFragment } from '@/utils/versions/sanitize';
import { Window as HappyWindow } from 'happy-dom';

const hostile = readFileSync(join(__dirname, '../fixtures/versions/hostile-article.html'), 'utf8');
const body = hostile.slice(hostile.indexOf('<article>'), hostile.indexOf('</article>') + '</article>'.length);

/** Every element and attribute of `html` as parsed, for checks that a string search could miss. */
function parsed(html: string) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const elements = Array.from(doc.body.querySelectorAll('*'));
  return { doc, elements, attributes: elements.flatMap((element) => Array.from(element.attributes, (a) => ({ element, name: a.name, value: a.value }))) };
}

describe('versions/sanitize', () => {
  const clean = sanitizeArticle(body);
  const { doc, elements, attributes } = parsed(clean);

  it('keeps the article: its text, headings, links, figures with captions, tables and quotes', () => {
    expect(doc.body.textContent).toContain('The delegation arrived in Pyongyang on Tuesday');
    expect(doc.body.textContent).toContain('expected to meet again in the spring');
    expect(doc.querySelector('h1')?.textContent).toBe('Hostile Daily: a report that fights back');
    expect(doc.querySelector('figure figcaption')?.textContent).toBe('The ministry building, as seen on Tuesday.');
    expect(doc.querySelector('table caption')?.textContent).toBe('Trade by year');
    expect(doc.querySelector('th')?.getAttribute('scope')).toBe('col');
    expect(doc.querySelector('blockquote p')?.textContent).toContain('We will continue to talk');
    expect(doc.querySelector('a[href="https://news.hostile.test/related"]')?.textContent).toBe('Related coverage');
  });

  it('leaves no script, style, frame, form, SVG, MathML, medium or plug-in', () => {
    const names = new Set(elements.map((element) => element.localName));
    for (const name of ['script', 'style', 'link', 'iframe', 'form', 'input', 'button', 'svg', 'image', 'math', 'mi', 'object', 'embed', 'video', 'img', 'meta', 'base']) {
      expect(names.has(name), name).toBe(false);
    }
    expect(clean).not.toMatch(/fetch\(|alert\(|__hostile/);
    // A removed control's label is not article text.
    expect(doc.body.textContent).not.toContain('Send');
  });

  it('leaves no event handler, style attribute or URL that runs or fetches', () => {
    expect(attributes.filter(({ name }) => name.startsWith('on'))).toEqual([]);
    for (const { name, value } of attributes) {
      expect(['style', 'src', 'srcset', 'background', 'poster', 'action', 'formaction', 'target', 'class', 'id', 'cite', 'xlink:href']).not.toContain(name);
      if (name === 'href') expect(value).toMatch(/^(https?|mailto):/i);
    }
    // The javascript: links keep their words, not their address.
    expect(doc.body.textContent).toContain('(see the agenda)');
    expect(doc.body.textContent).toContain('a data link');
    expect(clean).not.toMatch(/javascript|data:text/i);
  });

  it('keeps an image as a link to its address with its alt text, never as an image', () => {
    const images = Array.from(doc.querySelectorAll(`[${IMAGE_ATTR}]`));
    expect(images.map((image) => [image.localName, image.getAttribute('href'), image.getAttribute(IMAGE_ATTR), image.textContent])).toEqual([
      // A relative address: Readability makes links absolute before this; one left relative is not kept.
      ['span', null, 'The delegation at the airport', ''],
      ['a', 'https://images.hostile.test/photo.jpg', 'Photo: the ministry building', ''],
    ]);
  });

  it('cleans what it already cleaned to the same HTML', () => {
    expect(sanitizeArticle(clean)).toBe(clean);
  });

  it('refuses the tricks that slip past a string filter', () => {
    const tricks = [
      '<p><a href="https://x.test/" style="position:fixed">e</a></p>',
      '<a href="jav&#x09;ascript:alert(1)">a</a>',
      '<a href=" javascript:alert(1)">b</a>',
      '<a href="vbscript:msgbox(1)">c</a>',
      '<a href="blob:https://x.test/1">d</a>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<svg><style><img src=x onerror=alert(1)></style></svg>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<template><img src=x onerror=alert(1)></template>',
    ].join('');
    const out = sanitizeArticle(tricks);
    expect(out).not.toMatch(/onerror|javascript|vbscript|blob:|style=|<img|<template|<svg|<math/i);
    const { attributes: attrs } = parsed(out);
    expect(attrs.filter(({ name }) => name === 'href').map(({ value }) => value)).toEqual(['https://x.test/']);
  });

  it('gives a fragment of a document that loads nothing', () => {
    const fragment = sanitizedFragment('<p>text <img src="https://x.test/a.png" alt="a"></p>');
    expect(fragment.ownerDocument).not.toBe(document);
    expect(fragment.querySelector('img')).toBeNull();
  });

  it('refuses to clean in a DOM where DOMPurify would remove nothing (happy-dom)', () => {
    const happy = new HappyWindow();
    expect(() => sanitizeArticle('<p onclick="x">a</p>', happy as unknown as Window)).toThrow(NoSanitizerError);
    void happy.happyDOM.close();
  });
});
