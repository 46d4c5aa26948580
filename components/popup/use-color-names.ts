/** The reader's names for the highlight colors, following renames made anywhere. */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_COLOR_NAMES, readColorNames, watchColorNames, type ColorNames } from '@/utils/settings/color-names';

export function useColorNames(): ColorNames {
  const [names, setNames] = useState<ColorNames>(DEFAULT_COLOR_NAMES);
  useEffect(() => {
    void readColorNames().then(setNames);
    return watchColorNames(setNames);
  }, []);
  return names;
}
