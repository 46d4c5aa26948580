/**
 * What Gloss found in the article: its people, organizations, places and dates grouped by type,
 * each name with its number of mentions (clicking it steps through them in the tab), and the
 * policy terms matched, grouped by the list that holds them. A group is called by its key when the
 * article writes it so; otherwise by the article's own words: a key is a form for grouping
 * ("29 02 2024", "People Army"), not always one for reading ("29/02/2024", "People’s Army").
 */
import { useState } from 'preact/hooks';
import { BUILT_IN_LIST_NAMES } from '@/utils/entities/list-names';
import type { EntitySpan, EntityType } from '@/utils/entities/types';
import { spellingAt } from '@/utils/mentions/extract';

const HEADINGS: Record<Exclude<EntityType, 'TERM'>, string> = { PERSON: 'People', ORG: 'Organizations', PLACE: 'Places', DATE: 'Dates' };

export interface ArticleEntitiesProps {
  entities: readonly EntitySpan[];
  /** The article's text, which the spans' offsets are into. */
  text: string;
  /** Names of the reader's watchlists by term-list id (`watchlist:<id>`). */
  watchlistNames: Readonly<Record<string, string>>;
  onReveal: (start: number, end: number) => void;
}

interface Group {
  key: string;
  mentions: EntitySpan[];
}

/** Mentions grouped by key, most mentioned first (then alphabetically). */
function groups(spans: readonly EntitySpan[]): Group[] {
  const byKey = new Map<string, EntitySpan[]>();
  for (const span of spans) byKey.set(span.key, [...(byKey.get(span.key) ?? []), span]);
  return [...byKey].map(([key, mentions]) => ({ key, mentions })).sort((a, b) => b.mentions.length - a.mentions.length || a.key.localeCompare(b.key));
}

/**
 * What a group is called: its key if the article writes it so, else the spelling it uses most
 * (the longest of equals), so that a short later mention ("Kim") never names the group.
 */
function labelOf(group: Group, text: string): string {
  const spellings = new Map<string, number>();
  for (const mention of group.mentions) {
    const spelling = spellingAt(text, mention).trim();
    if (spelling) spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
  }
  if (!spellings.size || spellings.has(group.key)) return group.key;
  return [...spellings].sort(([a, m], [b, n]) => n - m || b.length - a.length)[0]![0];
}

export function ArticleEntities({ entities, text, watchlistNames, onReveal }: ArticleEntitiesProps) {
  const [step, setStep] = useState<Record<string, number>>({});
  if (!entities.length) return null;
  const listName = (id: string | undefined) => (id && (BUILT_IN_LIST_NAMES[id] ?? watchlistNames[id])) || 'Other terms';
  const sections: { title: string; groups: Group[] }[] = [
    ...(Object.keys(HEADINGS) as (keyof typeof HEADINGS)[]).map((type) => ({
      title: HEADINGS[type],
      groups: groups(entities.filter((span) => span.type === type)),
    })),
    ...[...new Set(entities.filter((s) => s.type === 'TERM').map((s) => listName(s.list)))].map((name) => ({
      title: `Terms: ${name}`,
      groups: groups(entities.filter((s) => s.type === 'TERM' && listName(s.list) === name)),
    })),
  ].filter((section) => section.groups.length);

  const next = (title: string, group: Group) => {
    const id = `${title}\u0000${group.key}`;
    const index = (step[id] ?? -1) + 1;
    const mention = group.mentions[index % group.mentions.length]!;
    setStep({ ...step, [id]: index });
    onReveal(mention.start, mention.end);
  };

  return (
    <section class="entities" aria-label="Found in this article">
      <h2>In this article</h2>
      {sections.map((section) => (
        <div key={section.title} class="entity-group">
          <h3>
            {section.title} <span class="count">({section.groups.reduce((n, g) => n + g.mentions.length, 0)})</span>
          </h3>
          <ul class="entity-keys">
            {section.groups.map((group) => {
              const label = labelOf(group, text);
              return (
                <li key={group.key}>
                  <button
                    type="button"
                    title="Show the next mention in the page"
                    aria-label={`${label}: ${group.mentions.length} ${group.mentions.length === 1 ? 'mention' : 'mentions'}; show the next`}
                    onClick={() => next(section.title, group)}
                  >
                    {label} <span class="count">{group.mentions.length}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
