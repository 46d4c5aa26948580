import { afterEach, describe, expect, it } from 'vitest';
import { regionElement, regionSelector } from '@/utils/highlight/region-selector';

describe('highlight/region-selector', () => {
  afterEach(() => document.body.replaceChildren());

  it('matches the region and nothing else, wherever it sits', () => {
    document.body.innerHTML = `
      <header><p>Menu</p></header>
      <div><aside><p>Related</p></aside><main><article><h1>Title</h1><p>First <b>bold</b></p><p>Second</p></article></main></div>
      <x-widget><section><p>Footer</p></section></x-widget>`;
    for (const element of document.body.querySelectorAll('*')) {
      expect([...document.querySelectorAll(regionSelector(element))]).toEqual([element]);
    }
    expect(regionSelector(document.body)).toBe(':root > body:nth-child(2)');
  });

  it('is :root for the document element, an element out of the document, or inside a shadow root', () => {
    expect(regionSelector(document.documentElement)).toBe(':root');
    expect(regionSelector(document.createElement('div'))).toBe(':root');
    expect(regionSelector(null)).toBe(':root');
    const host = document.body.appendChild(document.createElement('div'));
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('p'));
    expect(regionSelector(inner)).toBe(':root');
  });

  it('names a place, so it stops matching when the page puts an element before the region', () => {
    document.body.innerHTML = '<div><article><p>Text</p></article></div>';
    const article = document.querySelector('article') as Element;
    const selector = regionSelector(article);
    expect(article.matches(selector)).toBe(true);
    document.body.prepend(document.createElement('nav'));
    expect(article.matches(selector)).toBe(false);
    expect(article.matches(regionSelector(article))).toBe(true);
  });

  it('takes the element holding a region that is a lone text node', () => {
    document.body.innerHTML = '<p>Only text</p>';
    const paragraph = document.querySelector('p') as Element;
    expect(regionElement(paragraph.firstChild as Node)).toBe(paragraph);
    expect(regionElement(paragraph)).toBe(paragraph);
  });
});
