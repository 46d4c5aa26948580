/**
 * Popup entry: finds the tab it speaks for (`?tab=<id>`, else the active tab) and the section to
 * open (`?section=library`, else this article), and renders.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { askFirstSearch } from '@/components/popup/library/use-library-search';
import { GlossDb } from '@/utils/db/database';
import { requestPersistence } from '@/utils/db/persist';
import { App, preloadSection, type Section } from './App';
import '@/components/common/palette.css';
import './style.css';

async function targetTabId(): Promise<number | null> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param > 0) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const SECTIONS: readonly string[] = ['article', 'library', 'settings'];
const asked = new URLSearchParams(location.search).get('section') ?? '';
const section = (SECTIONS.includes(asked) ? asked : 'article') as Section;

// Everything the first screen waits for starts at once: its section's code, the database, the tab,
// and the library's first search (read while the library's code loads).
preloadSection(section);
const db = new GlossDb();
void db.open().catch(() => undefined); // a failure is shown by the first query that needs it
const firstSearch = section === 'library' ? askFirstSearch(db) : undefined;
void requestPersistence();
const root = document.getElementById('app');
const show = (tabId: number | null) => root && render(<App db={db} tabId={tabId} section={section} firstSearch={firstSearch} />, root);
// The library and the settings do not wait for the tab (asking the browser takes a round trip):
// rendered at once, then again with the tab when it is known.
if (section !== 'article') show(null);
void targetTabId().then(show);
