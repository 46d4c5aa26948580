/** The popup's settings section: the reader's settings, then export and import of the library. */
import type { GlossDb } from '@/utils/db/database';
import { ExportImport } from './ExportImport';
import { SettingsView } from './settings/SettingsView';

export function SettingsSection({ db }: { db: GlossDb }) {
  return (
    <>
      <SettingsView db={db} />
      <ExportImport db={db} />
    </>
  );
}
