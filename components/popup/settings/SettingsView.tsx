/**
 * The popup's settings: entity types and their colors, the reader's watchlists, the names of the
 * highlight colors, the sites where Gloss is off, sites that are one outlet, which articles are
 * kept as local copies (their size, and pruning), the storage the library takes, and what each permission is for. Each part
 * is a disclosure, so the popup stays short and nothing below moves while a part loads.
 */
import type { GlossDb } from '@/utils/db/database';
import { ColorNamesForm } from '../ColorNamesForm';
import { useColorNames } from '../use-color-names';
import { EntityTypeSettings } from './EntityTypeSettings';
import { MirrorSettings } from './MirrorSettings';
import { PermissionSettings } from './PermissionSettings';
import { SiteSettings } from './SiteSettings';
import { StorageSettings } from './StorageSettings';
import { useSettings } from './use-settings';
import { VersionSettings } from './VersionSettings';
import { WatchlistSettings } from './WatchlistSettings';

export function SettingsView({ db, storage }: { db: GlossDb; storage?: StorageManager }) {
  const settings = useSettings();
  const colorNames = useColorNames();
  return (
    <section class="settings" aria-labelledby="gloss-settings-title" data-testid="settings">
      <h2 id="gloss-settings-title">Settings</h2>
      <EntityTypeSettings settings={settings} />
      <WatchlistSettings db={db} />
      <ColorNamesForm names={colorNames} />
      <SiteSettings settings={settings} />
      <MirrorSettings settings={settings} />
      <VersionSettings settings={settings} db={db} />
      <StorageSettings storage={storage} />
      <PermissionSettings />
    </section>
  );
}
