import { describe, expect, it } from 'vitest';
import { containNote, exportMarkdown, markdownTag } from '@/utils/export/markdown';
import { groupByArticle } from '@/utils/export/order';
import { hostileTags, hostileText, seededRandom } from '../support/hostile';
import { randomLibrary, sampleLibrary } from '../support/library';

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/** The ATX headings of a document, leaving out lines inside fenced code (CommonMark's fence rule). */
function headingsOutsideCode(markdown: string): string[] {
  const headings: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (match && match[1]!.startsWith(fence) && !match[2]!.trim()) fence = null;
    } else if (match && !(match[1]![0] === '`' && match[2]!.includes('`'))) {
      fence = match[1]!;
    } else if (/^ {0,3}#{1,6}(\s|$)/.test(line)) {
      headings.push(line);
    }
  }
  expect(fence, 'a code fence is left open').toBeNull();
  return headings;
}

describe('export/markdown', () => {
  it('writes each article as a heading, link and byline, its passages as quotes with note and tags', () => {
    const { annotations, articles } = sampleLibrary();
    expect(exportMarkdown(annotations, articles)).toBe(
      [
        '## Kim’s speech in \\*Songchon\\* \\#1',
        '',
        '<https://news.example/2024/kim-speech>',
        'KCNA Watch · 2024-03-01',
        '',
        '> The respected',
        '> Comrade',
        '',
        '> made a speech',
        '',
        'First **public** speech.',
        '',
        '\\## Not a heading',
        '',
        '#speech #self-reliance #a-b #a #b-x-b',
        '',
        '## An older piece',
        '',
        '<https://other.example/older>',
        '',
        '> \\=HYPERLINK("http://evil.example")',
        '',
        'He said "no", then, later, "yes"',
        '',
        '#quotes',
        '',
        '## https://gone.example/no-record',
        '',
        '<https://gone.example/no-record>',
        '',
        '> orphaned passage',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing for no annotations', () => {
    expect(exportMarkdown([], sampleLibrary().articles)).toBe('');
  });

  it('makes tags Obsidian and Logseq both read, and leaves out a tag with nothing left', () => {
    expect(markdownTag('self  reliance')).toBe('self-reliance');
    expect(markdownTag('a,b')).toBe('a-b');
    expect(markdownTag('#a')).toBe('a');
    expect(markdownTag('<b>x</b>')).toBe('b-x-b');
    expect(markdownTag('US/China')).toBe('US-China');
    expect(markdownTag('조선 로동당')).toBe('조선-로동당');
    expect(markdownTag('😀 mood')).toBe('😀-mood');
    expect(markdownTag('snake_case')).toBe('snake_case');
    expect(markdownTag('???')).toBeNull();
  });

  it('escapes page text that Markdown would read as structure', () => {
    const { annotations, articles } = sampleLibrary();
    const quote = (exact: string) => ({ ...annotations[0]!, note: '', tags: [], quote: { ...annotations[0]!.quote, exact } });
    const lines = exportMarkdown([quote('- not a list\n1. nor this\n# nor a heading\n> nor a quote\n    nor code\n\n<em>x</em> $5 [link](y) ==mark==')], articles).split('\n');
    expect(lines.slice(5)).toEqual([
      '> \\- not a list',
      '> 1\\. nor this',
      '> \\# nor a heading',
      '> \\> nor a quote',
      '> nor code',
      '>',
      '> \\<em\\>x\\</em\\> \\$5 \\[link\\](y) \\=\\=mark\\=\\=',
      '',
    ]);
  });

  it('keeps the note as written but closes what would swallow the rest of the file', () => {
    expect(containNote('**bold** and [a link](https://x.example)\n- item')).toBe('**bold** and [a link](https://x.example)\n- item');
    expect(containNote('# Title\n###### Six')).toBe('\\# Title\n\\###### Six');
    expect(containNote('text\n---')).toBe('text\n\\---');
    expect(containNote('\n---\nbelow a rule')).toBe('\n---\nbelow a rule');
    expect(containNote('```js\n# not a heading in code\n')).toBe('```js\n# not a heading in code\n\n```');
    expect(containNote('~~~~\ncode\n~~~~\n# after')).toBe('~~~~\ncode\n~~~~\n\\# after');
    expect(containNote('<pre>\nnever closed')).toBe('\\<pre>\nnever closed');
    expect(containNote('<!-- open comment')).toBe('\\<!-- open comment');
  });

  it('never lets a title, quote or note start another article (random libraries)', () => {
    const { annotations, articles } = randomLibrary(7, { articles: 60, annotations: 600, watchlists: 0 });
    const headings = headingsOutsideCode(exportMarkdown(annotations, articles));
    expect(headings.length).toBe(groupByArticle(annotations, articles).length);
    expect(headings.every((line) => line.startsWith('## '))).toBe(true);
  });
  it("escapes Obsidian's and Logseq's syntax in page text and takes out its bidi controls", () => {
    const { annotations, articles } = sampleLibrary();
    const article = {
      ...articles[0]!,
      title: '{{embed [[Secret]]}} \u202eevil.exe',
      siteName: 'alias:: x ((ref))',
      publishedTime: '\u2066today\u2069',
    };
    const quote = { ...annotations[0]!, note: '', tags: [], quote: { ...annotations[0]!.quote, exact: '#tag ^block-id {{{video https://evil.example}}}\nkey:: value\n\u202b> quoted\u202c\n\u2067- item\u2069\n\u202a    not code' } };
    expect(exportMarkdown([quote], [article]).split('\n')).toEqual([
      '## \\{\\{embed \\[\\[Secret\\]\\]\\}\\} evil.exe',
      '',
      '<https://news.example/2024/kim-speech>',
      'alias\\:\\: x \\(\\(ref\\)\\) · today',
      '',
      '> \\#tag \\^block-id \\{\\{\\{video https://evil.example\\}\\}\\}',
      '> key\\:\\: value',
      '> \\> quoted',
      '> \\- item',
      '> not code',
      '',
    ]);
  });

  it('keeps the reader’s note but not HTML, character references, Logseq macros or bidi controls', () => {
    expect(containNote('See {{query (todo now)}} and [[Kim]] #juche')).toBe('See \\{\\{query (todo now)}} and [[Kim]] #juche');
    expect(containNote('<iframe src="https://evil.example"></iframe> &#x202e; Q&A')).toBe('\\<iframe src="https://evil.example">\\</iframe> \\&#x202e; Q\\&A');
    expect(containNote('a\u202eb\u2066c\u2069 \u200fmark')).toBe('abc \u200fmark');
    expect(containNote('```\n{{embed x}} <b>\n```')).toBe('```\n\\{\\{embed x}} <b>\n```');
    expect(containNote('one\u2028# two')).toBe('one\n\\# two');
  });

  it('writes no Logseq macro and no bidi control, and still one heading per article (random hostile libraries)', () => {
    const random = seededRandom(31);
    const { annotations, articles } = randomLibrary(8, { articles: 40, annotations: 400, watchlists: 0 });
    const hostileArticles = articles.map((article) => ({
      ...article,
      title: hostileText(random, 10),
      siteName: random.chance(0.7) ? hostileText(random, 4) : null,
      publishedTime: random.chance(0.3) ? hostileText(random, 2) : article.publishedTime,
    }));
    const hostileAnnotations = annotations.map((annotation) => {
      const exact = hostileText(random, 12).trim() || '{{x}}';
      return { ...annotation, quote: { ...annotation.quote, exact }, note: random.chance(0.6) ? hostileText(random, 20) : '', tags: hostileTags(random) };
    });
    const markdown = exportMarkdown(hostileAnnotations, hostileArticles);
    expect(markdown).not.toContain('{{');
    expect(markdown).not.toMatch(BIDI_CONTROLS);
    const headings = headingsOutsideCode(markdown);
    expect(headings.length).toBe(groupByArticle(hostileAnnotations, hostileArticles).length);
    expect(headings.every((line) => line.startsWith('## '))).toBe(true);
  });
});
