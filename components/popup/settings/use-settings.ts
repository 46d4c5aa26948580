/** The reader's settings, following changes made anywhere; null until they are read. */
import { useEffect, useState } from 'preact/hooks';
import { readSettings, watchSettings, type Settings } from '@/utils/settings/settings';

interface EarlyRead {
  read: Promise<Settings>;
  value: Settings | null;
}

/** The read a page started before rendering (`readSettingsEarly`); dropped when the settings change. */
let early: EarlyRead | null = null;

/**
 * Starts reading the settings as the page loads, so that the view needing them has them on its
 * first frame instead of painting once without and again with them (the reader page's first
 * paint waited for a read that began only after its copy was shown).
 */
export function readSettingsEarly(): void {
  const entry: EarlyRead = { read: readSettings(), value: null };
  early = entry;
  entry.read.then(
    (value) => (entry.value = value),
    () => undefined, // the hook's own read reports nothing either: the view waits for a change
  );
  const unwatch = watchSettings(() => {
    if (early === entry) early = null;
    unwatch();
  });
}

export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(() => early?.value ?? null);
  useEffect(() => {
    let changed = false;
    const unwatch = watchSettings((next) => {
      changed = true;
      setSettings(next);
    });
    // A change seen while reading is newer than what the read returns.
    void (early?.read ?? readSettings()).then((read) => changed || setSettings(read));
    return unwatch;
  }, []);
  return settings;
}
