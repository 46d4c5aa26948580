/**
 * What the popup knows of its tab: the content script's page state, asked again while the
 * article is still being extracted, or why there is no content script to ask.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageState } from '@/utils/messaging/protocol';
import { sendToTab } from '@/utils/messaging/send';

export type TabView =
  | { kind: 'loading' }
  /** No Gloss content script can run here (browser pages, the web store, files, no tab). */
  | { kind: 'restricted' }
  /** An http(s) page opened before Gloss was installed or updated. */
  | { kind: 'needs-reload' }
  | PageState;

const POLL_MS = 250;

async function viewWithoutScript(tabId: number): Promise<TabView> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return tab?.url && /^https?:/.test(tab.url) ? { kind: 'needs-reload' } : { kind: 'restricted' };
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
      const next = result.ok ? result.value : await viewWithoutScript(tabId);
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
