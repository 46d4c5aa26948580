// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '@/utils/article/extract';

const hostile = readFileSync(join(__dirname, '../fixtures/versions/hostile-article.html'), 'utf8');

describe('article/extract (the copy to keep)', () => {
  it('gives the article sanitized with its modified time, beside what the page needs', () => {
    const extract = extractFromHtml(hostile, 'http://news.test/hostile', new DOMParser());
    expect(extract?.meta).toMatchObject({ siteName: 'Hostile Daily', publishedTime: '2026-03-01T09:00:00Z' });
    expect(extract?.copy?.modifiedTime).toBe('2026-03-02T10:30:00Z');
    const html = extract?.copy?.html ?? '';
    expect(html).toContain('The delegation arrived in Pyongyang on Tuesday');
    expect(html).toContain('<figcaption>The ministry building, as seen on Tuesday.</figcaption>');
    expect(html).not.toMatch(/<script|<iframe|<form|<svg|<img|<style|\son\w+=|javascript:|style=|fetch\(/i);
    // Readability made the image's address absolute, so it is kept as a link.
    expect(html).toContain('<a href="http://news.test/beacon/img-onerror.png" data-gloss-image="The delegation at the airport"></a>');
    expect(extract?.timings.copyMs).toBeGreaterThanOrEqual(0);
  });
});
