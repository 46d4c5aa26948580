/**
 * A version's content as bytes: its fingerprint (SHA-256 of the text model's string, fit to cite),
 * and the copy packed with the platform's `CompressionStream` (gzip) and unpacked again, checked.
 * Streams are driven through their own reader and writer, so only `CompressionStream` and the
 * streams of the same realm are needed (a background worker, an extension page, Node).
 */
import * as v from 'valibot';
import { versionContentSchema, type VersionContent } from './version';

export const ENCODING = 'gzip';

/** A stored copy that cannot be read back (bytes missing, damaged, or not a copy). */
export class CorruptVersionError extends Error {
  constructor(reason: string) {
    super(`This stored version cannot be read: ${reason}.`);
    this.name = 'CorruptVersionError';
  }
}

/** SHA-256 of `text` (UTF-8), in hex. */
export async function contentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `content` compressed, with its size before and after. */
export async function packContent(content: VersionContent): Promise<{ data: Uint8Array; rawBytes: number; storedBytes: number }> {
  const raw = new TextEncoder().encode(JSON.stringify({ html: content.html, text: content.text }));
  const data = await through(new CompressionStream(ENCODING), raw);
  return { data, rawBytes: raw.byteLength, storedBytes: data.byteLength };
}

/** The content packed in `data`; a `CorruptVersionError` when it is not one. */
export async function unpackContent(data: unknown): Promise<VersionContent> {
  // Bytes from another realm (IndexedDB's structured clone in a test's DOM) fail `instanceof`.
  const bytes = ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : Object.prototype.toString.call(data) === '[object ArrayBuffer]'
      ? new Uint8Array(data as ArrayBuffer)
      : null;
  if (!bytes) throw new CorruptVersionError('its bytes are missing');
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await through(new DecompressionStream(ENCODING), bytes));
  } catch {
    throw new CorruptVersionError('its bytes are damaged');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new CorruptVersionError('it is not a stored copy');
  }
  const parsed = v.safeParse(versionContentSchema, value);
  if (!parsed.success) throw new CorruptVersionError('it is not a stored copy');
  return parsed.output;
}

async function through(transform: GenericTransformStream, input: Uint8Array): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  // Written while the output is read: a large input would otherwise wait for room forever.
  const written = writer.write(input as Uint8Array<ArrayBuffer>).then(() => writer.close());
  written.catch(() => {}); // a damaged input fails the read below, which says so
  const chunks: Uint8Array[] = [];
  const reader = (transform.readable as ReadableStream<Uint8Array>).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  await written;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
