/**
 * Two ways to highlight the selected text besides the page toolbar: the keyboard shortcut
 * (manifest `commands`) and the context-menu item "Highlight with Gloss". Both ask the frame
 * holding the selection to open its editor on it; a page without Gloss's article script simply
 * does not answer.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '@/utils/messaging/send';

export const HIGHLIGHT_COMMAND = 'highlight-selection';
export const HIGHLIGHT_MENU_ID = 'gloss-highlight';

export function watchSelectionCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: HIGHLIGHT_MENU_ID,
      title: 'Highlight with Gloss',
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === HIGHLIGHT_MENU_ID && tab?.id !== undefined) {
      void sendToTab(tab.id, 'highlightSelection', {}, info.frameId ?? 0);
    }
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== HIGHLIGHT_COMMAND) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await sendToTab(tabId, 'highlightSelection', {});
  });
}
