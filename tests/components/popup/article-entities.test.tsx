import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticleEntities } from '@/components/popup/ArticleEntities';
import type { EntitySpan } from '@/utils/entities/types';
import { container, settle, unmount } from '../../support/ui';

const TEXT = "Date: 29/02/2024 | Source: KCNA. Kim Jong Un spoke on 29 February 2024. Kim Jong-un left. Kim thanked the People's Army.";
const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

const ENTITIES: EntitySpan[] = [
  { ...at('29/02/2024'), type: 'DATE', key: '29 02 2024' },
  { ...at('Kim Jong Un'), type: 'PERSON', key: 'Kim Jong Un' },
  { ...at('29 February 2024'), type: 'DATE', key: '29 02 2024' },
  { ...at('Kim Jong-un'), type: 'PERSON', key: 'Kim Jong Un' },
  { ...at('Kim thanked'), end: at('Kim thanked').start + 3, type: 'PERSON', key: 'Kim Jong Un' },
  { ...at("People's Army"), type: 'ORG', key: 'People Army' },
];

describe('components/popup/ArticleEntities', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
  });
  afterEach(() => unmount(root));

  it("names a group by its key where the article writes it so, else by the article's own spelling, and steps through its mentions", async () => {
    const onReveal = vi.fn();
    render(<ArticleEntities entities={ENTITIES} text={TEXT} watchlistNames={{}} onReveal={onReveal} />, root);
    const chips = [...root.querySelectorAll('button')];
    expect(chips.map((chip) => chip.getAttribute('aria-label'))).toEqual([
      'Kim Jong Un: 3 mentions; show the next',
      "People's Army: 1 mention; show the next",
      // Two spellings once each: the longer.
      '29 February 2024: 2 mentions; show the next',
    ]);
    chips[2]!.click();
    await settle(); // Preact renders the step taken
    chips[2]!.click();
    expect(onReveal.mock.calls).toEqual([
      [ENTITIES[0]!.start, ENTITIES[0]!.end],
      [ENTITIES[2]!.start, ENTITIES[2]!.end],
    ]);
  });
});
