import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityTable, ROWS_DRAWN, entitiesCsv, visibleRows } from '@/components/library/EntityTable';
import { EntityView, monthRows, timelineCsv, weekRows } from '@/components/library/EntityView';
import { TermTrends, trendsCsv } from '@/components/library/TermTrends';
import { droppedCsv } from '@/components/library/DroppedNames';
import { periodGrid } from '@/components/library/chart-data';
import { ARTICLES_PER_PAGE } from '@/utils/db/entity-queries';
import { parseRoute, routeHref, type Route } from '@/components/library/route';
import { LibraryApp } from '@/entrypoints/library/App';
import { buttonLabelled, container, settle, typeInto, unmount, until } from '../support/ui';
import { ENTITIES, KIM_WEEKS, TRENDS, fakeClient, kimPage } from './fake-client';

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent?.trim());
const button = buttonLabelled;
const choose = (select: Element | null, value: string) => {
  (select as HTMLSelectElement).value = value;
  select?.dispatchEvent(new Event('change', { bubbles: true }));
};

describe('library/route', () => {
  it('reads back the fragment it writes, keys with colons, spaces and bars', () => {
    const routes: Route[] = [
      { view: 'table' },
      { view: 'table', slice: { outlet: 'KCNA & co' } },
      { view: 'table', slice: { outlet: '', from: '2024-01', to: '2024-06' } },
      { view: 'table', slice: { to: '2024-06' } },
      { view: 'entity', key: 'TERM:Regional Development 20×10 Policy' },
      { view: 'entity', key: 'PERSON:Kim Jong Un', by: 'week' },
      { view: 'trends', keys: ['PERSON:Kim Jong Un', 'ORG:A & B'] },
    ];
    for (const route of routes) {
      expect(parseRoute(routeHref(route))).toEqual(route);
    }
    expect(parseRoute('#something=else')).toEqual({ view: 'table' });
    // A month that is not one is left out of the slice.
    expect(parseRoute('#from=2024-13&to=2024-06')).toEqual({ view: 'table', slice: { to: '2024-06' } });
    expect(parseRoute('#from=June')).toEqual({ view: 'table' });
    expect(parseRoute('#entity=PERSON%3AKim&by=day')).toEqual({ view: 'entity', key: 'PERSON:Kim' });
  });
});

describe('library/chart-data', () => {
  it('spans every month from the first to the last, a month with nothing at 0, across the new year', () => {
    const grid = periodGrid([
      { label: 'a', points: [{ period: '2023-11', value: 2 }, { period: '2024-02', value: 5 }] },
      { label: 'b', points: [{ period: '2024-01', value: 1 }] },
    ]);
    expect(grid.periods).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(grid.values).toEqual([[2, 0, 0, 5], [0, 0, 1, 0]]);
    expect(grid.max).toBe(5);
    expect(periodGrid([{ label: 'none', points: [] }]).periods).toEqual([]);
  });

  it('keeps the latest 240 months of a series that spans more', () => {
    const grid = periodGrid([{ label: 'old', points: [{ period: '1900-01', value: 1 }, { period: '2026-01', value: 3 }] }]);
    expect(grid.periods).toHaveLength(240);
    expect(grid.periods.at(-1)).toBe('2026-01');
    expect(grid.values[0]?.reduce((a, b) => a + b)).toBe(3);
  });
});

describe('library/EntityTable', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
  });
  afterEach(() => unmount(root));

  it('lists entities and terms most named first, no dates, each a link to its page', async () => {
    const { client, asked } = fakeClient();
    render(<EntityTable client={client} />, root);
    await until(() => !!root.querySelector('tbody tr'));
    // Its first screen, then, once that is painted, every row it loads.
    await until(() => asked.filter((a) => a.type === 'listEntities').length === 2);
    expect(asked.filter((a) => a.type === 'listEntities')).toEqual([
      { type: 'listEntities', payload: { limit: ROWS_DRAWN } },
      { type: 'listEntities', payload: { limit: 2000 } },
    ]);
    expect(texts(root, 'tbody th')).toEqual(['Kim Jong Un', 'Regional Development 20×10 Policy', 'Songchon County', 'Workers’ Party of Korea']); // a tie of articles goes by key
    expect(root.querySelector('tbody a')?.getAttribute('href')).toBe(routeHref({ view: 'entity', key: 'PERSON:Kim Jong Un' }));
    const kim = [...root.querySelectorAll('tbody tr')].find((row) => row.getAttribute('data-key') === 'PERSON:Kim Jong Un');
    expect(texts(kim!, 'td')).toEqual(['Person', 'Kim Jong Un, Kim Jong-un', '3', '12', '2024-05-20', '2024-06-18']);
  });

  it('asks for the table within an outlet and months, offers the library’s outlets, and says what the figures are', async () => {
    const { client, asked } = fakeClient();
    const onSlice = vi.fn();
    render(<EntityTable client={client} onSlice={onSlice} />, root);
    await until(() => root.querySelectorAll('[data-testid=outlet-filter] option').length === 4);
    expect(texts(root, '[data-testid=outlet-filter] option')).toEqual(['All outlets', '(no outlet)', 'KCNA Watch', 'Rodong Sinmun']);
    expect(root.querySelector('[data-testid=slice-from]')?.getAttribute('min')).toBe('2024-04');
    const select = root.querySelector<HTMLSelectElement>('[data-testid=outlet-filter]')!;
    select.value = 'o:KCNA Watch';
    select.dispatchEvent(new Event('change'));
    expect(onSlice).toHaveBeenLastCalledWith({ outlet: 'KCNA Watch' });
    render(<EntityTable client={client} onSlice={onSlice} slice={{ outlet: 'KCNA Watch', from: '2024-05' }} />, root);
    await until(() => texts(root, 'tbody th').length === 1);
    expect(asked.filter((a) => a.type === 'listEntities').at(-1)?.payload).toEqual({ limit: 2000, outlet: 'KCNA Watch', from: '2024-05' });
    expect(texts(root, 'tbody td')).toEqual(['Person', 'Kim Jong Un, Kim Jong-un', '1', '5', '2024-05', '2024-05']);
    expect(root.querySelector('[data-testid=table-status]')?.textContent).toContain('in KCNA Watch, from 2024-05 on');
    button(root, 'Whole library').click();
    expect(onSlice).toHaveBeenLastCalledWith(undefined);
  });

  it('says a range that ends before it starts, without asking, and keeps the filters to mend it', async () => {
    const { client, asked } = fakeClient();
    render(<EntityTable client={client} slice={{ from: '2024-06', to: '2024-05' }} />, root);
    await until(() => !!root.querySelector('[role=alert]'));
    expect(root.querySelector('[role=alert]')?.textContent).toContain('the range starts (2024-06) after it ends (2024-05)');
    expect(asked.filter((a) => a.type === 'listEntities')).toEqual([]);
    expect(root.querySelector<HTMLInputElement>('[data-testid=slice-to]')?.value).toBe('2024-05');
  });

  it('says when a slice names nothing', async () => {
    const { client } = fakeClient();
    render(<EntityTable client={client} slice={{ outlet: 'Nowhere' }} />, root);
    await until(() => root.textContent?.includes('No entities here') ?? false);
  });

  it('sorts by a column header, and again the other way', async () => {
    const { client } = fakeClient();
    render(<EntityTable client={client} />, root);
    await until(() => !!root.querySelector('tbody tr'));
    button(root, 'Name').click();
    await settle();
    expect(texts(root, 'tbody th')).toEqual(['Kim Jong Un', 'Regional Development 20×10 Policy', 'Songchon County', 'Workers’ Party of Korea']);
    expect(root.querySelector('th[aria-sort]')?.getAttribute('aria-sort')).toBe('ascending');
    button(root, 'Name').click();
    await settle();
    expect(texts(root, 'tbody th')[0]).toBe('Workers’ Party of Korea');
    button(root, 'First seen').click();
    await settle();
    expect(texts(root, 'tbody th')[0]).toBe('Kim Jong Un'); // latest first (ties by key), a date sorts newest first
  });

  it('filters by type and finds a name by one of its spellings', async () => {
    const { client, asked } = fakeClient();
    render(<EntityTable client={client} />, root);
    await until(() => !!root.querySelector('tbody tr'));
    choose(root.querySelector('[data-testid=type-filter]'), 'PLACE');
    await settle();
    expect(texts(root, 'tbody th')).toEqual(['Songchon County']);
    choose(root.querySelector('[data-testid=type-filter]'), '');
    await typeInto(root.querySelector('[data-testid=entity-search]'), 'wpk');
    await until(() => texts(root, 'tbody th').length === 1);
    expect(texts(root, 'tbody th')).toEqual(['Workers’ Party of Korea']);
    expect(root.querySelector('[data-testid=table-status]')?.textContent).toBe('1 name matches “wpk”.');
    // Of one type: asked of the background with the type.
    choose(root.querySelector('[data-testid=type-filter]'), 'PLACE');
    await until(() => texts(root, 'tbody th').length === 0 && !root.querySelector('[aria-busy=true]'));
    expect(root.querySelector('[data-testid=table-status]')?.textContent).toBe('No name or spelling matches “wpk”.');
    expect(asked.filter((a) => a.type === 'searchEntities').map((a) => a.payload)).toEqual([{ search: 'wpk', limit: 200 }, { search: 'wpk', limit: 200, type: 'PLACE' }]);
  });

  it('searches every name of the library from the search box once typing pauses, showing the latest answer only', async () => {
    const { client, asked } = fakeClient();
    const rare = { ...ENTITIES[0]!, key: 'PERSON:Jo Yong Won', name: 'Jo Yong Won', variants: ['Jo Yong-won', '조용원'], articles: 1, mentions: 2 };
    const answers = new Map<string, { delay: number; rows: (typeof rare)[] }>([
      ['jo yong', { delay: 300, rows: [ENTITIES[0]!, rare] }],
      ['조용', { delay: 0, rows: [rare] }],
    ]);
    client.searchEntities = async (payload) => {
      asked.push({ type: 'searchEntities', payload });
      const answer = answers.get(payload.search) ?? { delay: 0, rows: [] };
      await new Promise((resolve) => setTimeout(resolve, answer.delay));
      return { ok: true, value: { rows: answer.rows, more: payload.search === 'jo yong', partial: false } };
    };
    render(<EntityTable client={client} />, root);
    await until(() => !!root.querySelector('tbody tr'));
    const box = root.querySelector('[data-testid=entity-search]');
    // Typed key by key: one question, once the text holds still.
    for (const text of ['j', 'jo', 'jo ', 'jo y', 'jo yong']) await typeInto(box, text);
    await until(() => asked.some((a) => a.type === 'searchEntities'));
    expect(asked.filter((a) => a.type === 'searchEntities').map((a) => (a.payload as { search: string }).search)).toEqual(['jo yong']);
    expect(root.querySelector('[data-testid=table-status]')?.textContent).toBe('Searching every name in the library for “jo yong”…');
    // Another text before that answer came: the older answer, slower, is dropped when it comes.
    await typeInto(box, ' 조용 ');
    await until(() => texts(root, 'tbody th').join() === 'Jo Yong Won');
    expect(root.querySelector('[data-testid=table-status]')?.textContent).toBe('1 name matches “조용”.');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(texts(root, 'tbody th')).toEqual(['Jo Yong Won']);
    expect(root.querySelector('tbody a')?.getAttribute('href')).toBe(routeHref({ view: 'entity', key: 'PERSON:Jo Yong Won' }));
    await typeInto(box, 'jo yong');
    await until(() => texts(root, 'tbody th').length === 2);
    expect(root.querySelector('[data-testid=table-status]')?.textContent).toBe('2 names match “jo yong” (the 2 most named of more).');
    // Emptied: the loaded table again, not asked.
    const before = asked.length;
    await typeInto(box, '  ');
    expect(texts(root, 'tbody th')).toHaveLength(4);
    expect(root.querySelector('[data-testid=table-status]')?.textContent).toBe('4 of 4 shown.');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked.length).toBe(before);
  });

  it('searches within the outlet and months the table shows, and says a failed search', async () => {
    const { client, asked } = fakeClient();
    render(<EntityTable client={client} slice={{ outlet: 'KCNA Watch', from: '2024-05' }} />, root);
    await until(() => texts(root, 'tbody th').length === 1);
    await typeInto(root.querySelector('[data-testid=entity-search]'), 'kim');
    await until(() => asked.some((a) => a.type === 'searchEntities'));
    expect(asked.filter((a) => a.type === 'searchEntities').map((a) => a.payload)).toEqual([{ search: 'kim', limit: 200, outlet: 'KCNA Watch', from: '2024-05' }]);
    await until(() => !root.querySelector('[aria-busy=true]'));
    expect(texts(root, 'tbody td')).toEqual(['Person', 'Kim Jong Un, Kim Jong-un', '1', '5', '2024-05', '2024-05']);
    expect(root.querySelector('[data-testid=table-status]')?.textContent).toContain('1 name matches “kim” in KCNA Watch, from 2024-05 on');
    client.searchEntities = async () => ({ ok: false, error: { code: 'invalid-message', message: 'the search is longer than 200 characters' } });
    await typeInto(root.querySelector('[data-testid=entity-search]'), 'kim jong');
    await until(() => !!root.querySelector('[role=alert]'));
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Gloss could not search the library: the search is longer than 200 characters');
  });

  it('draws the first rows of a long table and lists more on request, sorting over all it loaded', async () => {
    const { client } = fakeClient();
    const many = Array.from({ length: ROWS_DRAWN + 30 }, (_, i) => ({ ...ENTITIES[0]!, key: `PERSON:Name ${i}`, name: `Name ${i}`, articles: 1000 - i }));
    client.listEntities = async () => ({ ok: true, value: many });
    render(<EntityTable client={client} />, root);
    await until(() => !!root.textContent?.includes(`${ROWS_DRAWN + 30} of ${ROWS_DRAWN + 30} shown; the first ${ROWS_DRAWN} listed`));
    expect(root.querySelectorAll('tbody tr')).toHaveLength(ROWS_DRAWN);
    // Sorting reaches a row not drawn.
    button(root, 'Articles').click();
    await settle();
    expect(texts(root, 'tbody th')[0]).toBe(`Name ${ROWS_DRAWN + 29}`);
    button(root, 'Articles').click();
    await settle();
    button(root, 'List 30 more').click();
    await settle();
    expect(root.querySelectorAll('tbody tr')).toHaveLength(ROWS_DRAWN + 30);
    expect(root.textContent).not.toContain('more');
  });

  it('paints its first screen, then asks for every row it loads and the slice’s bounds, and shows them when they come', async () => {
    const { client, asked } = fakeClient();
    const many = Array.from({ length: ROWS_DRAWN + 30 }, (_, i) => ({ ...ENTITIES[0]!, key: `PERSON:Name ${i}`, name: `Name ${i}`, articles: 1000 - i }));
    let answerWhole = () => {};
    client.listEntities = async ({ limit }) => {
      asked.push({ type: 'listEntities', payload: { limit } });
      if (limit === ROWS_DRAWN) return { ok: true, value: many.slice(0, ROWS_DRAWN) };
      await new Promise<void>((resolve) => (answerWhole = resolve));
      return { ok: true, value: many };
    };
    render(<EntityTable client={client} />, root);
    await until(() => !!root.querySelector('tbody tr'));
    expect(root.querySelectorAll('tbody tr')).toHaveLength(ROWS_DRAWN);
    expect(asked.map((a) => a.type)).toEqual(['listEntities']);
    await until(() => asked.length === 3);
    expect(asked.map((a) => a.type).sort()).toEqual(['libraryBounds', 'listEntities', 'listEntities']);
    const status = root.querySelector('[data-testid=table-status]');
    expect(status?.textContent).toBe(`The ${ROWS_DRAWN} most named shown; reading the rest…`);
    expect(status?.getAttribute('aria-busy')).toBe('true');
    answerWhole();
    await until(() => !!status?.textContent?.startsWith(`${ROWS_DRAWN + 30} of ${ROWS_DRAWN + 30} shown`));
    expect(status?.getAttribute('aria-busy')).toBe('false');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(ROWS_DRAWN);
    expect(texts(root, 'tbody th')[0]).toBe('Name 0');
  });

  it('says why when the background cannot answer', async () => {
    const { client } = fakeClient();
    client.listEntities = async () => ({ ok: false, error: { code: 'unreachable', message: 'No answer from Gloss’s background' } });
    render(<EntityTable client={client} />, root);
    await until(() => !!root.querySelector('[role=alert]'));
    expect(root.querySelector('[role=alert]')?.textContent).toContain('No answer from Gloss’s background');
  });

  it('writes the rows shown as CSV, a spelling list in one cell, a formula defused', () => {
    const rows = visibleRows([...ENTITIES, { ...ENTITIES[1]!, key: 'ORG:=cmd', name: '=cmd', type: 'ORG' }], { type: 'ORG', column: 'name', descending: false });
    const csv = entitiesCsv(rows).split('\r\n');
    expect(csv[0]).toBe('key,name,type,spellings,articles,mentions,first seen,last seen');
    expect(csv[1]).toBe("ORG:=cmd,'=cmd,ORG,Songchon County; Songchon,2,9,2024-05-20,2024-06-02");
    expect(csv[2]).toBe('ORG:Workers’ Party of Korea,Workers’ Party of Korea,ORG,WPK,1,1,2024-04-01,2024-04-01');
  });
});

describe('library/EntityView', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
  });
  afterEach(() => unmount(root));

  it('shows the articles in date order with the mention marked, the reader’s highlight, the outlets per month and who appears with it', async () => {
    const { client } = fakeClient();
    render(<EntityView client={client} entityKey="PERSON:Kim Jong Un" />, root);
    await until(() => !!root.querySelector('[data-testid=entity-articles] li'));
    expect(texts(root, '[data-testid=entity-articles] time')).toEqual(['2024-05-20', '2024-06-02']);
    expect(texts(root, '.snippet mark')).toEqual(['Kim Jong Un', 'Kim Jong-un']);
    expect(texts(root, '.snippet')[0]).toBe('…The respected Comrade Kim Jong Un made a speech…');
    const highlight = root.querySelector('[data-testid=entity-highlight]');
    expect(highlight?.closest('li')?.getAttribute('data-article')).toBe('https://kcna.example/1');
    expect(highlight?.textContent).toContain('the opening');
    expect(texts(root, '[data-testid=timeline-table] thead th')).toEqual(['Month', 'Articles', 'Mentions', 'KCNA Watch', 'Pyongyang Times', 'Rodong Sinmun']);
    // The table's rows come a frame after the rest (TimelineTable.tsx).
    await until(() => !!root.querySelector('[data-testid=timeline-table] tbody th'));
    expect(texts(root, '[data-testid=timeline-table] tbody tr:last-child td')).toEqual(['2', '7', '0', '1', '1']);
    const related = root.querySelector<HTMLAnchorElement>('[data-testid=related] a');
    expect([related?.textContent, related?.getAttribute('href')]).toEqual(['Songchon County', routeHref({ view: 'entity', key: 'PLACE:Songchon County' })]);
    // One entity is called by its type in the singular.
    expect(root.querySelector('[data-testid=related] .muted')?.textContent).toBe('(Place, 2 together)');
    expect(root.querySelector('[data-testid=entity-view] > p.muted')?.textContent).toMatch(/^Person · 3 articles · 12 mentions · /);
    expect([...root.querySelectorAll('[data-testid=bar-chart] rect')].map((r) => [r.getAttribute('data-month'), r.getAttribute('data-value')])).toEqual([['2024-05', '1'], ['2024-06', '2']]);
  });

  it('says one article and one mention in the singular, and one entity’s type', async () => {
    const { client } = fakeClient({ page: (offset, limit) => ({ ...kimPage(offset, limit), summary: ENTITIES[3]! }) });
    render(<EntityView client={client} entityKey="PERSON:Kim Jong Un" />, root);
    await until(() => !!root.querySelector('[data-testid=entity-view] > p.muted'));
    expect(root.querySelector('[data-testid=entity-view] > p.muted')?.textContent).toMatch(/^Organization · 1 article · 1 mention · /);
  });

  it('asks for the next page of articles, and back', async () => {
    const { client, asked } = fakeClient();
    render(<EntityView client={client} entityKey="PERSON:Kim Jong Un" />, root);
    await until(() => !!root.querySelector('[data-testid=entity-articles] li'));
    expect(button(root, 'Earlier articles').disabled).toBe(true);
    button(root, 'Later articles').click();
    await until(() => asked.length === 2);
    expect(asked[1]).toEqual({ type: 'entityPage', payload: { key: 'PERSON:Kim Jong Un', offset: ARTICLES_PER_PAGE, limit: ARTICLES_PER_PAGE } });
    await until(() => root.querySelector('[data-testid=entity-articles]')?.getAttribute('start') === String(ARTICLES_PER_PAGE + 1));
    button(root, 'Earlier articles').click();
    await until(() => asked.length === 3);
    expect(asked[2]?.payload).toMatchObject({ offset: 0 });
  });

  it('marks its first paint with data once, for the bench, and not while it is still reading', async () => {
    performance.clearMarks('gloss:entity-painted');
    const { client } = fakeClient();
    render(<EntityView client={client} entityKey="PERSON:Kim Jong Un" />, root);
    expect(performance.getEntriesByName('gloss:entity-painted')).toHaveLength(0);
    await until(() => !!root.querySelector('[data-testid=entity-articles] li'));
    // Marked after the frame that shows the articles.
    await until(() => performance.getEntriesByName('gloss:entity-painted').length > 0);
    button(root, 'Later articles').click();
    await until(() => root.querySelector('[data-testid=entity-articles]')?.getAttribute('start') === String(ARTICLES_PER_PAGE + 1));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 10)));
    expect(performance.getEntriesByName('gloss:entity-painted')).toHaveLength(1);
  });

  it('lists the articles whose later versions dropped the name, linking each to the comparison of the two versions, only when there are some', async () => {
    const dropped = { articleId: 'https://kcna.example/3', title: 'Plenary meeting', outlet: 'KCNA Watch', named: { versionId: 'v1', seenAt: Date.parse('2024-06-01') }, dropped: { versionId: 'v2', seenAt: Date.parse('2024-07-15') }, versions: 2 };
    const { client } = fakeClient({ page: (offset, limit) => ({ ...kimPage(offset, limit), dropped: [dropped] }) });
    render(<EntityView client={client} entityKey="PERSON:Kim Jong Un" />, root);
    await until(() => !!root.querySelector('[data-testid=dropped]'));
    const link = root.querySelector<HTMLAnchorElement>('[data-testid=dropped] li a');
    expect(link?.textContent).toBe('Plenary meeting');
    expect(new URLSearchParams(link?.getAttribute('href')?.split('?')[1])).toEqual(new URLSearchParams({ article: 'https://kcna.example/3', compare: 'v1', version: 'v2' }));
    expect(root.querySelector('[data-testid=dropped] li')?.textContent).toContain('named in the version read 2024-06-01, not in the one read 2024-07-15');
    expect(droppedCsv([dropped]).split('\r\n')[1]).toBe('https://kcna.example/3,Plenary meeting,KCNA Watch,2024-06-01,2024-07-15,2');
    unmount(root);
    root = container();
    render(<EntityView client={fakeClient().client} entityKey="PERSON:Kim Jong Un" />, root);
    await until(() => !!root.querySelector('[data-testid=entity-articles] li'));
    expect(root.querySelector('[data-testid=dropped]')).toBeNull();
  });

  it('says the library holds nothing of that name', async () => {
    const { client } = fakeClient();
    render(<EntityView client={client} entityKey="PERSON:Nobody Known" />, root);
    await until(() => !!root.querySelector('[role=alert]'));
    expect(root.textContent).toContain('The library holds nothing named Nobody Known');
  });

  it('writes the timeline per month and outlet as CSV', () => {
    expect(timelineCsv(monthRows(kimPage(0, 50).timeline)).split('\r\n')).toEqual([
      'month,articles,mentions,KCNA Watch,Pyongyang Times,Rodong Sinmun',
      '2024-05,1,5,1,0,0',
      '2024-06,2,7,0,1,1',
      '',
    ]);
  });

  it('switches the timeline to weeks, asking for them, and writes them as CSV', async () => {
    const { client, asked } = fakeClient();
    const onBy = vi.fn();
    const view = (by: 'month' | 'week') => <EntityView client={client} entityKey="PERSON:Kim Jong Un" by={by} onBy={onBy} />;
    render(view('month'), root);
    await until(() => !!root.querySelector('[data-testid=entity-articles] li'));
    expect(button(root, 'By month').getAttribute('aria-pressed')).toBe('true');
    button(root, 'By week').click();
    expect(onBy).toHaveBeenLastCalledWith('week');
    render(view('week'), root);
    await until(() => !!root.querySelector('[data-testid=bar-chart] rect[data-week]'));
    expect(asked.filter((a) => a.type === 'entityWeeks')).toEqual([{ type: 'entityWeeks', payload: { key: 'PERSON:Kim Jong Un' } }]);
    // Every week from the first to the last, a week with nothing at 0.
    expect([...root.querySelectorAll('[data-testid=bar-chart] rect')].map((r) => [r.getAttribute('data-week'), r.getAttribute('data-value')])).toEqual([
      ['2024-W21', '1'], ['2024-W22', '0'], ['2024-W23', '1'], ['2024-W24', '0'], ['2024-W25', '1'],
    ]);
    expect(texts(root, '[data-testid=timeline-table] thead th')[0]).toBe('Week');
    expect(texts(root, '#timeline-title')).toEqual(['Articles per week']);
    expect(timelineCsv(weekRows(KIM_WEEKS), 'week').split('\r\n').slice(0, 2)).toEqual(['week,articles,mentions,KCNA Watch,Pyongyang Times,Rodong Sinmun', '2024-W21,1,5,1,0,0']);
  });
});

describe('library/TermTrends', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
  });
  afterEach(() => unmount(root));
  const TERM = 'TERM:Regional Development 20×10 Policy';

  it('charts a term per month, the month between at 0, in articles or mentions', async () => {
    const { client } = fakeClient();
    render(<TermTrends client={client} keys={[TERM]} onKeys={() => {}} />, root);
    await until(() => !!root.querySelector('[data-testid=trend-table] tbody tr'));
    expect(texts(root, '[data-testid=trend-table] tbody tr')).toEqual(['2024-031', '2024-040', '2024-052']);
    expect([...root.querySelectorAll('[data-testid=bar-chart] rect')].map((r) => Number(r.getAttribute('height')) > 0)).toEqual([true, false, true]);
    choose(root.querySelector('[data-testid=trend-measure]'), 'mentions');
    await settle();
    expect(texts(root, '[data-testid=trend-table] tbody td')).toEqual(['4', '0', '9']);
  });

  it('compares two keys on one chart, with a legend and a column each', async () => {
    const { client, asked } = fakeClient();
    render(<TermTrends client={client} keys={[TERM, 'PERSON:Kim Jong Un']} onKeys={() => {}} />, root);
    await until(() => !!root.querySelector('[data-testid=trend-table] tbody tr'));
    expect(asked.find((a) => a.type === 'entityTrends')?.payload).toEqual({ keys: [TERM, 'PERSON:Kim Jong Un'] });
    expect(texts(root, '[data-testid=trend-table] tbody tr')).toEqual(['2024-0310', '2024-0403', '2024-0520']);
    expect(texts(root, '.legend > span')).toEqual(['Regional Development 20×10 Policy', 'Kim Jong Un']);
    expect(root.querySelectorAll('[data-testid=bar-chart] rect')).toHaveLength(6);
    expect(trendsCsv(Object.values(TRENDS), 'articles').split('\r\n')[0]).toBe('month,Regional Development 20×10 Policy,Kim Jong Un');
  });

  it('adds a term to the comparison when its box is ticked, and takes it out when unticked', async () => {
    const { client } = fakeClient();
    const onKeys = vi.fn();
    render(<TermTrends client={client} keys={['PERSON:Kim Jong Un']} onKeys={onKeys} />, root);
    await until(() => !!root.querySelector('[data-list=dprk-policy]'));
    const box = (name: string) => [...root.querySelectorAll('.picker label')].find((l) => l.textContent?.includes(name))?.querySelector('input') as HTMLInputElement;
    expect([box('Kim Jong Un').checked, box('20×10').checked]).toEqual([true, false]);
    box('20×10').click();
    expect(onKeys).toHaveBeenLastCalledWith(['PERSON:Kim Jong Un', TERM]);
    box('Kim Jong Un').click();
    expect(onKeys).toHaveBeenLastCalledWith([]);
  });

  it('offers every term of every list with the articles naming it, found or not yet, and finds one by name', async () => {
    const { client } = fakeClient();
    render(<TermTrends client={client} keys={[TERM]} onKeys={() => {}} />, root);
    await until(() => !!root.querySelector('[data-list=watchlist\\:w1]'));
    const summaries = texts(root, '.picker summary');
    expect(summaries).toEqual(['DPRK policy terms: 1 of 2 found in your articles', 'Missiles: 0 of 1 found in your articles']);
    // The list holding the chosen term is open; the other is not.
    expect([...root.querySelectorAll<HTMLDetailsElement>('.picker details')].map((d) => d.open)).toEqual([true, false]);
    expect(texts(root, '[data-list=dprk-policy] label')).toEqual(['Regional Development 20×10 Policy · 3 articles', 'Songun · not found yet']);
    await typeInto(root.querySelector('[data-testid=term-find]'), 'hwasong');
    expect(texts(root, '.picker details label')).toEqual(['Hwasong-18 · not found yet']);
    expect([...root.querySelectorAll<HTMLDetailsElement>('.picker details')].map((d) => d.open)).toEqual([true]);
    await typeInto(root.querySelector('[data-testid=term-find]'), 'nothing like it');
    expect(root.textContent).toContain('No term of your lists matches “nothing like it”.');
  });
});

describe('library/App', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
    location.hash = '';
  });
  afterEach(() => unmount(root));

  it('shows the view its address names, and follows a link to another', async () => {
    const { client } = fakeClient();
    location.hash = routeHref({ view: 'entity', key: 'PERSON:Kim Jong Un' });
    render(<LibraryApp client={client} />, root);
    await until(() => !!root.querySelector('[data-testid=entity-view] h2'));
    expect(document.title).toBe('Kim Jong Un · Gloss library');
    location.hash = routeHref({ view: 'trends', keys: ['TERM:Regional Development 20×10 Policy'] });
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await until(() => !!root.querySelector('[data-testid=trend-table]'));
    expect(root.querySelector('nav [aria-current=page]')?.textContent).toBe('Terms over time');
    // The keyboard goes on from the new view, not from the link that was followed.
    expect(document.activeElement).toBe(root.querySelector('main'));
  });
});
