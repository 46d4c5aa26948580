/**
 * What the popup knows of its tab: the article script's page state (asked by message, again
 * while the article is still being extracted), else the page loader's (read from its isolated
 * world: the loader listens for no message), else why Gloss is not on the page at all.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageState } from '@/utils/messaging/protocol';
import { sendToTab } from '@/utils/messaging/send';
import { LOADER_STATE_KEY } from '@/utils/page/handoff';

export type TabView =
  | { kind: 'loading' }
  /** No Gloss content script can run here (browser pages, the web store, files, no tab). */
  | { kind: 'restricted' }
  /** An http(s) page opened before Gloss was installed or updated. */
  | { kind: 'needs-reload' }
  | PageState;

const POLL_MS = 250;

/** The loader's state in the tab's top frame, or why there is none. */
async function loaderView(tabId: number): Promise<TabView> {
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: (key: string) => (window as unknown as Record<string, unknown>)[key] ?? null,
      args: [LOADER_STATE_KEY],
    });
    const state = injection?.result as PageState | null | undefined;
    return state ?? { kind: 'needs-reload' };
  } catch {
    // Chrome refuses to script its own pages, the web store, and files without access.
    return { kind: 'restricted' };
  }
}

export function usePageState(tabId: number | null): TabView {
  const [view, setView] = useState<TabView>({ kind: 'loading' });
  useEffect(() => {
    if (tabId === null) {
      setView({ kind: 'restricted' });
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      const result = await sendToTab(tabId, 'getPageState', {});
      const next = result.ok ? result.value : await loaderView(tabId);
      if (stopped) return;
      setView(next);
      if (next.kind === 'extracting') timer = setTimeout(ask, POLL_MS);
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [tabId]);
  return view;
}
