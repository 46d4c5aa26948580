/**
 * Three articles made from the seed for the library's browser tests, of three outlets and dates
 * (two in June 2024, one in May), written to a folder the test serves at `/live/`, and read by the
 * extension one after the other, in an order that is not their date order. Rodong Sinmun's is of
 * 08:00 in Pyongyang on 1 June, 31 May in UTC: the library counts it in June, the outlet's month.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../../../scripts/lib/paths.mjs';
import { waitForStep, type GlossBrowser } from './gloss-browser';

/** The seed as another outlet would publish it: its own address, outlet, date and headline. */
function variant(seed: string, outlet: string, published: string, headline: string, edit: (html: string) => string = (html) => html): string {
  return edit(
    seed
      .replace(/<link rel="canonical"[^>]*>/, '')
      .replaceAll('KCNA Watch', outlet)
      .replace(/(article:published_time" content=")[^"]+/, `$1${published}`)
      .replace(/<time datetime="2024-05-20">[^<]*</, `<time datetime="${published.slice(0, 10)}">${published.slice(0, 10)}<`)
      .replaceAll('Respected Comrade Kim Jong Un Makes Speech at Ground Breaking Ceremony for Regional-industry Factories in Songchon County', headline),
  );
}

/** The three pages by file name; the June ones differ in names and terms. */
export function libraryArticles(): Record<string, string> {
  const seed = readFileSync(join(SHARED, 'seed/kcna-songchon-speech.html'), 'utf8');
  return {
    'late.html': variant(seed, 'Pyongyang Times', '2024-06-18T12:00:00+09:00', 'Kim Jong Un inspects factory construction in Songchon County', (html) =>
      html.replaceAll('Organizational Leadership Department', 'Economic Policy Office'),
    ),
    'early.html': variant(seed, 'KCNA Watch', '2024-05-20T09:14:00+09:00', 'Respected Comrade Kim Jong Un Makes Speech in Songchon County'),
    'middle.html': variant(seed, 'Rodong Sinmun', '2024-06-01T08:00:00+09:00', 'Kim Jong Un visits Songchon County again', (html) =>
      // Fewer mentions of the term here: the later paragraphs name only "the policy".
      html.replace(/(<p>The success of the )Regional Development 20×10 Policy/, '$1new policy'),
    ),
  };
}

/** Writes the pages into `folder`. */
export function writeLibraryArticles(folder: string): string[] {
  const pages = libraryArticles();
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(folder, name), html);
  return Object.keys(pages);
}

/** Opens each page under `/live/` and waits until Gloss has painted it (its reading is recorded after). */
export async function readLibraryArticles(gloss: GlossBrowser, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const page = await gloss.openPage(`/live/${name}`);
    await waitForStep(page, 'gloss:paint');
    await page.close();
  }
}
