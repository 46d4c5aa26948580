import { describe, expect, it } from 'vitest';
import { changeSummary, changedSinceText, comparisonPath, formatDay, type ArticleChanges } from '@/utils/versions/changes';

const MAY_3 = new Date(2026, 4, 3, 15, 30).getTime();
const NOW = new Date(2026, 10, 30).getTime();

const changes = (counts: ArticleChanges['counts'], annotated = true, currentVersionId: string | null = 'v2'): ArticleChanges => ({
  since: { versionId: 'v1', at: MAY_3, annotated },
  currentVersionId,
  counts,
});

describe('versions/changes', () => {
  it('says what changed plainly, the noun once', () => {
    expect(changeSummary({ edited: 2, removed: 1, added: 0 })).toBe('2 paragraphs edited, 1 removed');
    expect(changeSummary({ edited: 0, removed: 1, added: 3 })).toBe('1 paragraph removed, 3 added');
    expect(changeSummary({ edited: 0, removed: 0, added: 0 })).toBeNull();
  });

  it('says since when, and whether the reader annotated then', () => {
    expect(changedSinceText(changes({ edited: 2, removed: 1, added: 0 }), NOW)).toBe('Changed since you annotated on 3 May: 2 paragraphs edited, 1 removed');
    expect(changedSinceText(changes({ edited: 1, removed: 0, added: 0 }, false), NOW)).toBe('Changed since Gloss first kept it on 3 May: 1 paragraph edited');
  });

  it('writes the day in the reader’s zone, with the year when it is not this one, and an invalid time as unknown', () => {
    expect(formatDay(MAY_3, NOW)).toBe('3 May');
    expect(formatDay(new Date(2024, 11, 31, 23, 0).getTime(), NOW)).toBe('31 December 2024');
    expect(formatDay(Number.NaN, NOW)).toBe('an unknown day');
  });

  it('links the comparison of the version compared with and the one shown, or the latest', () => {
    const article = 'https://news.test/a?id=1&x=2';
    const withCurrent = new URLSearchParams(comparisonPath(article, changes({ edited: 1, removed: 0, added: 0 })).split('?')[1]);
    expect(Object.fromEntries(withCurrent)).toEqual({ article, compare: 'v1', version: 'v2' });
    expect(comparisonPath(article, changes({ edited: 1, removed: 0, added: 0 }, true, null))).not.toContain('version=');
  });
});
