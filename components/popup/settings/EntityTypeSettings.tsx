/**
 * The entity types: a switch per type (the page panel's own switches, in the same settings), the
 * one that hides them all, and each type's color, which the reader may change and reset. Every
 * open article repaints at once. Shown with Gloss's defaults, inert, until the settings are read.
 */
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityType } from '@/utils/entities/types';
import { entityLook } from '@/utils/highlight/styles';
import { DEFAULT_SETTINGS, updateSettings, type Settings } from '@/utils/settings/settings';

const toggleType = (type: EntityType) =>
  void updateSettings((s) => ({
    ...s,
    hiddenTypes: s.hiddenTypes.includes(type) ? s.hiddenTypes.filter((t) => t !== type) : [...s.hiddenTypes, type],
  }));

/** Sets the reader's color for `type`, or puts Gloss's back with null. */
const setColor = (type: EntityType, color: string | null) =>
  void updateSettings((s) => {
    const typeColors = { ...s.typeColors };
    if (color) typeColors[type] = color;
    else delete typeColors[type];
    return { ...s, typeColors };
  });

export function EntityTypeSettings({ settings }: { settings: Settings | null }) {
  const current = settings ?? DEFAULT_SETTINGS;
  const loading = settings === null;
  return (
    <details class="settings-section" data-testid="settings-types">
      <summary>Entity highlights</summary>
      <label class="settings-switch">
        <input
          type="checkbox"
          role="switch"
          data-role="hide-all"
          checked={current.hideAll}
          disabled={loading}
          onChange={() => void updateSettings((s) => ({ ...s, hideAll: !s.hideAll }))}
        />
        Hide all entity highlights
      </label>
      <ul class="type-list" aria-busy={loading}>
        {ENTITY_TYPES.map((type) => {
          const label = ENTITY_TYPE_LABELS[type];
          const look = entityLook(type, current);
          const custom = current.typeColors?.[type];
          return (
            <li key={type} class="type-row">
              <label class="settings-switch">
                <input
                  type="checkbox"
                  role="switch"
                  data-type={type}
                  checked={!current.hiddenTypes.includes(type)}
                  disabled={loading || current.hideAll}
                  onChange={() => toggleType(type)}
                />
                <span class="type-sample" style={{ background: look.tint, textDecoration: `underline ${look.style} ${look.line}` }}>
                  {label}
                </span>
              </label>
              <input
                type="color"
                class="type-color"
                data-color-for={type}
                value={look.line}
                disabled={loading}
                aria-label={`Color of ${label}`}
                onChange={(event) => setColor(type, event.currentTarget.value)}
              />
              <button
                type="button"
                class="link-button"
                data-reset={type}
                disabled={loading || !custom}
                aria-label={`Reset the color of ${label}`}
                onClick={(event) => {
                  setColor(type, null);
                  // The button is about to be disabled: keep the keyboard on this row.
                  event.currentTarget.closest('li')?.querySelector<HTMLInputElement>('.type-color')?.focus();
                }}
              >
                Reset
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
