/**
 * The highlight editor on a page, as a reader uses it: text is selected in the page, and the
 * editor's controls are clicked and typed into with the real mouse and keyboard. The editor's
 * shadow root is closed (page scripts cannot read the notes it shows), so where its controls are
 * is asked in Gloss's own isolated world over CDP, with `chrome.dom.openOrClosedShadowRoot`. The
 * note form itself is an extension page in an iframe (typing is out of the page's sight): its
 * controls are found through Playwright's frame of it.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';

export class EditorPage {
  private world: number | null = null;
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly extensionId: string,
  ) {}

  static async attach(page: Page, extensionId: string): Promise<EditorPage> {
    const cdp = await page.context().newCDPSession(page);
    const editor = new EditorPage(page, cdp, extensionId);
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { frameId?: string; isDefault?: boolean } | undefined;
      if (context.origin === `chrome-extension://${extensionId}` && aux?.frameId === frameTree.frame.id) editor.world = context.id;
    });
    cdp.on('Runtime.executionContextsCleared', () => (editor.world = null));
    await cdp.send('Runtime.enable');
    return editor;
  }

  /** Runs `expression` in Gloss's isolated world of the top frame, with `root` the editor's shadow root (or null). */
  async inGloss<T>(expression: string): Promise<T> {
    for (let i = 0; i < 100 && this.world === null; i++) await this.page.waitForTimeout(50);
    if (this.world === null) throw new Error("Gloss's isolated world never appeared");
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', {
      contextId: this.world,
      expression: `(async () => { const host = document.querySelector('gloss-editor'); const root = host && chrome.dom.openOrClosedShadowRoot(host); ${expression} })()`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }

  /** The note form's frame, when the form is open. */
  noteFrame(): Frame | undefined {
    return this.page.frames().find((frame) => frame.url().startsWith(`chrome-extension://${this.extensionId}/note-form.html`));
  }

  /** The center of the editor's first element matching `selector` (in the note form too), once there is one. */
  async where(selector: string, timeout = 10_000): Promise<{ x: number; y: number }> {
    const deadline = Date.now() + timeout;
    for (;;) {
      let box = await this.inGloss<{ x: number; y: number } | null>(
        `const el = root?.querySelector(${JSON.stringify(selector)}); if (!el) return null; const r = el.getBoundingClientRect(); return r.width ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;`,
      );
      if (!box) box = await this.whereInForm(selector);
      if (box) return box;
      if (Date.now() > deadline) throw new Error(`No ${selector} in the editor`);
      await this.page.waitForTimeout(50);
    }
  }

  /**
   * The center of `selector` in the note form, once it is inside the frame's box and the box has
   * held still for two frames. The frame grows with the form a moment after the form does (a tag
   * chip pushes Save down), and the browser routes clicks to the grown frame a frame or two after
   * its box grew (measured: a click 1 px inside the new bottom went to the page).
   */
  private async whereInForm(selector: string): Promise<{ x: number; y: number } | null> {
    const frame = this.noteFrame();
    if (!frame) return null;
    const frameBox = () => frame.frameElement().then((el) => el.boundingBox()).catch(() => null);
    const [inForm, box] = await Promise.all([frame.locator(selector).first().boundingBox({ timeout: 200 }).catch(() => null), frameBox()]);
    if (!inForm?.width || !box) return null;
    const point = { x: inForm.x + inForm.width / 2, y: inForm.y + inForm.height / 2 };
    if (point.x < box.x || point.x > box.x + box.width || point.y < box.y || point.y > box.y + box.height) return null;
    await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    return JSON.stringify(await frameBox()) === JSON.stringify(box) ? point : null;
  }

  async click(selector: string): Promise<void> {
    const { x, y } = await this.where(selector);
    await this.page.mouse.click(x, y);
  }

  /** Text of every element matching `selector` in the editor (and in its note form). */
  async texts(selector: string): Promise<string[]> {
    const inEditor = await this.inGloss<string[]>(`return [...(root?.querySelectorAll(${JSON.stringify(selector)}) ?? [])].map((el) => el.textContent);`);
    const inForm = (await this.noteFrame()?.locator(selector).allTextContents().catch(() => [])) ?? [];
    return [...inEditor, ...inForm];
  }

  /** The value of a field of the note form. */
  async value(selector: string): Promise<string | undefined> {
    return this.noteFrame()?.locator(selector).inputValue();
  }

  /** Whether the note form is open. */
  formOpen(): boolean {
    return this.noteFrame() !== undefined;
  }

  /**
   * Selects the first occurrence of `phrase` in the article and ends the gesture with a real key
   * (Gloss acts only on the reader's own, trusted, events; a page's made-up mouseup is ignored).
   */
  async select(phrase: string): Promise<void> {
    await this.page.evaluate((text) => {
      const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        getSelection()!.setBaseAndExtent(node, at, node, at + text.length);
        return;
      }
      throw new Error(`"${text}" is not in one text node of the article`);
    }, phrase);
    await this.release();
  }

  /** The reader's gesture that ends a selection (a real key, released): Gloss looks at the selection. */
  async release(): Promise<void> {
    await this.page.keyboard.press('Shift');
  }

  /** Selects the first occurrence of `phrase` by dragging the real mouse across it, as a reader does. */
  async drag(phrase: string): Promise<void> {
    const { from, to } = await this.page.evaluate((text) => {
      const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        node.parentElement?.scrollIntoView({ block: 'center' });
        const box = (start: number) => {
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + 1);
          return range.getBoundingClientRect();
        };
        const first = box(at);
        const last = box(at + text.length - 1);
        return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
      }
      throw new Error(`"${text}" is not in one text node of the article`);
    }, phrase);
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** The center of `phrase` on screen (its first occurrence in the article). */
  whereText(phrase: string): Promise<{ x: number; y: number }> {
    return this.page.evaluate((text) => {
      const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      throw new Error(`"${text}" is not in the article`);
    }, phrase);
  }
}

/** Texts of the ranges painted under a highlight name. */
export async function paintedTexts(page: Page, name: string): Promise<string[]> {
  return (await paintedInCaption(page, name)).map((range) => range.text);
}

/** The ranges painted under a highlight name: their text, and whether each touches a caption. */
export function paintedInCaption(page: Page, name = 'gloss-note-yellow'): Promise<{ text: string; inCaption: boolean }[]> {
  return page.evaluate(
    (key) =>
      [...(CSS.highlights.get(key) ?? [])].map((range) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const inCaption = (node: Node) => !!(node.parentElement ?? (node as Element)).closest('figcaption');
        return { text: live.toString(), inCaption: inCaption(range.startContainer) || inCaption(range.endContainer) };
      }),
    name,
  );
}
