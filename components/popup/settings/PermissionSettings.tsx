/**
 * What each permission Gloss asks the browser for is used for, in plain words, so a reader can
 * weigh them. The list follows the manifest (a permission this browser's build does not declare
 * is not shown); a test keeps every declared permission explained.
 */
import { browser } from 'wxt/browser';

/** Each permission or host pattern in the manifest (wxt.config.ts), and why Gloss needs it. */
export const PERMISSION_PURPOSES: Record<string, { name: string; purpose: string }> = {
  'http://*/*': {
    name: 'Read and change data on all websites',
    purpose:
      'Gloss looks at each page you open to tell whether it is an article (a small check; nothing leaves the page), and on articles reads the text and paints your highlights. This is what lets Gloss work as soon as you open an article, on any site.',
  },
  storage: { name: 'Storage', purpose: 'Keeps your settings, and which article each tab shows.' },
  unlimitedStorage: {
    name: 'Unlimited storage',
    purpose: 'Lets your library of highlights and notes grow past the browser’s usual limit. It stays on this computer.',
  },
  scripting: { name: 'Scripting', purpose: 'Starts Gloss’s article script only on pages that look like articles.' },
  contextMenus: { name: 'Context menu', purpose: 'Adds “Highlight with Gloss” when you right-click a selection.' },
  offscreen: {
    name: 'Offscreen document',
    purpose: 'A hidden Gloss page where the article is extracted, away from the web page you are reading.',
  },
};
// One entry explains both schemes.
PERMISSION_PURPOSES['https://*/*'] = PERMISSION_PURPOSES['http://*/*']!;

/** The permissions this build declares, sites first; every one Gloss knows when the manifest cannot be read. */
function declared(): string[] {
  try {
    const manifest = browser.runtime.getManifest();
    const hosts = (manifest as { host_permissions?: string[] }).host_permissions ?? [];
    return [...new Set([...hosts.slice(0, 1), ...(manifest.permissions ?? [])])].filter((name) => name in PERMISSION_PURPOSES);
  } catch {
    return Object.keys(PERMISSION_PURPOSES).filter((name) => name !== 'https://*/*');
  }
}

export function PermissionSettings({ permissions = declared() }: { permissions?: string[] }) {
  return (
    <details class="settings-section" data-testid="settings-permissions">
      <summary>What Gloss's permissions are for</summary>
      <dl class="permission-list">
        {permissions.map((permission) => (
          <div key={permission}>
            <dt>{PERMISSION_PURPOSES[permission]!.name}</dt>
            <dd>{PERMISSION_PURPOSES[permission]!.purpose}</dd>
          </div>
        ))}
      </dl>
      <p class="settings-note">Gloss makes no network requests: nothing you read, highlight or write is sent anywhere.</p>
    </details>
  );
}
