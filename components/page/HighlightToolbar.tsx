/**
 * The small toolbar over a selection: one button per color (its name as the label: one click
 * highlights in that color), and "Note" and "Tags", which open the full form.
 */
import { ANNOTATION_COLORS } from '@/utils/anchoring/annotation';
import type { AnnotationColor, ColorNames } from '@/utils/settings/color-names';
import { NOTE_FILLS } from '@/utils/highlight/styles';

export interface HighlightToolbarProps {
  colorNames: ColorNames;
  onPick: (color: AnnotationColor) => void;
  onExpand: (focus: 'note' | 'tags') => void;
}

export function HighlightToolbar({ colorNames, onPick, onExpand }: HighlightToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" aria-label="Highlight the selection">
      {ANNOTATION_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          class="pick"
          title={colorNames[color]}
          aria-label={`Highlight as ${colorNames[color]}`}
          data-color={color}
          onClick={() => onPick(color)}
        >
          <span class="swatch" style={{ background: NOTE_FILLS[color] }} aria-hidden="true" />
        </button>
      ))}
      <button type="button" data-testid="toolbar-note" onClick={() => onExpand('note')}>
        Note
      </button>
      <button type="button" data-testid="toolbar-tags" onClick={() => onExpand('tags')}>
        Tags
      </button>
    </div>
  );
}
