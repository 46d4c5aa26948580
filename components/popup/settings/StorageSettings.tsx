/**
 * How much room Gloss's library takes (`navigator.storage.estimate()`), and whether the browser
 * has promised to keep it when the disk runs short (`persisted()`), with a button to ask for that
 * promise. Browsers without the Storage API get a plain "not reported".
 */
import { useEffect, useState } from 'preact/hooks';
import { requestPersistence } from '@/utils/db/persist';

type Known<T> = { status: 'loading' } | { status: 'unknown' } | { status: 'known'; value: T };

/** "740 bytes", "12.5 KB", "1.2 GB". */
function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value < 100 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${units[unit]}`;
}

async function readEstimate(storage: StorageManager | undefined): Promise<Known<{ usage: number; quota: number }>> {
  try {
    const estimate = await storage?.estimate?.();
    if (typeof estimate?.usage === 'number' && typeof estimate.quota === 'number') {
      return { status: 'known', value: { usage: estimate.usage, quota: estimate.quota } };
    }
  } catch {
    // Reported as unknown, like a browser without the API.
  }
  return { status: 'unknown' };
}

async function readPersisted(storage: StorageManager | undefined): Promise<Known<boolean>> {
  try {
    if (storage?.persisted) return { status: 'known', value: await storage.persisted() };
  } catch {
    // As above.
  }
  return { status: 'unknown' };
}

export function StorageSettings({ storage = globalThis.navigator?.storage }: { storage?: StorageManager }) {
  const [estimate, setEstimate] = useState<Known<{ usage: number; quota: number }>>({ status: 'loading' });
  const [persisted, setPersisted] = useState<Known<boolean>>({ status: 'loading' });
  const [asking, setAsking] = useState(false);
  const [answer, setAnswer] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void readEstimate(storage).then((next) => live && setEstimate(next));
    void readPersisted(storage).then((next) => live && setPersisted(next));
    return () => {
      live = false;
    };
  }, [storage]);

  const ask = async () => {
    setAsking(true);
    const granted = await requestPersistence(storage);
    setAsking(false);
    if (granted === true) setPersisted({ status: 'known', value: true });
    setAnswer(
      granted === true
        ? 'Granted: the browser will keep your library.'
        : granted === false
          ? 'The browser said no. Chrome grants it to extensions it sees used often; Firefox asks you.'
          : 'This browser could not be asked.',
    );
  };

  return (
    <details class="settings-section" data-testid="settings-storage">
      <summary>Storage</summary>
      <dl class="storage-facts">
        <dt>Used</dt>
        <dd data-testid="storage-usage">
          {estimate.status === 'loading'
            ? '…'
            : estimate.status === 'unknown'
              ? 'Not reported by this browser'
              : `${formatBytes(estimate.value.usage)} of ${formatBytes(estimate.value.quota)} available`}
        </dd>
        <dt>Kept when disk space runs short</dt>
        <dd data-testid="storage-persisted">
          {persisted.status === 'loading'
            ? '…'
            : persisted.status === 'unknown'
              ? 'Not reported by this browser'
              : persisted.value
                ? 'Yes: persistent storage is granted'
                : 'Not promised: the browser may clear Gloss’s library to free space'}
        </dd>
      </dl>
      <div class="storage-actions">
        {persisted.status === 'known' && !persisted.value && (
          <button type="button" data-testid="storage-persist" disabled={asking} onClick={() => void ask()}>
            Ask the browser to keep it
          </button>
        )}
        {answer && (
          <p class="settings-note" role="status">
            {answer}
          </p>
        )}
      </div>
    </details>
  );
}
