// @ts-check
/**
 * Firefox ESR with Gloss, driven by puppeteer-core over WebDriver BiDi: nothing is downloaded, and
 * nothing but loopback answers (every other host goes to a proxy that does not exist). The
 * profile can be given, so a test can close Firefox and open it again on the same profile.
 *
 * Gloss is installed as a temporary add-on (as "Load Temporary Add-on…" does) with a fixed UUID,
 * so its `moz-extension://` origin, and with it its database, is the same in every run on a
 * profile. Firefox forgets a temporary add-on when it closes, not its data: installed again on
 * the next launch with the same UUID, it finds its IndexedDB and `storage.local` as it left them
 * (checked), which is what a reader's permanent install sees.
 *
 * BiDi refuses to navigate a tab to a `moz-extension://` page. Firefox started with
 * `-remote-allow-system-access` lists its chrome windows over BiDi (`"moz:scope": "chrome"`), and
 * there a script opens Gloss's popup page in a tab with the system principal, as the toolbar
 * button would open it in its panel. Scripts in that tab then run with the extension's own
 * privileges: the harness reads the database and, with `tabs.executeScript`, asks Gloss's
 * content-script world where the controls of its closed shadow root are. The product has no
 * door of its own for any of this.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { REPO } from './paths.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(REPO, '.output/firefox-mv2');
export const GECKO_ID = 'gloss@gloss-reader.org';
/** Gloss's fixed UUID in test profiles: its origin is `moz-extension://<uuid>`. */
export const GLOSS_UUID = '6f1d1c1e-3b8a-4c55-9a55-9e0551e5a1ad';
/** Host names that resolve to loopback in the test browser (another site than 127.0.0.1, plain http). */
export const LOCAL_HOSTS = ['news.test', 'evil.test'];

/** @param {string} downloads */
const prefs = (downloads) => ({
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: GLOSS_UUID }),
  // Every request but loopback goes to a proxy on a port where nothing listens.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': ['127.0.0.1', 'localhost', ...LOCAL_HOSTS].join(','),
  'network.dns.localDomains': LOCAL_HOSTS.join(','),
  'network.trr.mode': 5,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'app.update.enabled': false,
  'browser.download.dir': downloads,
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.start_downloads_in_tmp_dir': false,
  'layout.css.devPixelsPerPx': '1.0',
  // Timers in a tab behind others keep their time (Firefox slows them to 1 s by default): tests
  // open many tabs, and one watches its page's main thread with a 10 ms timer.
  'dom.min_background_timeout_value': 4,
  'dom.timeout.enable_budget_timer_throttling': false,
});

/**
 * @typedef {object} FirefoxSession
 * @property {import('puppeteer-core').Browser} browser
 * @property {string} extensionOrigin `moz-extension://<uuid>`
 * @property {string} profile
 * @property {string} downloads the folder downloads land in
 * @property {(path: string) => Promise<import('puppeteer-core').Page>} openExtensionPage opens a page of Gloss (e.g. `/popup.html?tab=3`) in a tab, as the browser itself would
 * @property {(expression: string) => Promise<unknown>} inChrome runs an expression in Firefox's own browser window
 * @property {() => Promise<void>} close closes Firefox; the profile is removed unless it was given
 */

/**
 * @param {{ profile?: string, extensionDir?: string | null, headless?: boolean }} [options]
 * @returns {Promise<FirefoxSession>}
 */
export async function launchFirefox({ profile, extensionDir = FIREFOX_EXTENSION_DIR, headless = true } = {}) {
  if (!existsSync(FIREFOX)) {
    throw new Error(`No Firefox at ${FIREFOX}: run \`bash scripts/ensure-browsers.sh firefox\` (or set FIREFOX_PATH)`);
  }
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${extensionDir}: run \`npx wxt build -b firefox\` first`);
  }
  const ownProfile = !profile;
  const dir = profile ?? mkdtempSync(join(tmpdir(), 'gloss-firefox-'));
  const downloads = join(dir, 'downloads');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless,
    userDataDir: dir,
    args: ['-remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: prefs(downloads),
  });
  if (extensionDir) await browser.installExtension(extensionDir);
  /** @type {any} */
  const connection = /** @type {any} */ (browser).connection;

  /** @param {string} expression */
  const inChrome = async (expression) => {
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const window = result.contexts.find((/** @type {{ url: string }} */ c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error("Firefox's browser window is not there");
    const answer = await connection.send('script.evaluate', { target: { context: window.context }, expression, awaitPromise: true });
    if (answer.result.type === 'exception') throw new Error(answer.result.exceptionDetails.text);
    return answer.result.result?.value;
  };

  return {
    browser,
    extensionOrigin: `moz-extension://${GLOSS_UUID}`,
    profile: dir,
    downloads,
    inChrome,
    async openExtensionPage(path) {
      const url = `moz-extension://${GLOSS_UUID}${path}`;
      const created = new Promise((done) => browser.once('targetcreated', done));
      await inChrome(
        `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); true`,
      );
      const page = await /** @type {Promise<import('puppeteer-core').Target>} */ (created).then((target) => target.page());
      if (!page) throw new Error(`No page for ${url}`);
      await page.waitForFunction((origin) => location.href.startsWith(origin) && document.readyState === 'complete', {}, `moz-extension://${GLOSS_UUID}/`);
      await page.setViewport({ width: 480, height: 900 });
      return page;
    },
    async close() {
      await browser.close();
      if (ownProfile) rmSync(dir, { recursive: true, force: true });
    },
  };
}
