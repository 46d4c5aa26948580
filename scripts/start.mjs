// @ts-check
/**
 * `npm start`: opens Chromium with the built extension on the seed article, served from
 * 127.0.0.1. With a display the browser stays open until you close it. Without one (or with
 * --headless) it writes screenshots of the page and of Gloss's popup, prints their paths and
 * exits.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from './lib/browser.mjs';
import { waitForSteps } from './lib/gloss-done.mjs';
import { EXTENSION_DIR, FIXTURE_PAGES, REPO, SEED_PATH, SHARED } from './lib/paths.mjs';
import { serve } from './lib/serve.mjs';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const server = await serve({ '/shared/': SHARED, '/fixtures/': FIXTURE_PAGES });
const session = await launch({ extensionDir: EXTENSION_DIR, headless });
const { context, extensionId } = session;

const page = await context.newPage();
const seedUrl = server.origin + SEED_PATH;
await page.goto(seedUrl);
await waitForSteps(page);
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
/** @type {{ id?: number, url?: string }[]} */
const tabs = await worker.evaluate(() => /** @type {any} */ (globalThis).chrome.tabs.query({}));
const tabId = tabs.find((tab) => tab.url === seedUrl)?.id;
const popupUrl = `chrome-extension://${extensionId}/popup.html?tab=${tabId}`;

if (headless) {
  const out = resolve(REPO, 'test-results/start');
  mkdirSync(out, { recursive: true });
  const pageShot = resolve(out, 'seed-page.png');
  const popupShot = resolve(out, 'popup.png');
  await page.screenshot({ path: pageShot });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 320 });
  await popup.goto(popupUrl);
  await popup.getByTestId('article-title').waitFor({ timeout: 10_000 });
  await popup.screenshot({ path: popupShot });
  console.log(`Gloss ran headless (no display) on ${seedUrl}`);
  console.log(`  page:  ${pageShot}`);
  console.log(`  popup: ${popupShot}`);
  await session.close();
  await server.close();
} else {
  console.log(`Gloss is open on ${seedUrl}`);
  console.log(`Its popup for that tab, as a page: ${popupUrl}`);
  console.log('Close the browser window (or press Ctrl-C) to stop.');
  const stop = async () => {
    await session.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  context.on('close', stop);
  process.on('SIGINT', stop);
}
