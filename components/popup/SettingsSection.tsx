/** The popup's settings: the names of the highlight colors, and export and import. */
import type { GlossDb } from '@/utils/db/database';
import type { ColorNames } from '@/utils/settings/color-names';
import { ColorNamesForm } from './ColorNamesForm';
import { ExportImport } from './ExportImport';

export function SettingsSection({ db, colorNames }: { db: GlossDb; colorNames: ColorNames }) {
  return (
    <>
      <ColorNamesForm names={colorNames} />
      <ExportImport db={db} />
    </>
  );
}
