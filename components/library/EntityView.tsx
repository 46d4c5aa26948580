/**
 * One entity's page: its timeline (articles per month or per ISO week, and per outlet in a table
 * under it; weeks are asked apart, as the reader switches to them), its
 * articles in date order with their passages (the mention marked), a page at a time, the reader's
 * highlights in those articles that quote one of its spellings, who appears with it, each a
 * link to its own page, and the articles whose later versions stopped naming it.
 */
import { useState } from 'preact/hooks';
import { ARTICLES_PER_PAGE, type TimelineMonth } from '@/utils/db/entity-queries';
import type { TimelineWeek } from '@/utils/db/entity-weeks';
import { ENTITY_TYPE_SINGULAR } from '@/utils/entities/types';
import { csvTable } from '@/utils/export/csv-field';
import type { EntityLibraryPage } from '@/utils/messaging/protocol/types';
import { keyName } from '@/utils/corrections/correction';
import { BarChart } from './BarChart';
import type { Unit } from './chart-data';
import { DroppedNames } from './DroppedNames';
import { EntityCorrections } from './EntityCorrections';
import { day, download } from './download';
import type { LibraryClient } from './library-client';
import { routeHref } from './route';
import { TimelineTable, timelineOutlets, type TimelineRow } from './TimelineTable';
import { useAnswer } from './use-answer';
import { useFirstPaintMark } from '../common/first-paint';

export const monthRows = (timeline: readonly TimelineMonth[]): TimelineRow[] => timeline.map(({ month, ...counts }) => ({ period: month, ...counts }));
export const weekRows = (weeks: readonly TimelineWeek[]): TimelineRow[] => weeks.map(({ week, ...counts }) => ({ period: week, ...counts }));

/** The timeline per month (or week) and outlet, as CSV. */
export function timelineCsv(timeline: readonly TimelineRow[], unit: Unit = 'month'): string {
  const outlets = timelineOutlets(timeline);
  return csvTable([
    [unit, 'articles', 'mentions', ...outlets.map((o) => o || '(no outlet)')],
    ...timeline.map((m) => [m.period, m.articles, m.mentions, ...outlets.map((o) => m.byOutlet[o] ?? 0)]),
  ]);
}

/** The articles shown, as CSV (one row per passage). */
export function articlesCsv(page: EntityLibraryPage): string {
  return csvTable([
    ['date', 'outlet', 'title', 'url', 'mentions', 'passage'],
    ...page.articles.flatMap((a) => (a.snippets.length ? a.snippets : [null]).map((s) => [a.day, a.outlet, a.title, a.articleId, a.count, s ? s.join('') : ''])),
  ]);
}

/** What the view asks for one entity's page (a page of its articles from `offset`). */
export const entityPageQuestion = (key: string, offset = 0) => ({ key, offset, limit: ARTICLES_PER_PAGE });

export function EntityView({
  client,
  entityKey,
  revision = 0,
  onChanged = () => {},
  by = 'month',
  onBy = () => {},
}: {
  client: LibraryClient;
  entityKey: string;
  revision?: number;
  onChanged?: () => void;
  by?: Unit;
  onBy?: (by: Unit) => void;
}) {
  const [offset, setOffset] = useState(0);
  const answer = useAnswer(() => client.entityPage(entityPageQuestion(entityKey, offset)), [client, entityKey, offset], revision);
  const weeks = useAnswer(() => (by === 'week' ? client.entityWeeks({ key: entityKey }) : Promise.resolve({ ok: true as const, value: null })), [client, entityKey, by], revision);
  useFirstPaintMark('gloss:entity-painted', answer.state === 'ready');
  if (answer.state === 'loading') return <p role="status">Reading the library…</p>;
  if (answer.state === 'failed') return <p role="alert">Gloss could not read the library: {answer.message}</p>;
  const page = answer.value;
  if (!page) return <p role="alert">The library holds nothing named {entityKey.slice(entityKey.indexOf(':') + 1)}.</p>;
  const { summary, articles, related, highlights } = page;
  const timeline = by === 'week' ? (weeks.state === 'ready' && weeks.value ? weekRows(weeks.value) : []) : monthRows(page.timeline);
  const per = by === 'week' ? 'week' : 'month';

  return (
    <article aria-labelledby="entity-title" data-testid="entity-view">
      <h2 id="entity-title">{summary.name}</h2>
      <p class="muted">
        {ENTITY_TYPE_SINGULAR[summary.type]} ·{' '}
        {summary.articles ? (
          <>
            {summary.articles} {summary.articles === 1 ? 'article' : 'articles'} · {summary.mentions} {summary.mentions === 1 ? 'mention' : 'mentions'} · {day(summary.firstSeen)} to {day(summary.lastSeen)}
          </>
        ) : (
          'no article names it in its latest version'
        )}
        {summary.variants.length > 1 && <> · also written {summary.variants.filter((v) => v !== summary.name).join(', ')}</>}
      </p>
      {summary.key !== entityKey && (
        <p class="muted" data-testid="shown-as">
          “{keyName(entityKey)}” is merged into {summary.name}: its articles are counted here.
        </p>
      )}
      {summary.hidden && <p class="muted">Hidden from the table and from who appears with whom (see Corrections below).</p>}
      <p>
        <a href={routeHref({ view: 'trends', keys: [summary.key] })}>Show as a trend (and compare)</a>
      </p>

      <DroppedNames name={summary.name} dropped={page.dropped} />

      <section aria-labelledby="timeline-title">
        <h3 id="timeline-title">Articles per {per}</h3>
        <div class="toolbar" role="group" aria-label="Timeline by">
          {(['month', 'week'] as const).map((unit) => (
            <button key={unit} type="button" aria-pressed={by === unit} onClick={() => onBy(unit)} data-testid={`by-${unit}`}>
              By {unit}
            </button>
          ))}
        </div>
        {by === 'week' && weeks.state === 'loading' && <p role="status">Counting the weeks…</p>}
        {by === 'week' && weeks.state === 'failed' && <p role="alert">Gloss could not read the weeks: {weeks.message}</p>}
        <BarChart
          series={[{ label: summary.name, points: timeline.map((m) => ({ period: m.period, value: m.articles })) }]}
          title={`Articles naming ${summary.name}, per ${per}${by === 'week' ? ' (ISO weeks from Monday, by each outlet’s day)' : ''}`}
          file={`gloss-timeline-${per}`}
          unit={by}
        />
        <TimelineTable timeline={timeline} unit={by} />
        <button type="button" onClick={() => download(`gloss-timeline-${per}.csv`, 'text/csv', timelineCsv(timeline, by))}>
          Export timeline CSV
        </button>
      </section>

      <div class="columns">
        <section class="later" aria-labelledby="articles-title">
          <h3 id="articles-title">Articles, oldest first</h3>
          <ol class="articles" data-testid="entity-articles" start={offset + 1}>
            {articles.map((a) => (
              <li key={a.articleId} data-article={a.articleId}>
                <p class="article-head">
                  <time dateTime={a.day}>{a.day}</time> · {a.outlet || 'no outlet'} ·{' '}
                  <a href={a.articleId} target="_blank" rel="noreferrer noopener">
                    {a.title || a.articleId}
                  </a>{' '}
                  <span class="muted">({a.count}×)</span>
                </p>
                {a.snippets.map(([before, mention, after], i) => (
                  <p key={i} class="snippet">
                    …{before}
                    <mark>{mention}</mark>
                    {after}…
                  </p>
                ))}
                {highlights
                  .filter((h) => h.articleId === a.articleId)
                  .map((h) => (
                    <blockquote key={h.id} class={`highlight color-${h.color}`} data-testid="entity-highlight">
                      {h.quote}
                      {h.note && <p class="note">{h.note}</p>}
                    </blockquote>
                  ))}
              </li>
            ))}
          </ol>
          <div class="actions">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - ARTICLES_PER_PAGE))}>
              Earlier articles
            </button>
            <button type="button" disabled={offset + articles.length >= summary.articles} onClick={() => setOffset(offset + ARTICLES_PER_PAGE)}>
              Later articles
            </button>
            <button type="button" onClick={() => download('gloss-articles.csv', 'text/csv', articlesCsv(page))}>
              Export articles CSV
            </button>
          </div>
        </section>

        <section class="later" aria-labelledby="related-title">
          <h3 id="related-title">Appears with</h3>
          {related.length === 0 ? (
            <p class="muted">No name shares enough of its articles yet.</p>
          ) : (
            <ol class="related" data-testid="related">
              {related.map((r) => (
                <li key={r.key}>
                  <a href={routeHref({ view: 'entity', key: r.key })}>{r.name}</a> <span class="muted">({ENTITY_TYPE_SINGULAR[r.type]}, {r.together} together)</span>
                </li>
              ))}
            </ol>
          )}
          <button type="button" onClick={() => download('gloss-related.csv', 'text/csv', csvTable([['key', 'name', 'type', 'articles together', 'pmi'], ...related.map((r) => [r.key, r.name, r.type, r.together, Number(r.pmi.toFixed(3))])]))}>
            Export CSV
          </button>
        </section>
      </div>
      <EntityCorrections key={summary.key} client={client} summary={summary} onChanged={onChanged} />
    </article>
  );
}
