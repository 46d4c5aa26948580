import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import config from '@/wxt.config';
import { PERMISSION_PURPOSES, PermissionSettings } from '@/components/popup/settings/PermissionSettings';
import { container, unmount } from '../../../support/ui';

type Manifest = { permissions: string[]; host_permissions: string[] };
const manifestFor = (browser: 'chrome' | 'firefox') => (config.manifest as unknown as (env: { browser: string }) => Manifest)({ browser });

describe('components/popup/settings/PermissionSettings', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
  });
  afterEach(() => unmount(root));

  it.each(['chrome', 'firefox'] as const)('explains every permission the %s manifest asks for', (browser) => {
    const manifest = manifestFor(browser);
    const asked = [...manifest.host_permissions, ...manifest.permissions];
    expect(asked.length).toBeGreaterThan(4);
    for (const permission of asked) expect(PERMISSION_PURPOSES[permission]?.purpose, permission).toMatch(/\w{3,}.*\./);
  });

  it('lists each in plain words: what it is called, and what Gloss does with it', () => {
    render(<PermissionSettings permissions={['http://*/*', 'storage', 'scripting']} />, root);
    expect([...root.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(['Read and change data on all websites', 'Storage', 'Scripting']);
    expect(root.querySelector('dd')?.textContent).toContain('whether it is an article');
    expect(root.textContent).toContain('no network requests');
  });
});
