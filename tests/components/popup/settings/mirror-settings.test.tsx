import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MirrorSettings } from '@/components/popup/settings/MirrorSettings';
import { useSettings } from '@/components/popup/settings/use-settings';
import { readSettings, updateSettings } from '@/utils/settings/settings';
import { click, container, typeInto, unmount } from '../../../support/ui';

function Live() {
  return <MirrorSettings settings={useSettings()} />;
}

describe('components/popup/settings/MirrorSettings', () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = container();
  });
  afterEach(() => unmount(root));
  const fields = () => [...root.querySelectorAll<HTMLInputElement>('input')];
  const pairs = () => [...root.querySelectorAll('.settings-row-main')].map((row) => row.textContent);
  const error = () => root.querySelector('[role="alert"]')?.textContent ?? null;

  it('pairs two sites by their registrable domains, from host names or addresses', async () => {
    render(<Live />, root);
    await vi.waitFor(() => expect(root.querySelector('button[type="submit"]')?.hasAttribute('disabled')).toBe(false));
    expect(fields().map((f) => f.labels?.[0]?.textContent)).toEqual(['Site', 'is the same outlet as']);
    await typeInto(fields()[0]!, 'http://www.KCNA.kp/en/article/q/1.kcmsf');
    await typeInto(fields()[1]!, 'news.kcnawatch.co.uk');
    click(root, 'button[type="submit"]');
    await vi.waitFor(async () => expect((await readSettings()).mirrors).toEqual([['kcna.kp', 'kcnawatch.co.uk']]));
    await vi.waitFor(() => expect(pairs()).toEqual(['kcna.kp = kcnawatch.co.uk']));
    expect(fields().map((f) => f.value)).toEqual(['', '']);
  });

  it('refuses a bad name, one site twice, or a pair already made (either way round), writing nothing', async () => {
    await updateSettings((s) => ({ ...s, mirrors: [['kcna.kp', 'kcnawatch.org']] }));
    render(<Live />, root);
    await vi.waitFor(() => expect(pairs()).toEqual(['kcna.kp = kcnawatch.org']));
    const attempt = async (site: string, mirror: string) => {
      await typeInto(fields()[0]!, site);
      await typeInto(fields()[1]!, mirror);
      click(root, 'button[type="submit"]');
      await vi.waitFor(() => expect(error()).not.toBeNull());
      return error();
    };
    expect(await attempt('not a host', 'kcnawatch.org')).toContain('Enter two sites');
    expect(await attempt('www.bbc.co.uk', 'news.bbc.co.uk')).toContain('Both are bbc.co.uk');
    expect(await attempt('kcnawatch.org', 'www.kcna.kp')).toContain('already paired');
    expect(fields()[0]?.getAttribute('aria-invalid')).toBe('true');
    expect((await readSettings()).mirrors).toEqual([['kcna.kp', 'kcnawatch.org']]);
  });

  it('removes a pair', async () => {
    await updateSettings((s) => ({ ...s, mirrors: [['kcna.kp', 'kcnawatch.org'], ['a.example', 'b.example']] }));
    render(<Live />, root);
    await vi.waitFor(() => expect(pairs()).toHaveLength(2));
    expect(root.querySelector('[data-pair="kcna.kp kcnawatch.org"]')?.getAttribute('aria-label')).toBe('Unpair kcna.kp and kcnawatch.org');
    click(root, '[data-pair="kcna.kp kcnawatch.org"]');
    await vi.waitFor(async () => expect((await readSettings()).mirrors).toEqual([['a.example', 'b.example']]));
    await vi.waitFor(() => expect(pairs()).toEqual(['a.example = b.example']));
    expect(document.activeElement).toBe(fields()[0]);
  });
});
