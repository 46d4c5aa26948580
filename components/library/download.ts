/** Saves text made on the page as a file (a CSV, an SVG): a Blob URL, nothing leaves the machine. */
export function download(name: string, type: string, content: Blob | string): void {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A date (ms) as the calendar day, UTC ('2024-05-20'; for a date the library filed, the outlet's day). */
export const day = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '');
