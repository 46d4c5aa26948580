// @ts-check
/**
 * Draws Gloss's toolbar icons (public/icon/*.png): an ink-dark rounded square with a
 * highlighter stroke across three lines of "text". Run once after a design change:
 * `node scripts/make-icons.mjs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** @param {Buffer} bytes */
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
/** @param {string} type @param {Buffer} data */
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

/** RGBA colour of pixel (x, y) in a unit square, with 4x4 supersampling done by the caller. */
function shade(/** @type {number} */ u, /** @type {number} */ v) {
  const r = 0.18;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const lines = [0.3, 0.5, 0.7];
  for (const [i, y] of lines.entries()) {
    const end = i === 2 ? 0.6 : 0.8;
    if (Math.abs(v - y) < 0.045 && u > 0.2 && u < end) {
      const marked = i === 1;
      return marked ? [255, 205, 60, 255] : [235, 232, 222, 255];
    }
    if (i === 1 && Math.abs(v - y) < 0.1 && u > 0.16 && u < 0.84) return [240, 170, 40, 255];
  }
  return [34, 36, 44, 255];
}

function png(/** @type {number} */ size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const px = shade((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          px.forEach((value, c) => (acc[c] = (acc[c] ?? 0) + value / 16));
        }
      acc.forEach((value, c) => (raw[y * (size * 4 + 1) + 1 + x * 4 + c] = Math.round(value)));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
