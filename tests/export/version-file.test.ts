// @vitest-environment jsdom
// (DOMPurify, which cleans the copy again for the file, does not work in happy-dom.)
import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '@/utils/anchoring/annotation';
import { describeText } from '@/utils/anchoring/selectors';
import { versionFileName, versionHtml, versionMarkdown } from '@/utils/export/version-file';
import type { VersionRecord } from '@/utils/versions/version';

const TEXT = 'Reforestation campaign\nThe ministry announced a revised schedule.\nOfficials said *nurseries* in four provinces <b>would</b> change.';
const HTML = '<h2>Reforestation campaign</h2><p onclick="alert(1)">The ministry announced a revised schedule.</p><script>window.ran=1</script><p>Officials said *nurseries* in four provinces &lt;b&gt;would&lt;/b&gt; change.</p><img src="https://x.test/a.png" alt="The hills"><iframe src="https://x.test/"></iframe>';
const version: VersionRecord = {
  id: 'v1', articleId: 'https://policy.test/a', hash: 'c'.repeat(64), title: 'Reforestation <campaign>', byline: 'Jane Doe', siteName: 'Policy Monitor',
  publishedTime: '2025-03-11', modifiedTime: null, lang: 'en', dir: null, url: 'https://policy.test/a', canonicalUrl: null,
  firstSeenAt: Date.UTC(2026, 4, 3), lastSeenAt: Date.UTC(2026, 4, 4), rawBytes: 1, storedBytes: 1, encoding: 'gzip',
};
const note = (quote: string, text: string, id: string, body: string): AnnotationRecord => {
  const start = text.indexOf(quote);
  return { id, articleId: version.articleId, ...describeText(text, start, start + quote.length), color: 'yellow', note: body, tags: ['drought'], createdAt: 1, updatedAt: 1, textHash: '', rev: 1 };
};
const notes = [
  note('revised schedule', TEXT, 'a', 'A note with <script>alert(1)</script>'),
  note('a passage of another version', `Before.\na passage of another version\nAfter.`, 'b', ''),
];

describe('export/version-file', () => {
  it('writes one self-contained HTML page: header, the copy cleaned again, the notes as text, no script', () => {
    const html = versionHtml(version, { html: HTML, text: TEXT }, notes);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.title).toBe('Reforestation <campaign>');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
    expect(doc.querySelectorAll('script, iframe, img, [onclick], link[rel="stylesheet"]')).toHaveLength(0);
    expect(doc.querySelector('main')?.textContent).toContain('The ministry announced a revised schedule.');
    expect(doc.querySelector('[data-gloss-image="The hills"]')?.getAttribute('href')).toBe('https://x.test/a.png');
    expect(doc.querySelector('header')?.textContent).toContain(`SHA-256 of its text: ${'c'.repeat(64)}`);
    expect([...doc.querySelectorAll('.notes blockquote')].map((q) => q.textContent)).toEqual(['revised schedule', 'a passage of another version']);
    expect(doc.querySelector('.notes h3')?.textContent).toBe('Not found in this version');
    expect(doc.querySelector('.note')?.textContent).toBe('A note with <script>alert(1)</script>');
    expect(doc.querySelector('footer')?.textContent).toContain('Accessed May 3, 2026');
  });

  it('writes Markdown: the header, each paragraph escaped, the notes as blockquotes', () => {
    const md = versionMarkdown(version, { html: HTML, text: TEXT }, notes);
    expect(md.startsWith('# Reforestation \\<campaign\\>\n\n<https://policy.test/a>\n')).toBe(true);
    expect(md).toContain('\nOfficials said \\*nurseries\\* in four provinces \\<b\\>would\\</b\\> change.\n');
    expect(md).toContain('## Notes\n\n> revised schedule\n\nA note with \\<script>alert(1)\\</script>\n\n#drought\n');
    expect(md).toContain('### Not found in this version\n\n> a passage of another version\n');
  });

  it('names the file after the title and the day it was read', () => {
    expect(versionFileName(version, 'html')).toBe('reforestation-campaign-2026-05-03.html');
    expect(versionFileName({ ...version, title: '«Ким Чен Ын»' }, 'md')).toBe('ким-чен-ын-2026-05-03.md');
    expect(versionFileName({ ...version, title: '???' }, 'md')).toBe('article-2026-05-03.md');
  });
});
