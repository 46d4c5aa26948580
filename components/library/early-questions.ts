/**
 * The library page's first questions, asked as its script starts rather than a frame after its
 * first render (a view asks in an effect, which runs after the frame it rendered): the view's
 * first question of each kind is answered by the one already on its way, if it is the same.
 */
import type { RequestOf } from '@/utils/messaging/protocol';
import { entityPageQuestion } from './EntityView';
import { ROWS_DRAWN, tableQuestion } from './EntityTable';
import type { Asked, LibraryClient } from './library-client';
import type { Route } from './route';

export type Question = { [K in Asked]: { kind: K; payload: RequestOf<'toBackground', K> } }[Asked];

/** What the view a route opens on asks first (the same payloads the views build). */
export function firstQuestions(route: Route): Question[] {
  if (route.view === 'entity') return [{ kind: 'entityPage', payload: entityPageQuestion(route.key) }];
  // The table's first screen only: the rest and the slice's bounds are asked once it is painted.
  if (route.view === 'table') return [{ kind: 'listEntities', payload: tableQuestion(route.slice, false, ROWS_DRAWN) }];
  return [];
}

/** `client`, with `questions` asked now; each early answer serves the first same question, once. */
export function askingEarly(client: LibraryClient, questions: readonly Question[]): LibraryClient {
  const ask = (kind: Asked, payload: unknown) => (client[kind] as (payload: unknown) => ReturnType<LibraryClient[Asked]>)(payload);
  const waiting = new Map(questions.map(({ kind, payload }) => [`${kind} ${JSON.stringify(payload)}`, ask(kind, payload)]));
  const early: Partial<Record<Asked, (payload: unknown) => ReturnType<LibraryClient[Asked]>>> = {};
  for (const { kind } of questions) {
    early[kind] = (payload) => {
      const id = `${kind} ${JSON.stringify(payload)}`;
      const answer = waiting.get(id);
      waiting.delete(id);
      return answer ?? ask(kind, payload);
    };
  }
  return { ...client, ...(early as Partial<LibraryClient>) };
}
