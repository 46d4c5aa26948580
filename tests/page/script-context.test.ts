import { describe, expect, it, vi } from 'vitest';
import { scriptContext } from '@/utils/page/script-context';

describe('page/script-context', () => {
  it('ends when the extension is gone, noticed on the next look, and undoes what was tied to it', () => {
    let alive = true;
    const ctx = scriptContext(() => alive);
    const ended = vi.fn();
    const taken = vi.fn();
    ctx.onInvalidated(ended);
    ctx.onInvalidated(taken)();
    const heard = vi.fn();
    const target = new EventTarget();
    ctx.addEventListener(target, 'ping', heard);
    target.dispatchEvent(new Event('ping'));
    expect(ctx.isInvalid).toBe(false);
    alive = false;
    expect(ended).not.toHaveBeenCalled(); // nobody looked yet
    expect(ctx.isInvalid).toBe(true);
    expect(ended).toHaveBeenCalledOnce();
    expect(taken).not.toHaveBeenCalled();
    expect(ctx.signal.aborted).toBe(true);
    target.dispatchEvent(new Event('ping'));
    expect(heard).toHaveBeenCalledOnce();
  });

  it('runs a timer only while the script lives', () => {
    vi.useFakeTimers();
    try {
      let alive = true;
      const ctx = scriptContext(() => alive);
      const early = vi.fn();
      const late = vi.fn();
      ctx.setTimeout(early, 10);
      ctx.setTimeout(late, 50);
      vi.advanceTimersByTime(20);
      expect(early).toHaveBeenCalledOnce();
      alive = false;
      vi.advanceTimersByTime(100);
      expect(late).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
