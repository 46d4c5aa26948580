import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntityView } from '@/components/library/EntityView';
import { routeHref } from '@/components/library/route';
import { LibraryApp } from '@/entrypoints/library/App';
import { buttonLabelled, container, settle, typeInto, unmount, until } from '../support/ui';
import { ENTITIES, REFUSED_MERGE, fakeClient, kimPage } from './fake-client';

const KIM = 'PERSON:Kim Jong Un';
const button = buttonLabelled;
/** Kim's page with a key merged into it and a name of the reader's. */
const mergedPage = (offset: number, limit: number) => {
  const page = kimPage(offset, limit);
  return { ...page, summary: { ...page.summary, name: 'Marshal Kim', recognizedName: 'Kim Jong Un', merged: ['PERSON:Kim Jong-un'] } };
};

describe('library/EntityCorrections', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
    location.hash = '';
  });
  afterEach(() => unmount(root));
  const corrections = () => root.querySelector('[data-testid=corrections]') as HTMLElement;

  it('renames the entity, and says so', async () => {
    const { client, asked } = fakeClient();
    render(<EntityView client={client} entityKey={KIM} />, root);
    await until(() => !!corrections());
    await typeInto(corrections().querySelector('[data-testid=rename-input]'), 'Marshal Kim');
    button(corrections(), 'Rename').click();
    await until(() => !!root.querySelector('[data-testid=correction-status]'));
    expect(asked.at(-1)).toEqual({ type: 'correctKey', payload: { kind: 'rename', key: KIM, name: 'Marshal Kim' } });
    expect(root.querySelector('[data-testid=correction-status]')?.textContent).toBe('Shown as “Marshal Kim”.');
  });

  it('offers other entities by name to merge into, and shows a refusal as an alert with the reason', async () => {
    const { client, asked } = fakeClient();
    render(<EntityView client={client} entityKey={KIM} />, root);
    await until(() => !!corrections());
    await typeInto(corrections().querySelector('[data-testid=merge-search]'), 'kim');
    await until(() => root.textContent?.includes('No other entity has that name') ?? false);
    await typeInto(corrections().querySelector('[data-testid=merge-search]'), 'song');
    await until(() => !!root.querySelector('[data-testid=merge-choices] button'));
    expect([...root.querySelectorAll('[data-testid=merge-choices] button')].map((b) => b.textContent)).toEqual(['Merge into Songchon County']);
    // Asked of the whole library's names, as the table's search is; one more than offered, as the entity itself may be found.
    expect(asked.filter((a) => a.type === 'searchEntities').map((a) => a.payload)).toEqual([{ search: 'kim', limit: 9 }, { search: 'song', limit: 9 }]);
    button(corrections(), 'Merge into Songchon County').click();
    await until(() => !!root.querySelector('[role=alert]'));
    expect(asked.at(-1)?.payload).toEqual({ kind: 'merge', key: KIM, into: 'PLACE:Songchon County' });
    expect(root.querySelector('[role=alert]')?.textContent).toBe(REFUSED_MERGE);
    expect(location.hash).toBe('');
  });

  it('goes to the entity merged into once the merge is kept', async () => {
    const { client } = fakeClient();
    render(<EntityView client={client} entityKey={KIM} />, root);
    await until(() => !!corrections());
    await typeInto(corrections().querySelector('[data-testid=merge-search]'), 'policy');
    await until(() => !!root.querySelector('[data-testid=merge-choices] button'));
    button(corrections(), 'Merge into Regional').click();
    await until(() => location.hash !== '');
    expect(location.hash).toBe(routeHref({ view: 'entity', key: ENTITIES[2]!.key }));
  });

  it('lists what is merged in, each to split back out, and offers the recognizer’s name again', async () => {
    const { client, asked } = fakeClient({ page: mergedPage });
    render(<EntityView client={client} entityKey={KIM} />, root);
    await until(() => !!corrections());
    expect(root.querySelector('[data-testid=merged-keys]')?.textContent).toContain('Kim Jong-un (Person)');
    button(corrections(), 'Split out Kim Jong-un').click();
    await until(() => asked.at(-1)?.type === 'correctKey');
    expect(asked.at(-1)?.payload).toEqual({ kind: 'split', key: 'PERSON:Kim Jong-un' });
    button(corrections(), 'Use “Kim Jong Un”').click();
    await until(() => (asked.at(-1)?.payload as { kind: string }).kind === 'rename');
    expect(asked.at(-1)?.payload).toEqual({ kind: 'rename', key: KIM, name: null });
    button(corrections(), 'Hide').click();
    await until(() => (asked.at(-1)?.payload as { kind: string }).kind === 'hide');
    expect(asked.at(-1)?.payload).toEqual({ kind: 'hide', key: KIM, hidden: true });
  });
});

describe('library/App and corrections', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
  });
  afterEach(() => unmount(root));

  it('asks its view again when corrections change on any library page, keeping the view shown meanwhile', async () => {
    const { client, asked, announce } = fakeClient();
    location.hash = routeHref({ view: 'table' });
    render(<LibraryApp client={client} />, root);
    await until(() => !!root.querySelector('[data-testid=entity-table]'));
    await until(() => asked.filter((a) => a.type === 'listEntities').length === 2);
    const before = asked.filter((a) => a.type === 'listEntities').length;
    announce();
    await settle();
    expect(root.querySelector('[data-testid=entity-table]')).not.toBeNull();
    // Its first screen and every row again.
    await until(() => asked.filter((a) => a.type === 'listEntities').length === before + 2);
    // Hidden rows are asked for only when the reader wants them.
    (root.querySelector('[data-testid=show-hidden]') as HTMLInputElement).click();
    await until(() => asked.some((a) => a.type === 'listEntities' && (a.payload as { hidden?: boolean }).hidden === true));
  });
});
