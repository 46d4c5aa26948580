import { describe, expect, it } from 'vitest';
import { CorruptVersionError, contentHash, packContent, unpackContent } from '@/utils/versions/content';

describe('versions/content', () => {
  it('gives back what it packed, smaller, with both sizes', async () => {
    const text = 'The delegation arrived in Pyongyang on Tuesday. 김정은 동지께서 '.repeat(2_000);
    const content = { html: `<p>${text}</p>`, text };
    const packed = await packContent(content);
    expect(packed.rawBytes).toBe(new TextEncoder().encode(JSON.stringify(content)).byteLength);
    expect(packed.storedBytes).toBe(packed.data.byteLength);
    expect(packed.storedBytes).toBeLessThan(packed.rawBytes / 10);
    expect(await unpackContent(packed.data)).toEqual(content);
  });

  it('packs an empty copy and a 5 MB one', async () => {
    expect(await unpackContent((await packContent({ html: '', text: '' })).data)).toEqual({ html: '', text: '' });
    const big = 'x'.repeat(5 * 1024 * 1024);
    expect((await unpackContent((await packContent({ html: big, text: big })).data)).text.length).toBe(big.length);
  });

  it('says a copy is corrupt when its bytes are missing, damaged or not a copy', async () => {
    const { data } = await packContent({ html: '<p>a</p>', text: 'a' });
    const damaged = data.slice();
    damaged.fill(7, 12, 20);
    const notCopy = (await packContent({ html: 'x', text: 'y' })).data;
    await expect(unpackContent(undefined)).rejects.toThrow(CorruptVersionError);
    await expect(unpackContent('text')).rejects.toThrow('its bytes are missing');
    await expect(unpackContent(damaged)).rejects.toThrow('its bytes are damaged');
    await expect(unpackContent(data.slice(0, data.length - 4))).rejects.toThrow(CorruptVersionError);
    await expect(unpackContent(new Uint8Array([1, 2, 3]))).rejects.toThrow('its bytes are damaged');
    // Well-formed gzip of something else.
    const gzipOf = async (value: string) => {
      const stream = new Blob([value]).stream().pipeThrough(new CompressionStream('gzip'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    };
    await expect(unpackContent(await gzipOf('{"html":1}'))).rejects.toThrow('it is not a stored copy');
    await expect(unpackContent(await gzipOf('not json'))).rejects.toThrow('it is not a stored copy');
    expect(await unpackContent(notCopy)).toEqual({ html: 'x', text: 'y' });
  });

  it('fingerprints text with SHA-256', async () => {
    expect(await contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await contentHash('abc ')).not.toBe(await contentHash('abc'));
  });
});
