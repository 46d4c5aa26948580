/** The reader's settings, following changes made anywhere; null until they are read. */
import { useEffect, useState } from 'preact/hooks';
import { early, type Early } from '@/components/common/early';
import { readSettings, watchSettings, type Settings } from '@/utils/settings/settings';

/** The read a page started before rendering (`readSettingsEarly`); dropped when the settings change. */
let first: Early<Settings> | null = null;

/**
 * Starts reading the settings as the page loads, so that the view needing them has them on its
 * first frame instead of painting once without and again with them (the reader page's first
 * paint waited for a read that began only after its copy was shown).
 */
export function readSettingsEarly(): void {
  const entry = early(readSettings());
  first = entry;
  const unwatch = watchSettings(() => {
    if (first === entry) first = null;
    unwatch();
  });
}

export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(() => first?.value ?? null);
  useEffect(() => {
    let changed = false;
    const unwatch = watchSettings((next) => {
      changed = true;
      setSettings(next);
    });
    // A change seen while reading is newer than what the read returns.
    void (first?.promise ?? readSettings()).then((read) => changed || setSettings(read));
    return unwatch;
  }, []);
  return settings;
}
