/**
 * The popup: this tab's article and the reader's highlights in it; the whole library with its
 * search; the settings. Sections are tabs, kept mounted only while shown.
 */
import { useState } from 'preact/hooks';
import { lazy } from '@/components/common/lazy';
import { useColorNames } from '@/components/popup/use-color-names';
import { usePageState } from '@/components/popup/use-page-state';
import type { FirstSearch } from '@/components/popup/library/use-library-search';
import type { GlossDb } from '@/utils/db/database';

export type Section = 'article' | 'library' | 'settings';

// Each section is its own chunk: the popup loads only the one it opens on.
const ArticleView = lazy(() => import('@/components/popup/ArticleView').then((m) => m.ArticleView));
const LibraryView = lazy(() => import('@/components/popup/library/LibraryView').then((m) => m.LibraryView));
const SettingsSection = lazy(() => import('@/components/popup/SettingsSection').then((m) => m.SettingsSection));

const SECTIONS: { id: Section; label: string }[] = [
  { id: 'article', label: 'This article' },
  { id: 'library', label: 'Library' },
  { id: 'settings', label: 'Settings' },
];

/** Starts loading a section's code before the popup first renders it. */
export const preloadSection = (section: Section) => ({ article: ArticleView, library: LibraryView, settings: SettingsSection })[section].preload();

export function App({ db, tabId, section: initial = 'article', firstSearch }: { db: GlossDb; tabId: number | null; section?: Section; firstSearch?: FirstSearch }) {
  const view = usePageState(tabId);
  const colorNames = useColorNames();
  const [section, setSection] = useState<Section>(initial);
  return (
    <main class="popup">
      <nav
        class="sections"
        role="tablist"
        aria-label="Gloss"
        onKeyDown={(event) => {
          // Arrow keys move between the sections, as in any tab list.
          const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
          if (!step) return;
          const index = SECTIONS.findIndex(({ id }) => id === section);
          const next = SECTIONS[(index + step + SECTIONS.length) % SECTIONS.length]!.id;
          setSection(next);
          event.currentTarget.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
        }}
      >
        {SECTIONS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={section === id}
            tabIndex={section === id ? 0 : -1}
            aria-controls={`panel-${id}`}
            data-testid={`section-${id}`}
            onClick={() => setSection(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      <div role="tabpanel" id={`panel-${section}`} aria-labelledby={`tab-${section}`} aria-live="polite">
        {section === 'article' && <ArticleView db={db} tabId={tabId} view={view} colorNames={colorNames} />}
        {section === 'library' && (
          <p class="library-link">
            {/* A new tab with the full-page library (also Alt+Shift+L, handled in the background). */}
            <a href={browser.runtime.getURL('/library.html')} target="_blank" rel="noopener" data-testid="open-library">
              Entities and terms across articles
            </a>
          </p>
        )}
        {section === 'library' && <LibraryView db={db} colorNames={colorNames} firstSearch={firstSearch} />}
        {section === 'settings' && <SettingsSection db={db} />}
      </div>
    </main>
  );
}
