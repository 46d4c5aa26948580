import { describe, expect, it } from 'vitest';
import { stripBidiControls } from '@/utils/export/bidi';

describe('export/bidi', () => {
  it('takes out every embedding, override and isolate control', () => {
    const controls = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((code) => String.fromCodePoint(code));
    expect(stripBidiControls(`a${controls.join('b')}c`)).toBe('abbbbbbbbc');
    expect(stripBidiControls('\u202egnp.exe')).toBe('gnp.exe');
  });

  it('keeps the marks right-to-left text needs, and all other text', () => {
    const text = 'قال \u200f"نعم"\u200f 5\u061c% — שלום \u200eabc 😀 e\u0301';
    expect(stripBidiControls(text)).toBe(text);
  });
});
