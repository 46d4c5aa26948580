import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { askingEarly, firstQuestions } from '@/components/library/early-questions';
import { parseRoute } from '@/components/library/route';
import { LibraryApp } from '@/entrypoints/library/App';
import { container, unmount, until } from '../support/ui';
import { fakeClient } from './fake-client';

describe('library/early-questions', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
  });
  afterEach(() => {
    unmount(root);
    location.hash = '';
  });

  it('asks at once, and answers the first same question from it, once', async () => {
    const { client, asked } = fakeClient();
    const early = askingEarly(client, [{ kind: 'entityPage', payload: { key: 'PERSON:Kim Jong Un', offset: 0, limit: 20 } }]);
    expect(asked.map((a) => a.type)).toEqual(['entityPage']);
    const first = await early.entityPage({ key: 'PERSON:Kim Jong Un', offset: 0, limit: 20 });
    expect(first.ok && first.value?.summary.key).toBe('PERSON:Kim Jong Un');
    expect(asked).toHaveLength(1);
    // Asked again (the reader's corrections changed), or another page: asked of the client.
    await early.entityPage({ key: 'PERSON:Kim Jong Un', offset: 0, limit: 20 });
    await early.entityPage({ key: 'PERSON:Kim Jong Un', offset: 20, limit: 20 });
    expect(asked).toHaveLength(3);
  });

  for (const hash of ['#entity=PERSON%3AKim%20Jong%20Un', '#', '#outlet=KCNA%20Watch&from=2024-05']) {
    it(`asks early exactly what the view of ${hash} asks first, so nothing is asked twice`, async () => {
      location.hash = hash;
      const { client, asked } = fakeClient();
      const questions = firstQuestions(parseRoute(hash));
      expect(questions.length).toBeGreaterThan(0);
      render(<LibraryApp client={askingEarly(client, questions)} />, root);
      await until(() => root.textContent!.includes('Kim Jong Un'));
      const kinds = new Set(questions.map((q) => q.kind));
      const sameKind = asked.filter((a) => kinds.has(a.type as never));
      expect(sameKind.slice(0, questions.length)).toEqual(questions.map((q) => ({ type: q.kind, payload: q.payload })));
      // (The table asks for its other rows once its first screen is painted: another question.)
      expect(new Set(sameKind.map((a) => JSON.stringify(a))).size).toBe(sameKind.length);
    });
  }
});
