import { describe, expect, it } from 'vitest';
import {
  MAX_INLINE_DEPTH,
  MAX_INLINE_ELEMENTS,
  MAX_QUOTE_DEPTH,
  noteSummary,
  parseNote,
  safeHref,
  type NoteBlock,
  type NoteInline,
} from '@/utils/notes/markdown';
import { seededRandom } from '../support/random';

/** The parsed note as compact pseudo-markup, so expectations read like the note itself. */
function show(text: string): string {
  return parseNote(text).map(showBlock).join(' | ');
}

function showBlock(block: NoteBlock): string {
  if (block.type === 'paragraph') return showInline(block.children);
  if (block.type === 'quote') return `quote[${block.children.map(showBlock).join(' | ')}]`;
  const items = block.items.map((item) => `(${showInline(item)})`).join('');
  return block.ordered ? `ol@${block.start}${items}` : `ul${items}`;
}

function showInline(nodes: NoteInline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.text;
        case 'break':
          return '⏎';
        case 'code':
          return `code{${node.text}}`;
        case 'link':
          return `a{${node.href}}{${showInline(node.children)}}`;
        default:
          return `${node.type}{${showInline(node.children)}}`;
      }
    })
    .join('');
}

/** Every href in the parsed note. */
function hrefs(blocks: NoteBlock[]): string[] {
  const out: string[] = [];
  const walk = (nodes: NoteInline[]) => {
    for (const node of nodes) {
      if (node.type === 'link') out.push(node.href);
      if ('children' in node) walk(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') walk(block.children);
    else if (block.type === 'list') block.items.forEach(walk);
    else out.push(...hrefs(block.children));
  }
  return out;
}

/** Deepest nesting of strong/em/link elements. */
function inlineDepth(nodes: NoteInline[]): number {
  let deepest = 0;
  for (const node of nodes) if ('children' in node) deepest = Math.max(deepest, 1 + inlineDepth(node.children));
  return deepest;
}

function quoteDepth(blocks: NoteBlock[]): number {
  let deepest = 0;
  for (const block of blocks) if (block.type === 'quote') deepest = Math.max(deepest, 1 + quoteDepth(block.children));
  return deepest;
}

describe('notes/markdown', () => {
  describe('blocks', () => {
    it('returns no blocks for an empty or blank note', () => {
      expect(parseNote('')).toEqual([]);
      expect(parseNote('   \n\t\n \r\n ')).toEqual([]);
    });

    it('keeps plain text as one paragraph', () => {
      expect(parseNote('Just a thought.')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Just a thought.' }] }]);
    });

    it('keeps line breaks inside a paragraph and splits paragraphs at blank lines', () => {
      expect(show('one\ntwo\n\n\nthree')).toBe('one⏎two | three');
    });

    it('reads CRLF and lone CR line ends like LF', () => {
      expect(show('one\r\ntwo\r\n\r\nthree\rfour')).toBe('one⏎two | three⏎four');
    });

    it('trims the indentation and trailing spaces of paragraph lines', () => {
      expect(show('   indented  \n\tnext\t')).toBe('indented⏎next');
    });

    it('reads - and * bullet lists', () => {
      expect(parseNote('- first\n* second')).toEqual([
        { type: 'list', ordered: false, start: 1, items: [[{ type: 'text', text: 'first' }], [{ type: 'text', text: 'second' }]] },
      ]);
    });

    it('reads numbered lists with their first number', () => {
      expect(show('1. one\n2. two')).toBe('ol@1(one)(two)');
      expect(show('3) three\n4) four')).toBe('ol@3(three)(four)');
    });

    it('continues a list item on an indented line', () => {
      expect(show('- first\n  more of it\n- second')).toBe('ul(first⏎more of it)(second)');
    });

    it('ends a list at a blank line, a plain line or the other kind of list', () => {
      expect(show('- a\n\n- b')).toBe('ul(a) | ul(b)');
      expect(show('- a\nafter')).toBe('ul(a) | after');
      expect(show('- a\n1. b')).toBe('ul(a) | ol@1(b)');
    });

    it('lets a bullet or a list from 1 interrupt a paragraph, but not a number mid-sentence', () => {
      expect(show('Shopping:\n- eggs')).toBe('Shopping: | ul(eggs)');
      expect(show('He was born in\n1984. Then he left.')).toBe('He was born in⏎1984. Then he left.');
      expect(show('Steps:\n1. read')).toBe('Steps: | ol@1(read)');
    });

    it('needs a space after a list marker', () => {
      expect(show('-5 degrees')).toBe('-5 degrees');
      expect(show('**bold** start')).toBe('strong{bold} start');
      expect(show('1.5 million')).toBe('1.5 million');
    });

    it('reads block quotes, with blocks and quotes inside', () => {
      expect(show('> quoted\n> still\n>\n> - item\n> > deeper\nafter')).toBe('quote[quoted⏎still | ul(item) | quote[deeper]] | after');
      expect(show('>no space')).toBe('quote[no space]');
    });

    it(`caps quotes at ${MAX_QUOTE_DEPTH} levels and shows the rest as text`, () => {
      const blocks = parseNote(`${'> '.repeat(MAX_QUOTE_DEPTH + 3)}deep`);
      expect(quoteDepth(blocks)).toBe(MAX_QUOTE_DEPTH);
      expect(show(`${'> '.repeat(MAX_QUOTE_DEPTH + 1)}deep`)).toBe(`${'quote['.repeat(MAX_QUOTE_DEPTH)}> deep${']'.repeat(MAX_QUOTE_DEPTH)}`);
    });

    it('treats headings, rules and fences as text', () => {
      expect(show('# Title\n---\n```\nx\n```')).toBe('# Title⏎---⏎code{x}');
    });
  });

  describe('inline', () => {
    it('reads bold, italic and code', () => {
      expect(show('**bold** *star* _under_ `a < b`')).toBe('strong{bold} em{star} em{under} code{a < b}');
      expect(show('__also bold__')).toBe('strong{also bold}');
    });

    it('nests bold and italic', () => {
      expect(show('*it **bold** it*')).toBe('em{it strong{bold} it}');
      expect(show('**bold *it* bold**')).toBe('strong{bold em{it} bold}');
      expect(show('**bold *it***')).toBe('strong{bold em{it}}');
      expect(show('*it **bold***')).toBe('em{it strong{bold}}');
      expect(show('***both***')).toBe('em{strong{both}}');
      expect(show('***bold** it*')).toBe('em{strong{bold} it}');
    });

    it('leaves unclosed markers as typed', () => {
      expect(show('**never closed')).toBe('**never closed');
      expect(show('*half')).toBe('*half');
      expect(show('`open code')).toBe('`open code');
      expect(show('*a **b*')).toBe('em{a **b}');
      expect(show('*foo**')).toBe('em{foo}*');
      expect(show('[label](https://x.example')).toBe('[label](a{https://x.example/}{https://x.example}');
    });

    it('does not read markers that touch spaces or sit inside words', () => {
      expect(show('2 * 3 * 4')).toBe('2 * 3 * 4');
      expect(show('** spaced **')).toBe('** spaced **');
      expect(show('snake_case_name')).toBe('snake_case_name');
      expect(show('in*word*s')).toBe('inem{word}s');
      expect(show('****')).toBe('****');
    });

    it('reads backslash escapes of punctuation only', () => {
      expect(show('\\*not it\\* \\`tick\\` \\[x\\](y) \\a \\\\')).toBe('*not it* `tick` [x](y) \\a \\');
    });

    it('keeps markers inside code as they are and matches backtick runs by length', () => {
      expect(show('`**not bold** [x](https://x.example)`')).toBe('code{**not bold** [x](https://x.example)}');
      expect(show('`` a ` b ``')).toBe('code{a ` b}');
      expect(show('``no match`')).toBe('``no match`');
      expect(show('`one\ntwo`')).toBe('code{one two}');
    });

    it('reads links with markup in the label', () => {
      expect(show('[**Reuters** report](https://www.reuters.com/world/?a=1&b=2#top)')).toBe(
        'a{https://www.reuters.com/world/?a=1&b=2#top}{strong{Reuters} report}',
      );
      expect(show('[wiki](https://en.wikipedia.org/wiki/Foo_(bar))')).toBe('a{https://en.wikipedia.org/wiki/Foo_(bar)}{wiki}');
      expect(show('[ spaced ]( https://x.example/ )')).toBe('a{https://x.example/}{ spaced }');
      expect(show('[mail me](mailto:desk@x.example)')).toBe('a{mailto:desk@x.example}{mail me}');
    });

    it('takes the innermost bracket as the label and no empty label', () => {
      expect(show('[[x](https://x.example)')).toBe('[a{https://x.example/}{x}');
      expect(show('[](https://x.example)')).toBe('[](a{https://x.example/}{https://x.example})');
      expect(show('[a] (https://x.example)')).toBe('[a] (a{https://x.example/}{https://x.example})');
    });

    it('links bare http(s) URLs, leaving out trailing punctuation', () => {
      expect(show('See https://x.example/a_b_c, and (http://y.example/p).')).toBe(
        'See a{https://x.example/a_b_c}{https://x.example/a_b_c}, and (a{http://y.example/p}{http://y.example/p}).',
      );
      expect(show('*https://x.example*')).toBe('em{a{https://x.example/}{https://x.example}}');
      expect(show('HTTPS://X.EXAMPLE/Q')).toBe('a{https://x.example/Q}{HTTPS://X.EXAMPLE/Q}');
    });

    it('does not link a URL glued to a word, a bare scheme or a mail address', () => {
      expect(show('xhttp://y.example')).toBe('xhttp://y.example');
      expect(show('http:// and https://')).toBe('http:// and https://');
      expect(show('desk@x.example www.x.example')).toBe('desk@x.example www.x.example');
    });

    it('does not nest links or link inside a label', () => {
      expect(show('[see https://x.example](https://y.example)')).toBe('a{https://y.example/}{see https://x.example}');
    });

    it(`caps inline nesting at ${MAX_INLINE_DEPTH} elements`, () => {
      const deep = `${'*a _b '.repeat(20)}core${' b_ a*'.repeat(20)}`;
      const [paragraph] = parseNote(deep);
      expect(paragraph?.type).toBe('paragraph');
      if (paragraph?.type !== 'paragraph') return;
      expect(inlineDepth(paragraph.children)).toBe(MAX_INLINE_DEPTH);
      const plain = showInline(paragraph.children).replace(/(em|strong)\{|\}/g, '');
      expect(plain.replace(/[*_]/g, '')).toBe(deep.replace(/[*_]/g, ''));
    });

    it(`makes at most ${MAX_INLINE_ELEMENTS} elements and shows the markup past them as typed`, () => {
      const note = `${'**b** '.repeat(MAX_INLINE_ELEMENTS - 1)}\`c\` [l](https://x.example) *past*`;
      const [paragraph] = parseNote(note);
      if (paragraph?.type !== 'paragraph') throw new Error('expected a paragraph');
      const types = paragraph.children.map((node) => node.type);
      expect(types.filter((type) => type !== 'text')).toHaveLength(MAX_INLINE_ELEMENTS);
      expect(showInline(paragraph.children.slice(-2))).toBe('code{c} [l](https://x.example) *past*');
    });

    it('keeps a very long line whole', () => {
      const line = `${'word '.repeat(50_000)}**end**`;
      expect(show(line)).toBe(`${'word '.repeat(50_000)}strong{end}`);
    });
  });

  describe('hostile input stays text', () => {
    const inert = [
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '<a href="javascript:alert(1)">x</a>',
      '&lt;b&gt; &amp; &#60;script&#62; &#x6A;',
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x]( javascript:alert(1))',
      '[x](java\tscript:alert(1))',
      '[x](java\nscript:alert(1))',
      '[x](\u0001javascript:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](&#x6A;avascript&#x3A;alert(1))',
      '[x](javascript&colon;alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[x](data:image/svg+xml,<svg/onload=alert(1)>)',
      '[x](vbscript:msgbox(1))',
      '[x](file:///etc/passwd)',
      '[x](//evil.example)',
      '[x](/relative/path)',
      '[x](http:evil.example)',
      '[x](https://evil.example\\@good.example)',
      '[x](https://x.example/\u202Egnp.exe)',
      '[x](javascript:http://x.example)',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
    ];

    it.each(inert)('%j has no link and keeps every character', (note) => {
      const blocks = parseNote(note);
      expect(hrefs(blocks)).toEqual([]);
      expect(show(note).replace(/⏎/g, '\n')).toBe(note);
    });

    it('shows a refused link whole, markup and all, without linking a URL inside it', () => {
      expect(show('[**x**](javascript:alert("https://x.example"))')).toBe('[**x**](javascript:alert("https://x.example"))');
    });

    it('keeps HTML inside markup as text', () => {
      expect(show('**<b onclick=x>hi</b>** `<script>`')).toBe('strong{<b onclick=x>hi</b>} code{<script>}');
    });
  });

  it('keeps every random note of markers, tags and URLs within its caps and links only safe URLs', () => {
    const random = seededRandom(7);
    const pieces = ['*', '**', '***', '_', '__', '`', '``', '[', ']', '(', ')', '](', '> ', '- ', '* ', '1. ', '\n', '\n\n', '\r\n', ' ', '\t', 'word', '\\', '<script>', '&#106;', 'javascript:', 'data:,x', 'https://x.example/', 'http://', 'mailto:a@b.example', '](https://y.example)', '](javascript:x)'];
    for (let n = 0; n < 500; n++) {
      const note = Array.from({ length: 1 + random.int(60) }, () => random.pick(pieces)).join('');
      const blocks = parseNote(note);
      expect(quoteDepth(blocks)).toBeLessThanOrEqual(MAX_QUOTE_DEPTH);
      for (const href of hrefs(blocks)) {
        expect(href).toMatch(/^(https?:\/\/[^/\s]|mailto:.)/);
        expect(safeHref(href)).toBe(href);
      }
      const walk = (list: NoteBlock[]): void =>
        list.forEach((block) => {
          if (block.type === 'quote') walk(block.children);
          else for (const nodes of block.type === 'list' ? block.items : [block.children]) expect(inlineDepth(nodes)).toBeLessThanOrEqual(MAX_INLINE_DEPTH);
        });
      walk(blocks);
    }
  });

  describe('safeHref', () => {
    it('keeps http, https and mailto URLs, normalised', () => {
      expect(safeHref('https://x.example/a?b=1#c')).toBe('https://x.example/a?b=1#c');
      expect(safeHref('HTTP://X.EXAMPLE')).toBe('http://x.example/');
      expect(safeHref('mailto:desk@x.example?subject=hi')).toBe('mailto:desk@x.example?subject=hi');
    });

    it('refuses other schemes, relative URLs, hidden characters and hostless URLs', () => {
      for (const href of [
        'javascript:alert(1)',
        'JAVASCRIPT:alert(1)',
        ' javascript:alert(1)',
        'java\tscript:alert(1)',
        'java\u0000script:alert(1)',
        'data:text/html,x',
        'vbscript:x',
        'ftp://x.example',
        '//x.example',
        'x.example',
        'http:x.example',
        'http://',
        'https://x.example\u200B/',
        'https://x.example/\u00A0',
        'mailto:',
        `https://x.example/${'a'.repeat(9000)}`,
        '',
      ]) {
        expect(safeHref(href), JSON.stringify(href)).toBeNull();
      }
    });
  });

  describe('noteSummary', () => {
    it('strips the markup onto one line', () => {
      expect(noteSummary('**Bold** and *it*, `code` and [a link](https://x.example)\n- one\n- two\n\n> quoted', 200)).toBe(
        'Bold and it, code and a link one two quoted',
      );
    });

    it('cuts at a word with an ellipsis within the limit', () => {
      const summary = noteSummary('The minister said the harvest would be late this year', 20);
      expect(summary).toBe('The minister said…');
      expect(summary.length).toBeLessThanOrEqual(20);
    });

    it('returns short notes whole and nothing for an empty one', () => {
      expect(noteSummary('short', 10)).toBe('short');
      expect(noteSummary('', 10)).toBe('');
      expect(noteSummary('  \n ', 10)).toBe('');
      expect(noteSummary('anything', 0)).toBe('');
    });

    it('does not split a surrogate pair', () => {
      const summary = noteSummary(`abcd${'😀'.repeat(10)}`, 6);
      expect(summary).toBe('abcd…');
    });

    it('shows markup-looking text that is not markup', () => {
      expect(noteSummary('<script>alert(1)</script>', 100)).toBe('<script>alert(1)</script>');
    });

    it('reads only the start of a huge note', () => {
      const started = performance.now();
      const summary = noteSummary(`**Start** ${'x y '.repeat(500_000)}`, 40);
      expect(performance.now() - started).toBeLessThan(200);
      expect(summary.startsWith('Start x y')).toBe(true);
      expect(summary.endsWith('…')).toBe(true);
      expect(summary.length).toBeLessThanOrEqual(40);
    });
  });

  describe('time on adversarial notes', () => {
    const MB = 1 << 20;
    const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    const notes: [string, string][] = [
      ['stars', fill('*')],
      ['star words', fill('*a ')],
      ['open stars', fill('**a ')],
      ['alternating emphasis', fill('*_')],
      ['underscores', fill('_a')],
      ['brackets', fill('[')],
      ['closing brackets', fill(']')],
      ['half links', fill('[a](')],
      ['chained links', fill('[a](b')],
      ['link openers', fill('[a](http://x.example/(')],
      ['backticks', fill('`')],
      ['backtick runs', Array.from({ length: 1450 }, (_, i) => `${'`'.repeat(i + 1)}a`).join('').slice(0, MB)],
      ['escapes', fill('\\')],
      ['bare schemes', fill('http://')],
      ['bare URLs', fill('http://a.example/ ')],
      ['closing parens', `http://x.example/${fill(')')}`],
      ['quotes', fill('> ')],
      ['quote lines', fill('>\n')],
      ['list lines', fill('- *a\n')],
      ['blank lines', fill('\n')],
      ['one long word', fill('a')],
    ];

    /** The fastest of up to three runs: other work on a busy machine should not fail the bound. */
    function bestTime(run: () => void, enough: number): number {
      let best = Infinity;
      for (let tries = 0; tries < 3 && best >= enough; tries++) {
        const started = performance.now();
        run();
        best = Math.min(best, performance.now() - started);
      }
      return best;
    }

    // Not a speed bound (the bench measures speed): a guard against backtracking. Linear work on
    // 1 MB takes well under a second even on a busy machine; quadratic work would take minutes.
    it.each(notes)('parses 1 MB of %s without backtracking', (_name, note) => {
      expect(note.length).toBeGreaterThanOrEqual(MB - 16);
      expect(bestTime(() => parseNote(note), 500)).toBeLessThan(3_000);
    });
  });
});
