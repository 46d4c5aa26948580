import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageSettings } from '@/components/popup/settings/StorageSettings';
import { click, container, unmount } from '../../../support/ui';

function storage({ usage = 1_572_864, quota = 2 * 1024 ** 3, persisted = false, grant = true } = {}) {
  return {
    estimate: vi.fn(async () => ({ usage, quota })),
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => grant),
  } as unknown as StorageManager;
}

describe('components/popup/settings/StorageSettings', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = container();
  });
  afterEach(() => unmount(root));
  const fact = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent;

  it('shows the storage used, human-readably, and that it is persistent', async () => {
    render(<StorageSettings storage={storage({ usage: 740, persisted: true })} />, root);
    await vi.waitFor(() => expect(fact('storage-usage')).toBe('740 bytes of 2 GB available'));
    expect(fact('storage-persisted')).toBe('Yes: persistent storage is granted');
    expect(root.querySelector('[data-testid="storage-persist"]')).toBeNull();
  });

  it('shows placeholders of the same lines while it asks', () => {
    render(<StorageSettings storage={{ estimate: () => new Promise(() => {}), persisted: () => new Promise(() => {}) } as unknown as StorageManager} />, root);
    expect(fact('storage-usage')).toBe('…');
    expect(fact('storage-persisted')).toBe('…');
  });

  it('asks for persistent storage and says when it is granted', async () => {
    const manager = storage();
    render(<StorageSettings storage={manager} />, root);
    await vi.waitFor(() => expect(fact('storage-usage')).toBe('1.5 MB of 2 GB available'));
    expect(fact('storage-persisted')).toContain('Not promised');
    click(root, '[data-testid="storage-persist"]');
    await vi.waitFor(() => expect(fact('storage-persisted')).toBe('Yes: persistent storage is granted'));
    expect(manager.persist).toHaveBeenCalledOnce();
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Granted');
  });

  it('says when the browser refuses', async () => {
    render(<StorageSettings storage={storage({ grant: false })} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="storage-persist"]')).not.toBeNull());
    click(root, '[data-testid="storage-persist"]');
    await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toContain('The browser said no'));
    expect(fact('storage-persisted')).toContain('Not promised');
  });

  it('copes without the Storage API, or with one that fails', async () => {
    render(<StorageSettings storage={{} as StorageManager} />, root);
    await vi.waitFor(() => expect(fact('storage-usage')).toBe('Not reported by this browser'));
    expect(fact('storage-persisted')).toBe('Not reported by this browser');
    expect(root.querySelector('button')).toBeNull();
    const failing = { estimate: async () => Promise.reject(new Error('no')), persisted: async () => Promise.reject(new Error('no')) };
    render(<StorageSettings storage={failing as unknown as StorageManager} />, root);
    await vi.waitFor(() => expect(fact('storage-usage')).toBe('Not reported by this browser'));
    expect(fact('storage-persisted')).toBe('Not reported by this browser');
  });
});
