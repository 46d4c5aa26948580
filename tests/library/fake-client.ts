/** A library client answering from memory, recording what it was asked (the background's part is tested apart). */
import type { LibraryClient } from '@/components/library/library-client';
import type { EntityPage } from '@/utils/db/entity-queries';
import type { TimelineWeek } from '@/utils/db/entity-weeks';
import type { TermListCounts } from '@/utils/db/term-list-counts';
import type { EntityHighlight, KeyTrend } from '@/utils/messaging/protocol/types';
import type { EntitySummary } from '@/utils/mentions/types';
import { matchesName, nameQuery, summaryWords } from '@/utils/search/name-words';

const at = (iso: string) => Date.parse(iso);

export const ENTITIES: EntitySummary[] = [
  { key: 'PERSON:Kim Jong Un', type: 'PERSON', name: 'Kim Jong Un', variants: ['Kim Jong Un', 'Kim Jong-un'], articles: 3, mentions: 12, firstSeen: at('2024-05-20'), lastSeen: at('2024-06-18') },
  { key: 'PLACE:Songchon County', type: 'PLACE', name: 'Songchon County', variants: ['Songchon County', 'Songchon'], articles: 2, mentions: 9, firstSeen: at('2024-05-20'), lastSeen: at('2024-06-02') },
  { key: 'TERM:Regional Development 20×10 Policy', type: 'TERM', name: 'Regional Development 20×10 Policy', variants: ['Regional Development 20×10 Policy'], articles: 3, mentions: 20, firstSeen: at('2024-05-20'), lastSeen: at('2024-06-18') },
  { key: 'ORG:Workers’ Party of Korea', type: 'ORG', name: 'Workers’ Party of Korea', variants: ['WPK'], articles: 1, mentions: 1, firstSeen: at('2024-04-01'), lastSeen: at('2024-04-01') },
  { key: 'DATE:2024-02-28', type: 'DATE', name: 'Feb. 28', variants: ['Feb. 28'], articles: 3, mentions: 3, firstSeen: at('2024-05-20'), lastSeen: at('2024-06-18') },
];

export function kimPage(offset: number, limit: number): EntityPage & { highlights: EntityHighlight[] } {
  const all = [
    { articleId: 'https://kcna.example/1', title: 'Speech in Songchon', outlet: 'KCNA Watch', date: at('2024-05-20'), day: '2024-05-20', count: 5, spellings: ['Kim Jong Un'], snippets: [['The respected Comrade ', 'Kim Jong Un', ' made a speech']] as [string, string, string][] },
    { articleId: 'https://rodong.example/2', title: 'Visit again', outlet: 'Rodong Sinmun', date: at('2024-06-02'), day: '2024-06-02', count: 4, spellings: ['Kim Jong-un'], snippets: [['Then ', 'Kim Jong-un', ' left']] as [string, string, string][] },
  ];
  return {
    summary: ENTITIES[0]!,
    articles: all.slice(offset, offset + limit),
    timeline: [
      { month: '2024-05', articles: 1, mentions: 5, byOutlet: { 'KCNA Watch': 1 } },
      { month: '2024-06', articles: 2, mentions: 7, byOutlet: { 'Rodong Sinmun': 1, 'Pyongyang Times': 1 } },
    ],
    related: [{ key: 'PLACE:Songchon County', name: 'Songchon County', type: 'PLACE', together: 2, pmi: 1.2 }],
    dropped: [],
    highlights: [{ id: 'h1', articleId: 'https://kcna.example/1', quote: 'Comrade Kim Jong Un made', note: 'the opening', color: 'green' }],
  };
}

export const KIM_WEEKS: TimelineWeek[] = [
  { week: '2024-W21', articles: 1, mentions: 5, byOutlet: { 'KCNA Watch': 1 } },
  { week: '2024-W23', articles: 1, mentions: 4, byOutlet: { 'Rodong Sinmun': 1 } },
  { week: '2024-W25', articles: 1, mentions: 3, byOutlet: { 'Pyongyang Times': 1 } },
];

export const TRENDS: Record<string, KeyTrend> = {
  'TERM:Regional Development 20×10 Policy': {
    key: 'TERM:Regional Development 20×10 Policy',
    name: 'Regional Development 20×10 Policy',
    points: [{ month: '2024-03', articles: 1, mentions: 4 }, { month: '2024-05', articles: 2, mentions: 9 }],
  },
  'PERSON:Kim Jong Un': { key: 'PERSON:Kim Jong Un', name: 'Kim Jong Un', points: [{ month: '2024-04', articles: 3, mentions: 3 }] },
};

/** The term lists as the fake background counts them: 20x10 found, Songun not yet; a watchlist of one. */
export const TERM_LISTS: TermListCounts[] = [
  {
    id: 'dprk-policy', name: 'DPRK policy terms', builtIn: true, total: 2, found: 1,
    terms: [
      { key: 'TERM:Regional Development 20×10 Policy', name: 'Regional Development 20×10 Policy', articles: 3 },
      { key: 'TERM:Songun', name: 'Songun', articles: 0 },
    ],
  },
  { id: 'watchlist:w1', name: 'Missiles', builtIn: false, total: 1, found: 0, terms: [{ key: 'TERM:Hwasong-18', name: 'Hwasong-18', articles: 0 }] },
];

/** What the fake background refuses: a merge of Kim into Songchon County (as if Songchon County were merged into him). */
export const REFUSED_MERGE = '“Songchon County” is already shown as “Kim Jong Un”: merging “Kim Jong Un” into it would make a loop. Split “Songchon County” out first.';

export function fakeClient({ page = kimPage }: { page?: typeof kimPage } = {}) {
  const asked: { type: string; payload: unknown }[] = [];
  const listeners = new Set<() => void>();
  const client: LibraryClient = {
    async correctKey(payload) {
      asked.push({ type: 'correctKey', payload });
      if (payload.kind === 'merge' && payload.into === 'PLACE:Songchon County') return { ok: false, error: { code: 'refused', message: REFUSED_MERGE } };
      return { ok: true, value: { changed: [], removed: [] } };
    },
    onCorrections(heard) {
      listeners.add(heard);
      return () => listeners.delete(heard);
    },
    async listEntities(payload) {
      asked.push({ type: 'listEntities', payload });
      const rows = ENTITIES.filter((e) => !payload.type || e.type === payload.type);
      // Within a slice: as if only Kim were named in KCNA Watch, once, in May.
      if (payload.outlet !== undefined || payload.from || payload.to) {
        return { ok: true, value: payload.outlet === 'KCNA Watch' ? rows.slice(0, 1).map((e) => ({ ...e, articles: 1, mentions: 5, within: { first: '2024-05', last: '2024-05' } })) : [] };
      }
      return { ok: true, value: rows };
    },
    async searchEntities(payload) {
      asked.push({ type: 'searchEntities', payload });
      const words = nameQuery(payload.search);
      const found = ENTITIES.filter((e) => e.type !== 'DATE' && (!payload.type || e.type === payload.type) && words.length > 0 && matchesName(summaryWords(e), words)).sort((a, b) => b.articles - a.articles);
      // Within a slice, as listEntities answers it: only Kim, in KCNA Watch.
      const rows = payload.outlet !== undefined || payload.from || payload.to
        ? found.filter((e) => payload.outlet === 'KCNA Watch' && e.key === 'PERSON:Kim Jong Un').map((e) => ({ ...e, articles: 1, mentions: 5, within: { first: '2024-05', last: '2024-05' } }))
        : found;
      const limit = payload.limit ?? 200;
      return { ok: true, value: { rows: rows.slice(0, limit), more: rows.length > limit, partial: false } };
    },
    async libraryBounds(payload) {
      asked.push({ type: 'libraryBounds', payload });
      return { ok: true, value: { outlets: ['', 'KCNA Watch', 'Rodong Sinmun'], first: '2024-04', last: '2024-06' } };
    },
    async entityWeeks(payload) {
      asked.push({ type: 'entityWeeks', payload });
      if (payload.key !== 'PERSON:Kim Jong Un') return { ok: true, value: null };
      return { ok: true, value: KIM_WEEKS };
    },
    async entityPage(payload) {
      asked.push({ type: 'entityPage', payload });
      if (payload.key !== 'PERSON:Kim Jong Un') return { ok: true, value: null };
      return { ok: true, value: page(payload.offset ?? 0, payload.limit ?? 50) };
    },
    async termLists(payload) {
      asked.push({ type: 'termLists', payload });
      return { ok: true, value: TERM_LISTS };
    },
    async entityTrends(payload) {
      asked.push({ type: 'entityTrends', payload });
      return { ok: true, value: payload.keys.map((key) => TRENDS[key] ?? { key, name: null, points: [] }) };
    },
  };
  /** The background's word that corrections changed, to every library page listening. */
  const announce = () => listeners.forEach((heard) => heard());
  return { client, asked, announce };
}
