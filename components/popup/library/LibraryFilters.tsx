/**
 * The library's filter controls: tag, color, outlet, a date range, an entity and a term list,
 * each a labelled native control filled from what the library holds.
 */
import { useState } from 'preact/hooks';
import { useTableRead } from '@/components/common/use-table-read';
import { ANNOTATION_COLORS } from '@/utils/anchoring/annotation';
import { listTags } from '@/utils/db/annotations-repo';
import type { GlossDb } from '@/utils/db/database';
import { BUILT_IN_LIST_NAMES } from '@/utils/entities/list-names';
import type { ColorNames } from '@/utils/settings/color-names';
import type { FilterControls } from './library-filter';

export interface LibraryFiltersProps {
  db: GlossDb;
  controls: FilterControls;
  colorNames: ColorNames;
  onChange: (controls: FilterControls) => void;
}

async function options(db: GlossDb) {
  const [tags, outlets, entities, lists, watchlists] = await Promise.all([
    listTags(db),
    db.articles.orderBy('siteName').uniqueKeys(),
    db.articles.orderBy('entityKeys').uniqueKeys(),
    db.articles.orderBy('termLists').uniqueKeys(),
    db.watchlists.toArray(),
  ]);
  const names = new Map(watchlists.map((w) => [`watchlist:${w.id}`, w.name]));
  return {
    tags,
    outlets: outlets.map(String),
    entities: entities.map(String),
    lists: lists.map(String).map((id) => ({ id, name: BUILT_IN_LIST_NAMES[id] ?? names.get(id) ?? id })),
  };
}

export function LibraryFilters({ db, controls, colorNames, onChange }: LibraryFiltersProps) {
  // What to offer is read once the reader opens the filters, not while the library first paints.
  // (Not a live query: one that reads nothing still merges every write it hears of, see
  // use-table-read.ts. Closed, it follows no table: the background writes articles often.)
  const [open, setOpen] = useState(false);
  const known = useTableRead(db, open ? ['annotations', 'articles', 'watchlists'] : [], () => (open ? options(db) : undefined), [open]);
  const values = (known.status === 'ready' && known.value) || { tags: [], outlets: [], entities: [], lists: [] };
  const set = (key: keyof FilterControls) => (event: { currentTarget: { value: string } }) => onChange({ ...controls, [key]: event.currentTarget.value });
  const active = Object.values(controls).filter(Boolean).length;
  return (
    <details class="library-filters" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Filters{active > 0 && ` (${active})`}</summary>
      <div class="filter-grid">
        <Choice label="Tag" name="tag" controls={controls} onChange={onChange} options={values.tags.map((tag) => [tag, tag])} />
        <Choice label="Color" name="color" controls={controls} onChange={onChange} options={ANNOTATION_COLORS.map((color) => [color, colorNames[color]])} />
        <Choice label="Outlet" name="outlet" controls={controls} onChange={onChange} options={values.outlets.map((outlet) => [outlet, outlet])} />
        <label>
          From
          <input type="date" value={controls.from} onChange={set('from')} data-filter="from" />
        </label>
        <label>
          To
          <input type="date" value={controls.to} onChange={set('to')} data-filter="to" />
        </label>
        <label>
          Entity
          <input list="gloss-entity-keys" value={controls.entity} onChange={set('entity')} placeholder="PERSON:Kim Jong Un" data-filter="entity" />
          <datalist id="gloss-entity-keys">
            {values.entities.slice(0, 2000).map((key) => (
              <option key={key} value={key} />
            ))}
          </datalist>
        </label>
        <Choice label="Term list" name="termList" controls={controls} onChange={onChange} options={values.lists.map((list) => [list.id, list.name])} />
        {active > 0 && (
          <button type="button" onClick={() => onChange(Object.fromEntries(Object.keys(controls).map((k) => [k, ''])) as unknown as FilterControls)}>
            Clear filters
          </button>
        )}
      </div>
    </details>
  );
}

/** One filter chosen from a list ("Any" first): `options` are [value, label] pairs. */
function Choice(props: {
  label: string;
  name: keyof FilterControls;
  controls: FilterControls;
  onChange: (controls: FilterControls) => void;
  options: readonly (readonly [string, string])[];
}) {
  const { label, name, controls, onChange, options } = props;
  return (
    <label>
      {label}
      <select value={controls[name]} onChange={(event) => onChange({ ...controls, [name]: event.currentTarget.value })} data-filter={name}>
        <option value="">Any</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
