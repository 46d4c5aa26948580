/**
 * On an entity's page: the articles whose later versions stopped naming it (utils/db/dropped-names.ts),
 * each with the two versions on either side of the edit and a link to their comparison in the
 * reader page, and as CSV. Shown only where Gloss kept versions that show such an edit.
 */
import type { DroppedName } from '@/utils/db/dropped-names';
import { readerPath } from '@/utils/versions/reader-path';
import { csvTable } from '@/utils/export/csv-field';
import { day, download } from './download';

/** The dropped names as CSV, one row per article. */
export function droppedCsv(dropped: readonly DroppedName[]): string {
  return csvTable([
    ['url', 'title', 'outlet', 'last named (version read)', 'not named (version read)', 'versions'],
    ...dropped.map((d) => [d.articleId, d.title, d.outlet, day(d.named.seenAt), day(d.dropped.seenAt), d.versions]),
  ]);
}

export function DroppedNames({ name, dropped }: { name: string; dropped: readonly DroppedName[] }) {
  if (!dropped.length) return null;
  return (
    <section aria-labelledby="dropped-title" data-testid="dropped">
      <h3 id="dropped-title">Dropped from later versions</h3>
      <p class="muted">
        {dropped.length} {dropped.length === 1 ? 'article' : 'articles'} named {name} in a version Gloss kept and no longer do in the latest.
      </p>
      <ul>
        {dropped.map((d) => (
          <li key={d.articleId}>
            <a href={readerPath(d.articleId, d.dropped.versionId, d.named.versionId)}>{d.title || d.articleId}</a>
            {d.outlet && <span class="muted"> · {d.outlet}</span>}
            <span class="muted">
              {' '}
              · named in the version read {day(d.named.seenAt)}, not in the one read {day(d.dropped.seenAt)}
            </span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => download('gloss-dropped.csv', 'text/csv', droppedCsv(dropped))}>
        Export CSV
      </button>
    </section>
  );
}
