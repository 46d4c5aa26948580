/** How alike two short strings are: 1 − edit distance / the longer length (0 … 1). */

// Two rows of the edit-distance table, reused: contexts are compared by the thousand.
let previous = new Uint32Array(64);
let current = new Uint32Array(64);

export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  if (previous.length <= b.length) {
    previous = new Uint32Array(b.length + 1);
    current = new Uint32Array(b.length + 1);
  }
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return 1 - previous[b.length]! / Math.max(a.length, b.length);
}
