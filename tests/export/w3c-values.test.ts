import { describe, expect, it } from 'vitest';
import { annotationIri, idOfIri, isKeptIri, isKeptTime, uuidFor, xsdDateTime } from '@/utils/export/w3c-values';
import { MAX_TIME } from '@/utils/messaging/protocol/annotation-schema';
import { HOSTILE_IDS } from '../support/hostile';
import { isAbsoluteIri, isXsdDateTime } from '../support/w3c-validity';

const V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('export/w3c-values', () => {
  it('keeps urn:uuid, http(s) and tag IRIs and nothing else', () => {
    for (const iri of ['urn:uuid:11111111-2222-4333-8444-555555555555', 'https://hypothes.is/a/AbC123', 'http://anno.example/1', 'tag:example.com,2024:note-1', 'tag:a@b.example,2024-03:x']) {
      expect(isKeptIri(iri), iri).toBe(true);
    }
    for (const iri of [' ', '', 'javascript:alert(1)', 'data:text/html,x', 'urn:uuid:not-a-uuid', 'https://', 'http://x y/', 'https://e.example/\u202eevil', 'tag:bad', 'mailto:a@b.example', 'urn:isbn:0451450523', '../x', `https://e.example/${'a'.repeat(100)}`]) {
      expect(isKeptIri(iri), iri).toBe(false);
    }
  });

  it("takes a Gloss id out of its urn:uuid, keeps a kept IRI, and turns anything else into a UUID made from it", () => {
    expect(idOfIri('urn:uuid:11111111-2222-4333-8444-555555555555')).toBe('11111111-2222-4333-8444-555555555555');
    expect(idOfIri('URN:UUID:AAAAAAAA-2222-4333-8444-555555555555')).toBe('AAAAAAAA-2222-4333-8444-555555555555');
    expect(idOfIri('11111111-2222-4333-8444-555555555555')).toBe('11111111-2222-4333-8444-555555555555');
    expect(idOfIri('https://hypothes.is/a/AbC123')).toBe('https://hypothes.is/a/AbC123');
    expect(idOfIri('javascript:alert(1)')).toMatch(V8);
    expect(idOfIri(' ')).toMatch(V8);
    expect(idOfIri('urn:uuid:second')).toMatch(V8);
  });

  it('makes the same UUID from the same id and different ones from different ids', () => {
    expect(uuidFor('javascript:alert(1)')).toBe(uuidFor('javascript:alert(1)'));
    const made = new Set<string>();
    for (let i = 0; i < 20_000; i++) made.add(uuidFor(`id-${i}`));
    for (const id of HOSTILE_IDS) made.add(uuidFor(id));
    expect(made.size).toBe(20_000 + new Set(HOSTILE_IDS).size);
    for (const id of made) expect(id).toMatch(V8);
    expect(uuidFor('a')).not.toBe(uuidFor('b'));
    expect(uuidFor('')).not.toBe(uuidFor(' '));
  });

  it('writes every id as an absolute IRI that reads back as the same Gloss id', () => {
    for (const id of [...HOSTILE_IDS, '00000000-0000-4000-8000-000000000001']) {
      const iri = annotationIri(id);
      expect(isAbsoluteIri(iri), `${JSON.stringify(id)} → ${iri}`).toBe(true);
      // Read back, the IRI gives an id that writes as the same IRI: no drift over round trips.
      expect(annotationIri(idOfIri(iri))).toBe(iri);
      // A stored id that is a UUID or a kept IRI reads back as itself (a stored `urn:uuid:` one as its UUID).
      if (isKeptIri(id) || /^[0-9a-f-]{36}$/i.test(id)) expect(idOfIri(iri)).toBe(id.replace(/^urn:uuid:/i, ''));
    }
  });

  it('keeps times from 1970 to the end of 9999 and writes every stored time as an xsd:dateTime', () => {
    expect(MAX_TIME).toBe(Date.parse('9999-12-31T23:59:59.999Z'));
    expect(isKeptTime(MAX_TIME)).toBe(true);
    expect(isKeptTime(MAX_TIME + 1)).toBe(false);
    expect(isKeptTime(-1)).toBe(false);
    expect(isKeptTime(0.5)).toBe(false);
    expect(xsdDateTime(MAX_TIME)).toBe('9999-12-31T23:59:59.999Z');
    expect(xsdDateTime(0)).toBe('1970-01-01T00:00:00.000Z');
    // The last time Date holds, as a library from before the bound may have stored it.
    expect(new Date(8.64e15).toISOString()).toBe('+275760-09-13T00:00:00.000Z');
    expect(isXsdDateTime(new Date(8.64e15).toISOString())).toBe(false);
    expect(xsdDateTime(8.64e15)).toBe('9999-12-31T23:59:59.999Z');
    for (const time of [0, 1, 1_700_000_000_000, MAX_TIME - 1, MAX_TIME, 8.64e15]) expect(isXsdDateTime(xsdDateTime(time))).toBe(true);
  });
});
