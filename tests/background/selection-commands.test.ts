import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HIGHLIGHT_COMMAND, HIGHLIGHT_MENU_ID, watchSelectionCommands } from '@/entrypoints/background/selection-commands';
import { fakeEvent } from '../support/fake-event';

describe('background/selection-commands', () => {
  let sent: { tabId: number; type: unknown; frameId?: number }[];
  let menuClicked: ReturnType<typeof fakeEvent>;
  let command: ReturnType<typeof fakeEvent>;
  const create = vi.fn();
  beforeEach(() => {
    fakeBrowser.reset();
    create.mockClear();
    menuClicked = fakeEvent();
    command = fakeEvent();
    Object.assign(fakeBrowser.contextMenus, { create, onClicked: menuClicked });
    Object.assign(fakeBrowser.commands, { onCommand: command });
    sent = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type: unknown }, options?: { frameId?: number }) => {
      sent.push({ tabId, type: message.type, frameId: options?.frameId });
      return { ok: true, value: true };
    }) as never);
    watchSelectionCommands();
  });

  it('adds "Highlight with Gloss" to the selection menu on install', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ id: HIGHLIGHT_MENU_ID, title: 'Highlight with Gloss', contexts: ['selection'] }));
  });

  it('asks the frame that holds the selection to highlight it, from the menu', async () => {
    await menuClicked.trigger({ menuItemId: HIGHLIGHT_MENU_ID, frameId: 4 } as never, { id: 12 } as never);
    await menuClicked.trigger({ menuItemId: 'someone-else' } as never, { id: 12 } as never);
    expect(sent).toEqual([{ tabId: 12, type: 'highlightSelection', frameId: 4 }]);
  });

  it('asks the tab to highlight its selection on the shortcut, and ignores other commands', async () => {
    await command.trigger(HIGHLIGHT_COMMAND, { id: 5 } as never);
    await command.trigger('something-else', { id: 5 } as never);
    expect(sent).toEqual([{ tabId: 5, type: 'highlightSelection', frameId: undefined }]);
  });
});
