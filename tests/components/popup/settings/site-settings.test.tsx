import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SiteSettings } from '@/components/popup/settings/SiteSettings';
import { useSettings } from '@/components/popup/settings/use-settings';
import { readSettings, updateSettings } from '@/utils/settings/settings';
import { click, container, typeInto, unmount } from '../../../support/ui';

function Live() {
  return <SiteSettings settings={useSettings()} />;
}

describe('components/popup/settings/SiteSettings', () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = container();
  });
  afterEach(() => unmount(root));
  const field = () => root.querySelector<HTMLInputElement>('input')!;
  const sites = () => [...root.querySelectorAll('.settings-row-main')].map((row) => row.textContent);

  it('lists the sites where Gloss is off and turns one back on', async () => {
    await updateSettings((s) => ({ ...s, disabledSites: ['kcnawatch.example', 'news.example'] }));
    render(<Live />, root);
    await vi.waitFor(() => expect(sites()).toEqual(['kcnawatch.example', 'news.example']));
    expect(root.querySelector('[data-site="news.example"]')?.getAttribute('aria-label')).toBe('Turn Gloss back on at news.example');
    click(root, '[data-site="kcnawatch.example"]');
    await vi.waitFor(async () => expect((await readSettings()).disabledSites).toEqual(['news.example']));
    await vi.waitFor(() => expect(sites()).toEqual(['news.example']));
    expect(document.activeElement).toBe(field());
  });

  it('adds a site by host name or address, in the form pages are matched by', async () => {
    render(<Live />, root);
    await vi.waitFor(() => expect(root.textContent).toContain('Gloss runs on every site.'));
    expect(field().labels?.[0]?.textContent).toBe('Turn Gloss off on');
    await typeInto(field(), 'https://WWW.Example.com/world/story.html');
    click(root, 'button[type="submit"]');
    await vi.waitFor(async () => expect((await readSettings()).disabledSites).toEqual(['www.example.com']));
    await vi.waitFor(() => expect(sites()).toEqual(['www.example.com']));
    expect(field().value).toBe('');
  });

  it('refuses what is not a host name, and a site already off, writing nothing', async () => {
    await updateSettings((s) => ({ ...s, disabledSites: ['news.example'] }));
    render(<Live />, root);
    await vi.waitFor(() => expect(sites()).toEqual(['news.example']));
    await typeInto(field(), 'not a host');
    click(root, 'button[type="submit"]');
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('Enter a host name'));
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toBe(root.querySelector('[role="alert"]')!.id);
    await typeInto(field(), 'News.Example');
    click(root, 'button[type="submit"]');
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('Gloss is already off on news.example.'));
    expect((await readSettings()).disabledSites).toEqual(['news.example']);
  });
});
