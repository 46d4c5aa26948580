/**
 * Renaming the five highlight colors ("claim", "evidence", "question"…). A name is saved when
 * its field is left; an empty one puts the default back. Every open tab follows at once.
 */
import { ANNOTATION_COLORS } from '@/utils/anchoring/annotation';
import { NOTE_FILLS } from '@/utils/highlight/styles';
import { MAX_COLOR_NAME, renameColor, type ColorNames } from '@/utils/settings/color-names';

export function ColorNamesForm({ names }: { names: ColorNames }) {
  return (
    <details class="color-names">
      <summary>Highlight colors</summary>
      {ANNOTATION_COLORS.map((color) => (
        <label key={color} class="color-name-row">
          <span class="swatch" style={{ background: NOTE_FILLS[color] }} aria-hidden="true" />
          <span class="visually-hidden">Name of the {color} highlight</span>
          <input
            value={names[color]}
            maxLength={MAX_COLOR_NAME}
            data-color={color}
            onChange={(event) => void renameColor(color, event.currentTarget.value)}
          />
        </label>
      ))}
    </details>
  );
}
