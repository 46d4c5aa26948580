import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToExtension, sendToTab } from '@/utils/messaging/send';

const payload = { html: '<p>x</p>', url: 'https://a.example/', canonicalUrl: null };

describe('messaging/send', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('sends a versioned envelope and passes the answer through', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: true, value: null } as never);
    expect(await sendToExtension('toBackground', 'extractArticle', payload)).toEqual({ ok: true, value: null });
    expect(send).toHaveBeenCalledWith({ gloss: 1, type: 'extractArticle', payload });
  });

  it('turns a transport failure into an "unreachable" result instead of throwing', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await sendToExtension('toBackground', 'extractArticle', payload)).toEqual({
      ok: false,
      error: { code: 'unreachable', message: 'Could not establish connection. Receiving end does not exist.' },
    });
  });

  it('treats a missing or foreign answer as "unreachable"', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValueOnce(undefined).mockResolvedValueOnce('pong' as never);
    expect(await sendToTab(3, 'getPageState', {})).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(await sendToTab(3, 'getPageState', {})).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });
});
