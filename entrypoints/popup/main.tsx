/**
 * Popup entry: finds the tab it speaks for (`?tab=<id>`, else the active tab) and the section to
 * open (`?section=library`, else this article), and renders.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { GlossDb } from '@/utils/db/database';
import { requestPersistence } from '@/utils/db/persist';
import { App, type Section } from './App';
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

void requestPersistence();
const root = document.getElementById('app');
if (root) void targetTabId().then((tabId) => render(<App db={new GlossDb()} tabId={tabId} section={section} />, root));
