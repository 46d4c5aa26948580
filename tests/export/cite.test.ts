import { describe, expect, it } from 'vitest';
import { chicagoReference, cslJson } from '@/utils/export/cite';
import type { VersionRecord } from '@/utils/versions/version';

const HASH = 'ab'.repeat(32);
const READ = new Date(2026, 4, 3, 10, 0).getTime();

const version = (extra: Partial<VersionRecord> = {}): VersionRecord => ({
  id: 'v1',
  articleId: 'https://policy.test/reforestation',
  hash: HASH,
  title: 'Reforestation campaign moves spring planting forward',
  byline: 'By Jane Doe',
  siteName: 'Policy Monitor',
  publishedTime: '2025-03-11T09:14:00+09:00',
  modifiedTime: null,
  lang: 'en',
  dir: null,
  url: 'https://policy.test/reforestation?from=rss#comments',
  canonicalUrl: 'https://policy.test/reforestation',
  firstSeenAt: READ,
  lastSeenAt: READ + 1000,
  rawBytes: 100,
  storedBytes: 50,
  encoding: 'gzip',
  ...extra,
});

describe('export/cite', () => {
  it('writes a Chicago reference with the day the outlet dated it, the day it was read and the version’s fingerprint', () => {
    expect(chicagoReference(version())).toBe(
      `Jane Doe. “Reforestation campaign moves spring planting forward.” Policy Monitor, March 11, 2025. https://policy.test/reforestation. Accessed May 3, 2026. Stored copy, SHA-256 ${HASH}.`,
    );
  });

  it('leaves out what the page did not give, and keeps a date it cannot read out of the reference', () => {
    expect(chicagoReference(version({ byline: null, siteName: null, publishedTime: 'Spring 2024', canonicalUrl: null, title: 'Why?' }))).toBe(
      `“Why?” https://policy.test/reforestation?from=rss. Accessed May 3, 2026. Stored copy, SHA-256 ${HASH}.`,
    );
  });

  it('gives a CSL-JSON item with issued and accessed dates, the address and the fingerprint', () => {
    const [item] = cslJson(version());
    expect(item).toEqual({
      id: `gloss-${HASH.slice(0, 16)}`,
      type: 'article-newspaper',
      title: 'Reforestation campaign moves spring planting forward',
      'container-title': 'Policy Monitor',
      author: [{ literal: 'Jane Doe' }],
      issued: { 'date-parts': [[2025, 3, 11]] },
      accessed: { 'date-parts': [[2026, 5, 3]] },
      URL: 'https://policy.test/reforestation',
      language: 'en',
      note: `Stored copy read ${new Date(READ).toISOString()}, SHA-256 ${HASH}`,
    });
    // Round-trips as JSON; no empty fields for what the page did not give.
    const [bare] = JSON.parse(JSON.stringify(cslJson(version({ byline: null, siteName: null, publishedTime: null, lang: null })))) as Record<string, unknown>[];
    expect(Object.keys(bare!).sort()).toEqual(['URL', 'accessed', 'id', 'note', 'title', 'type']);
  });

  it('drops bidi controls a page put in its title', () => {
    expect(chicagoReference(version({ title: 'Safe\u202eelif.exe' }))).toContain('“Safeelif.exe.”');
  });
});
