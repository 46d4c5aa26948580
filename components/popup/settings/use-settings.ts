/** The reader's settings, following changes made anywhere; null until they are read. */
import { useEffect, useState } from 'preact/hooks';
import { readSettings, watchSettings, type Settings } from '@/utils/settings/settings';

export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let changed = false;
    const unwatch = watchSettings((next) => {
      changed = true;
      setSettings(next);
    });
    // A change seen while reading is newer than what the read returns.
    void readSettings().then((read) => changed || setSettings(read));
    return unwatch;
  }, []);
  return settings;
}
