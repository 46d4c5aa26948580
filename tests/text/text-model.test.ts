import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextModel } from '@/utils/text/build-text-model';
import type { TextModel } from '@/utils/text/text-model';
import { seededRandom } from '../support/random';

function model(html: string): TextModel {
  document.body.innerHTML = html;
  return buildTextModel(document.body);
}

/** The model's own characters that a range covers, read straight from the DOM. */
function rangeText(range: Range, m: TextModel): string {
  let out = '';
  for (const node of m.nodes) {
    if (!range.intersectsNode(node)) continue;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to > from) out += node.data.slice(from, to);
  }
  return out;
}
const squash = (text: string) => text.replace(/[\s\u00a0\u00ad\u200b\u2060\ufeff]+/g, '');

describe('text/text-model', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  describe('normalization', () => {
    it.each([
      ['nested inline elements join without space', '<p>Kim <b>Jong</b> <i>Un</i></p>', 'Kim Jong Un'],
      ['blocks split with one newline', '<p>One.</p>\n   <p>Two.</p><div><p>Three.</p></div>', 'One.\nTwo.\nThree.'],
      ['white space collapses and is trimmed', '<p>  a \n\t b  </p>', 'a b'],
      ['no-break spaces read as spaces', '<p>Kim\u00a0Jong\u00a0Un</p>', 'Kim Jong Un'],
      ['soft hyphens and zero-width spaces vanish', '<p>Song\u00adchon\u200b County</p>', 'Songchon County'],
      ['<br> breaks a line', '<p>line one<br>line two<br><br>three</p>', 'line one\nline two\nthree'],
      ['table cells are blocks', '<table><tr><td>Pyongyang</td><td>2024</td></tr></table>', 'Pyongyang\n2024'],
      ['hidden and script text is left out', '<p>seen<span hidden>hidden</span><script>x()</script><span style="display: none">no</span></p>', 'seen'],
      ['empty text nodes change nothing', '<p>a</p>', 'a'],
      ['Arabic stays as written', '<p dir="rtl">قال الرئيس\u200c إن</p>', 'قال الرئيس\u200c إن'],
      ['Korean and Chinese stay as written', '<p>김정은 국무위원장</p><p>习近平\u3000主席</p>', '김정은 국무위원장\n习近平\u3000主席'],
    ])('%s', (_label, html, text) => {
      expect(model(html).text).toBe(text);
    });

    it('adds no separator for an empty block between text', () => {
      expect(model('<p>a</p><div></div><p></p><p>b</p>').text).toBe('a\nb');
    });

    it('keeps one space across inline element and text node boundaries', () => {
      const m = model('<p><span>Kim </span> <span> Jong Un</span></p>');
      expect(m.text).toBe('Kim Jong Un');
    });

    it('reads only the included nodes, still separating blocks', () => {
      document.body.innerHTML = '<p>keep one</p><aside><p>drop</p></aside><p>keep <span>two</span></p>';
      const drop = document.querySelector('aside p')!.firstChild as Text;
      const m = buildTextModel(document.body, { include: (node) => node !== drop });
      expect(m.text).toBe('keep one\nkeep two');
    });

    it('gives the same text for the same DOM every time', () => {
      const html = '<article><h1>T</h1><p>a <b>b</b></p><ul><li>x</li><li>y</li></ul></article>';
      expect(model(html).text).toBe(model(html).text);
    });
  });

  describe('mapping', () => {
    it('maps a name split by a soft hyphen to one range', () => {
      const m = model('<p>in Song\u00adchon County</p>');
      const start = m.text.indexOf('Songchon');
      const range = m.range(start, start + 'Songchon County'.length)!;
      expect(range.toString()).toBe('Song\u00adchon County');
    });

    it('maps a range across blocks to the text of both blocks', () => {
      const m = model('<p>first para</p>\n<p>second para</p>');
      const range = m.range(m.text.indexOf('para'), m.text.indexOf('second') + 6)!;
      expect(squash(range.toString())).toBe('parasecond');
    });

    it('maps offsets in selections given as element points', () => {
      const m = model('<p id="a">alpha</p><p id="b"><b>beta</b></p>');
      const b = document.getElementById('b')!;
      expect(m.offsetAt(b, 0)).toBe(m.text.indexOf('beta'));
      expect(m.offsetAt(b, 1)).toBe(m.length);
      expect(m.offsetAt(document.body, 0)).toBe(0);
    });

    it('maps a point in a skipped node to the next model character', () => {
      const m = model('<p>one</p><p hidden>gone</p><p>two</p>');
      const hidden = document.querySelector('[hidden]')!.firstChild!;
      expect(m.offsetAt(hidden, 2)).toBe(m.text.indexOf('two'));
    });

    it('returns null for ranges outside the text', () => {
      const m = model('<p>abc</p>');
      expect(m.points(-1, 2)).toBeNull();
      expect(m.points(2, 9)).toBeNull();
      expect(m.points(2, 2)).toBeNull();
      expect(m.range(-1, 2)).toBeNull();
      expect(m.range(2, 9)).toBeNull();
      expect(m.range(2, 1)).toBeNull();
    });
  });

  describe('round trips on generated DOMs', () => {
    const words = ['Kim', 'Jong', 'Un', 'Songchon', 'County', '20×10', 'policy', 'Party’s', '평양', 'العربية', 'a', '.', ','];
    const spaces = [' ', '  ', '\n  ', '\t', '\u00a0', ''];
    const inline = ['span', 'b', 'i', 'a', 'em', 'strong', 'mark'];
    const blocks = ['p', 'div', 'li', 'blockquote', 'h2', 'figcaption', 'section'];

    function generate(seed: number): string {
      const random = seededRandom(seed);
      const text = () => {
        let out = random.pick(spaces);
        for (let i = 0, n = 1 + random.int(6); i < n; i++) {
          let word = random.pick(words);
          if (random.chance(0.05)) word = word.slice(0, 1) + '\u00ad' + word.slice(1);
          out += word + random.pick(spaces);
        }
        return out;
      };
      const node = (depth: number): string => {
        const roll = random.next();
        if (depth > 4 || roll < 0.35) return text();
        if (roll < 0.45) return '<br>';
        if (roll < 0.5) return `<span hidden>${text()}</span>`;
        if (roll < 0.53) return '<script>var x = "<p>";</script>';
        if (roll < 0.56) return '<span></span>';
        if (roll < 0.6) {
          return `<table><tr><td>${node(depth + 1)}</td><td>${node(depth + 1)}</td></tr></table>`;
        }
        const tag = random.chance(0.5) ? random.pick(inline) : random.pick(blocks);
        let children = '';
        for (let i = 0, n = 1 + random.int(4); i < n; i++) children += node(depth + 1);
        return tag === 'li' ? `<ul><li>${children}</li></ul>` : `<${tag}>${children}</${tag}>`;
      };
      let html = '';
      for (let i = 0; i < 6; i++) html += node(0);
      return html;
    }

    function withEmptyTextNodes(random: ReturnType<typeof seededRandom>) {
      const walker = document.createTreeWalker(document.body, 1);
      const elements: Element[] = [];
      for (let el = walker.nextNode(); el; el = walker.nextNode()) elements.push(el as Element);
      for (const el of elements) if (random.chance(0.2)) el.append(document.createTextNode(''));
    }

    for (let seed = 1; seed <= 60; seed++) {
      it(`holds for generated DOM #${seed}`, () => {
        document.body.innerHTML = generate(seed);
        withEmptyTextNodes(seededRandom(seed * 7));
        const m = buildTextModel(document.body);
        expect(m.text).not.toMatch(/^\s|\s$|\n\n| {2}|\u00ad/);

        // Every model character maps to a DOM point and back, and real characters are the DOM's.
        for (let offset = 0; offset < m.length; offset++) {
          const char = m.text[offset]!;
          const point = m.pointBefore(offset)!;
          expect(point).not.toBeNull();
          if (char === '\n') {
            expect(m.offsetAt(point.node, point.offset)).toBe(offset + 1);
            continue;
          }
          expect(m.offsetAt(point.node, point.offset)).toBe(offset);
          const domChar = (point.node as Text).data[point.offset]!;
          expect(char === ' ' ? /[\s\u00a0]/.test(domChar) : domChar === char).toBe(true);
        }

        // Ranges built from offsets hold exactly the model's text.
        const random = seededRandom(seed * 13);
        for (let i = 0; i < 40 && m.length > 0; i++) {
          const start = random.int(m.length);
          const end = start + random.int(m.length - start + 1);
          const range = m.range(start, end)!;
          expect(squash(rangeText(range, m))).toBe(squash(m.text.slice(start, end)));
          // The points agree with the range, and are missing just where the range is collapsed.
          const points = m.points(start, end);
          if (range.collapsed) expect(points).toBeNull();
          else {
            expect(points?.start.node).toBe(range.startContainer);
            expect(points?.start.offset).toBe(range.startOffset);
            expect(points?.end.node).toBe(range.endContainer);
            expect(points?.end.offset).toBe(range.endOffset);
          }
        }

        // Every DOM point maps to an offset, in document order.
        let previous = 0;
        const visit = (node: Node) => {
          const count = node.nodeType === 3 ? (node as Text).length : node.childNodes.length;
          for (let i = 0; i <= count; i++) {
            const offset = m.offsetAt(node, i);
            expect(offset).toBeGreaterThanOrEqual(previous);
            previous = offset;
            if (node.nodeType !== 3 && i < count) visit(node.childNodes[i]!);
          }
        };
        visit(document.body);
        expect(previous).toBe(m.length);
      });
    }
  });
});
