import type { ComponentChildren } from 'preact';

/** A one-line status in place of the article: why there is nothing to show (and what to do). */
export function PageMessage({ title, detail, children }: { title: string; detail?: string; children?: ComponentChildren }) {
  return (
    <div class="page-message" role="status" data-testid="page-message">
      <p class="page-message-title">{title}</p>
      {detail && <p class="page-message-detail">{detail}</p>}
      {children}
    </div>
  );
}
