import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoteText } from '@/components/common/NoteText';
import { seededRandom } from '../support/random';

const ALLOWED_TAGS = new Set(['DIV', 'P', 'BR', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'STRONG', 'EM', 'CODE', 'A']);
const ALLOWED_ATTRIBUTES: Record<string, string[]> = { DIV: ['class'], OL: ['start'], A: ['href', 'target', 'rel'] };

const HOSTILE = [
  '<img src=x onerror="window.__glossPwned = 1">',
  '<script>window.__glossPwned = 1</script>',
  '<svg onload="window.__glossPwned = 1"></svg>',
  '<a href="javascript:window.__glossPwned = 1">click</a>',
  '<iframe srcdoc="<script>parent.__glossPwned = 1</script>"></iframe>',
  '<style>body { display: none }</style>',
  '[x](javascript:window.__glossPwned=1)',
  '[x](JaVaScRiPt:window.__glossPwned=1)',
  '[x]( javascript:window.__glossPwned=1)',
  '[x](java\tscript:window.__glossPwned=1)',
  '[x](&#106;avascript:window.__glossPwned=1)',
  '[x](data:text/html,<script>window.__glossPwned=1</script>)',
  '**<b onmouseover=alert(1)>bold</b>** `<script>` *<i>*',
  '&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#x3C;b&#x3E;',
];

describe('notes/NoteText', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    delete (window as { __glossPwned?: unknown }).__glossPwned;
  });

  const show = (text: string, className?: string) => {
    render(<NoteText text={text} class={className} />, root);
    return root.firstElementChild as HTMLElement;
  };

  /** Every element and attribute under the note is one NoteText may make. */
  function expectOnlyAllowedMarkup(note: HTMLElement) {
    for (const element of [note, ...note.querySelectorAll('*')]) {
      expect(ALLOWED_TAGS.has(element.tagName), element.tagName).toBe(true);
      for (const { name, value } of element.attributes) {
        expect(name.toLowerCase().startsWith('on'), `${element.tagName} ${name}`).toBe(false);
        expect(ALLOWED_ATTRIBUTES[element.tagName] ?? [], `${element.tagName} ${name}`).toContain(name);
        if (name === 'href') expect(value).toMatch(/^(https?:\/\/[^/\s]|mailto:)/);
      }
    }
  }

  it('renders every construct with its element', () => {
    const note = show(
      [
        'A **bold** and *italic* and `code` line,',
        'then a [link](https://www.reuters.com/world/) and https://x.example/a.',
        '',
        '- one',
        '- two',
        '',
        '3. three',
        '4. four',
        '',
        '> quoted',
      ].join('\n'),
    );
    expect(note.tagName).toBe('DIV');
    expect([...note.children].map((child) => child.tagName)).toEqual(['P', 'UL', 'OL', 'BLOCKQUOTE']);
    const paragraph = note.querySelector('p')!;
    expect(paragraph.querySelector('strong')!.textContent).toBe('bold');
    expect(paragraph.querySelector('em')!.textContent).toBe('italic');
    expect(paragraph.querySelector('code')!.textContent).toBe('code');
    expect(paragraph.querySelectorAll('br')).toHaveLength(1);
    expect(paragraph.textContent).toBe('A bold and italic and code line,then a link and https://x.example/a.');
    expect([...note.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(note.querySelector('ol')!.getAttribute('start')).toBe('3');
    expect([...note.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(['three', 'four']);
    expect(note.querySelector('blockquote > p')!.textContent).toBe('quoted');
    expectOnlyAllowedMarkup(note);
  });

  it('opens links in a new tab without opener, referrer or endorsement', () => {
    const note = show('[Reuters](https://www.reuters.com/world/) and http://x.example/p and [mail](mailto:desk@x.example)');
    const links = [...note.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['https://www.reuters.com/world/', 'Reuters'],
      ['http://x.example/p', 'http://x.example/p'],
      ['mailto:desk@x.example', 'mail'],
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    }
  });

  it('leaves out the start of a list that starts at 1', () => {
    expect(show('1. one').querySelector('ol')!.hasAttribute('start')).toBe(false);
  });

  it('passes the class through and renders an empty note as an empty box', () => {
    const note = show('', 'note-body');
    expect(note.className).toBe('note-body');
    expect(note.childNodes).toHaveLength(0);
    expect(show('text').hasAttribute('class')).toBe(false);
  });

  it('follows a change of text', () => {
    show('**first**');
    expect(root.querySelector('strong')!.textContent).toBe('first');
    show('- second');
    expect(root.querySelector('strong')).toBeNull();
    expect(root.querySelector('li')!.textContent).toBe('second');
  });

  it.each(HOSTILE)('shows %j as text and runs nothing', (text) => {
    const note = show(text);
    expectOnlyAllowedMarkup(note);
    expect(note.querySelectorAll('img, script, svg, iframe, style, b, i')).toHaveLength(0);
    // Every character typed is on screen, less only the Markdown markers that took effect.
    expect(note.textContent!.replace(/[*`]/g, '')).toBe(text.replace(/\n/g, '').replace(/[*`]/g, ''));
    expect(note.querySelectorAll('a')).toHaveLength(0);
    expect((window as { __glossPwned?: unknown }).__glossPwned).toBeUndefined();
  });

  it('does not decode entities', () => {
    const note = show('&lt;b&gt;bold&lt;/b&gt; &amp;');
    expect(note.textContent).toBe('&lt;b&gt;bold&lt;/b&gt; &amp;');
    expect(note.querySelector('b')).toBeNull();
  });

  it('makes only allowed markup from random notes of markers and tags', () => {
    const random = seededRandom(20240520);
    const pieces = ['*', '**', '_', '`', '[', ']', '(', ')', '> ', '- ', '1. ', '\n', '\n\n', ' ', 'word', '<b>', '<img src=x onerror=alert(1)>', '"', "'", '&amp;', '\\', 'https://x.example/', 'javascript:', 'mailto:a@b.example', '](', '](https://y.example)', '\t', '\r\n'];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 1 + random.int(40) }, () => random.pick(pieces)).join('');
      const note = show(text);
      expectOnlyAllowedMarkup(note);
      expect(note.querySelectorAll('img')).toHaveLength(0);
    }
  });
});
