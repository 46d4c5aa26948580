/** Popup entry: finds the tab it speaks for (`?tab=<id>`, else the active tab) and renders. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { GlossDb } from '@/utils/db/database';
import { requestPersistence } from '@/utils/db/persist';
import { App } from './App';
import './style.css';

async function targetTabId(): Promise<number | null> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param > 0) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

void requestPersistence();
const root = document.getElementById('app');
if (root) void targetTabId().then((tabId) => render(<App db={new GlossDb()} tabId={tabId} />, root));
