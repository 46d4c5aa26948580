// @ts-check
/**
 * Debian's Chromium driven by playwright-core, with or without the built extension. Nothing but
 * 127.0.0.1 is reachable: host names do not resolve, and any other request is aborted. Names
 * under `.test` (news.test, evil.test) resolve to 127.0.0.1: sites other than 127.0.0.1, and,
 * unlike loopback, not secure contexts over http.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-gpu',
  '--disable-quic',
  '--disable-sync',
  '--disable-background-networking',
  '--disable-component-update',
  '--host-resolver-rules=MAP *.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/**
 * @typedef {object} Session
 * @property {import('playwright-core').BrowserContext} context
 * @property {string | null} extensionId
 * @property {string[]} blocked URLs refused because they were not on 127.0.0.1 (or a .test name)
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ extensionDir?: string | null, headless?: boolean, userDataDir?: string }} [options]
 * @returns {Promise<Session>}
 */
export async function launch({ extensionDir = null, headless = true, userDataDir } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  }
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first`);
  }
  const ownProfile = !userDataDir;
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'gloss-profile-'));
  const args = extensionDir
    ? [...ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    : [...ARGS, '--disable-extensions'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    args,
    viewport: { width: 1280, height: 900 },
  });
  /** @type {string[]} */
  const blocked = [];
  await context.route(/^(https?|wss?):/, (route) => {
    const url = route.request().url();
    const host = new URL(url).hostname;
    if (host === '127.0.0.1' || host.endsWith('.test')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  let extensionId = null;
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    blocked,
    close: async () => {
      await context.close();
      if (ownProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
