/** A one-line status in place of the article: why there is nothing to show. */
export function PageMessage({ title, detail }: { title: string; detail?: string }) {
  return (
    <div class="page-message" role="status" data-testid="page-message">
      <p class="page-message-title">{title}</p>
      {detail && <p class="page-message-detail">{detail}</p>}
    </div>
  );
}
