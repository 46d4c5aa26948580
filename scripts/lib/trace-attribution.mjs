// @ts-check
/**
 * Who did the work on a page's main thread: Gloss, the page, or the browser. Reads a Chromium
 * trace (CDP `Tracing`, TRACE_CATEGORIES) of one page visit and attributes every main-thread task
 * of that page's renderer, from the navigation's commit until `windowMs` after `load`, in thread
 * time (a task's CPU time on the main thread: on these busy 2-core machines wall time is
 * inflated 2-5× by other processes; long tasks are reported in both).
 *
 * The rules, in the order they apply:
 * - Script. The outermost script event of a stretch of work (EvaluateScript, FunctionCall,
 *   RunMicrotasks, TimerFire…) is Gloss's when its URL is the extension's
 *   (`chrome-extension://<id>/…`), the page's when it is the page's origin, "other" for any other
 *   URL (the bench's driver). Without a URL (microtasks: Gloss's `await`s resume there) its time is
 *   split by the V8 sampling profiler's samples inside it: the share whose stack holds an
 *   extension frame is Gloss's (the profiler slows JS by a third: the bench runs without it
 *   unless asked). With no samples, it is Gloss's when Gloss's script ran earlier in the same
 *   task or it overlaps one of Gloss's main-thread `performance.measure` spans (`gloss:*`, the
 *   bench's build); else "unknown", reported as such (the run without Gloss has its own).
 * - Style, layout and paint (UpdateLayoutTree, Layout, PrePaint, Paint, Layerize, Commit,
 *   ParseAuthorStyleSheet…). Inside a script event: forced by that script, its owner's. Outside
 *   (a rendering update): Gloss's when what made the page dirty since the last update was
 *   Gloss's alone: its scripts ran, or style and layout invalidations (ScheduleStyleRecalculation,
 *   InvalidateLayout) whose JS stack (the profiler's `trace_ids`) holds an extension frame or
 *   that happened inside Gloss's script; "shared" when the page (parser, images, its scripts)
 *   dirtied it too; the page's otherwise.
 * - A task is long over 50 ms (wall, as the Long Tasks API counts, and thread time); a long task
 *   holding any of Gloss's work is Gloss's long task, any other is the page's own.
 */

/** What the bench asks the trace for. */
export const TRACE_CATEGORIES = [
  '__metadata',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'blink.user_timing',
  'loading',
];

/** JS stacks, sampled every ~0.2 ms: whose microtasks, whose invalidations (adds ~1/3 to JS time). */
export const SAMPLING_CATEGORY = 'disabled-by-default-v8.cpu_profiler';

/** A task over this is long (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

/** Events that run JavaScript (their own time and that of everything inside them). */
const SCRIPT = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.run',
  'v8.callFunction',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'XHRReadyStateChange',
  'XHRLoad',
]);

/** Style, layout and paint on the main thread. */
const RENDER = new Set([
  'UpdateLayoutTree',
  'RecalculateStyles',
  'ParseAuthorStyleSheet',
  'Layout',
  'PrePaint',
  'Paint',
  'PaintImage',
  'Layerize',
  'UpdateLayer',
  'UpdateLayerTree',
  'Commit',
  'HitTest',
  'IntersectionObserverController::computeIntersections',
]);

/** Instant events that say style or layout must be done again, with the JS stack that did it. */
const INVALIDATION = new Set(['ScheduleStyleRecalculation', 'InvalidateLayout', 'StyleInvalidatorInvalidationTracking', 'LayoutInvalidationTracking']);

/** The top-level task events (the second is the same task in another category). */
const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Gloss's steps that run on the page's main thread (the bench build's `performance.measure`s). */
const MAIN_THREAD_MEASURES = /^gloss(-[a-z]+)?:(readerable|serialize|send|map|paint)$/;

/**
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, tdur?: number, pid: number, tid: number,
 *   cat?: string, id?: string, id2?: { local?: string }, args?: any }} TraceEvent
 * @typedef {'gloss' | 'page' | 'other' | 'unknown'} Owner
 * @typedef {{ gloss: number, page: number, other: number, unknown: number }} ByOwner
 * @typedef {{ startMs: number, wallMs: number, threadMs: number, glossMs: number, glossScriptMs: number, glossRenderMs: number, owner: 'gloss' | 'page' }} LongTask
 * @typedef {object} Attribution
 * @property {{ startMs: number, loadMs: number, endMs: number, complete: boolean }} window times in ms on the trace's clock
 * @property {ByOwner} scriptMs
 * @property {Record<string, number>} glossByEvent Gloss's script by the kind of its outermost event (ms, with what is inside it)
 * @property {ByOwner & { shared: number }} renderMs style, layout and paint; "shared": updates both dirtied
 * @property {{ atMs: number, name: string, ms: number, forced: boolean }[]} glossRender each style, layout or paint event given to Gloss (or shared), ms after load
 * @property {{ wallMs: number, threadMs: number, tasks: number }} tasks every task of the page's main thread in the window
 * @property {LongTask[]} longTasks tasks over LONG_TASK_MS, wall or thread time
 * @property {Record<string, number>} measures Gloss's `gloss:*` measures in the window (ms, summed by name)
 * @property {number} glossMeasuredMainThreadMs the main-thread ones of them, summed
 */

/**
 * Attributes the main-thread work of the page at `pageUrl` in a trace.
 * @param {TraceEvent[]} events
 * @param {{ pageUrl: string, extensionId?: string | null, windowMs?: number }} options
 * @returns {Attribution}
 */
export function attributeTrace(events, { pageUrl, extensionId = null, windowMs = 5_000 }) {
  const extension = extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://';
  const pageOrigin = new URL(pageUrl).origin;
  /** @param {string | undefined | null} url @returns {Owner | null} */
  const ownerOfUrl = (url) => {
    if (!url) return null;
    if (url.startsWith(extension)) return 'gloss';
    if (url.startsWith(pageOrigin + '/') || url === pageOrigin) return 'page';
    return 'other';
  };

  // The page's renderer and its main thread.
  const commit = events.find((e) => e.name === 'FrameCommittedInBrowser' && e.args?.data?.url === pageUrl && e.args.data.isOutermostMainFrame !== false);
  const pid = commit?.args.data.processId;
  if (pid == null) throw new Error(`The trace has no commit of ${pageUrl}`);
  const frame = commit?.args.data.frame;
  // The thread that committed the page (a trace's thread names can be missing).
  const tid = events.find((e) => e.name === 'CommitLoad' && e.pid === pid && e.args?.data?.url === pageUrl)?.tid;
  if (tid == null) throw new Error(`No main thread in renderer ${pid}`);
  const main = events.filter((e) => e.pid === pid && e.tid === tid);
  const load = main.find((e) => e.name === 'MarkLoad' && (!frame || e.args?.data?.frame === frame));
  const commitLoad = main.find((e) => e.name === 'CommitLoad' && e.args?.data?.url === pageUrl);
  if (!load || !commitLoad) throw new Error(`No ${load ? 'CommitLoad' : 'MarkLoad'} for ${pageUrl}`);
  const lastTs = Math.max(...main.map((e) => e.ts + (e.dur ?? 0)));

  const samples = profileSamples(events, pid, tid, ownerOfUrl);
  const complete = main.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const taskName = complete.some((t) => t.name === 'RunTask') ? 'RunTask' : 'ThreadControllerImpl::RunTask';
  const tasks = complete.filter((e) => e.name === taskName);
  const commitTask = tasks.find((t) => t.ts <= commitLoad.ts && commitLoad.ts <= t.ts + (t.dur ?? 0));
  const start = commitTask?.ts ?? commitLoad.ts;
  const end = load.ts + windowMs * 1000;
  const inWindow = tasks.filter((t) => t.ts >= start && t.ts < end);

  // Gloss's measures (async b/e pairs, or X) in the window.
  /** @type {{ name: string, start: number, end: number }[]} */
  const spans = [];
  /** @type {Map<string, number>} */
  const open = new Map();
  for (const e of main.filter((x) => x.cat?.includes('blink.user_timing') && x.name.startsWith('gloss'))) {
    const key = `${e.name}:${e.id ?? e.id2?.local ?? ''}`;
    if (e.ph === 'b') open.set(key, e.ts);
    else if (e.ph === 'e' && open.has(key)) {
      spans.push({ name: e.name, start: /** @type {number} */ (open.get(key)), end: e.ts });
      open.delete(key);
    } else if (e.ph === 'X') spans.push({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0) });
  }
  /** @type {Record<string, number>} */
  const measures = {};
  for (const s of spans.filter((x) => x.start >= start && x.start < end)) measures[s.name] = (measures[s.name] ?? 0) + (s.end - s.start) / 1000;
  const mainThreadSpans = spans.filter((s) => MAIN_THREAD_MEASURES.test(s.name));

  // Invalidations, in time order: Gloss's when its stack (or the script around it) is Gloss's.
  const invalidations = main.filter((e) => INVALIDATION.has(e.name)).sort((a, b) => a.ts - b.ts);

  /** @type {ByOwner} */
  const scriptMs = { gloss: 0, page: 0, other: 0, unknown: 0 };
  /** @type {ByOwner & { shared: number }} */
  const renderMs = { gloss: 0, page: 0, other: 0, unknown: 0, shared: 0 };
  /** @type {LongTask[]} */
  const longTasks = [];
  const dirty = { gloss: false, page: false };
  let invalidationAt = 0;
  /** Gloss's script spans seen so far (for invalidations without a stack). */
  /** @type {[number, number][]} */
  const glossScript = [];
  let wall = 0;
  let thread = 0;
  /** @type {Record<string, number>} */
  const glossByEvent = {};
  /** @type {{ atMs: number, name: string, ms: number, forced: boolean }[]} */
  const glossRender = [];

  for (const task of inWindow) {
    const taskEnd = task.ts + (task.dur ?? 0);
    /** @type {TraceEvent[]} */
    const inside = [];
    for (let i = lowerBound(complete, task.ts); i < complete.length; i++) {
      const e = /** @type {TraceEvent} */ (complete[i]);
      if (e.ts > taskEnd) break;
      if (e !== task && !TASK.has(e.name) && e.ts + (e.dur ?? 0) <= taskEnd) inside.push(e);
    }
    /** The rendering update's own stretches: invalidations inside them are the pipeline's. */
    /** @type {[number, number][]} */
    const updating = [];
    const tree = nest(inside);
    /** @type {ByOwner} */
    const taskScript = { gloss: 0, page: 0, other: 0, unknown: 0 };
    /** @type {ByOwner & { shared: number }} */
    const taskRender = { gloss: 0, page: 0, other: 0, unknown: 0, shared: 0 };
    let rendered = false;

    /**
     * @param {Node} node
     * @param {Record<Owner, number> | null} owner weights of the script this runs in, null outside script
     */
    const walk = (node, owner) => {
      const e = node.event;
      let own = owner;
      if (SCRIPT.has(e.name)) {
        const byUrl = ownerOfUrl(e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.stackTrace?.[0]?.url);
        if (byUrl) own = { gloss: 0, page: 0, other: 0, unknown: 0, [byUrl]: 1 };
        else if (!owner) own = splitBySamples(samples, e, mainThreadSpans, taskScript.gloss > 0);
        if (own && own.gloss > 0 && !owner) {
          glossScript.push([e.ts, e.ts + (e.dur ?? 0)]);
          dirty.gloss = true;
          glossByEvent[e.name] = (glossByEvent[e.name] ?? 0) + (threadTime(e) / 1000) * own.gloss;
        }
      }
      const self = Math.max(0, threadTime(e) - node.children.reduce((sum, c) => sum + threadTime(c.event), 0)) / 1000;
      if (RENDER.has(e.name)) {
        if (own) {
          for (const k of OWNERS) taskRender[k] += self * own[k];
          if (own.gloss > 0) glossRender.push({ atMs: (e.ts - load.ts) / 1000, name: e.name, ms: self * own.gloss, forced: true });
        } else {
          // A rendering update: whose changes it draws.
          settleInvalidations(e.ts);
          updating.push([e.ts, e.ts + (e.dur ?? 0)]);
          rendered = true;
          const who = dirty.gloss && dirty.page ? 'shared' : dirty.gloss ? 'gloss' : 'page';
          taskRender[who] += self;
          if (who !== 'page') glossRender.push({ atMs: (e.ts - load.ts) / 1000, name: e.name, ms: self, forced: false });
        }
      } else if (own) for (const k of OWNERS) taskScript[k] += self * own[k];
      for (const child of node.children) walk(child, own);
    };

    /** Invalidations before `ts` mark who dirtied the page. @param {number} ts */
    const settleInvalidations = (ts) => {
      for (; invalidationAt < invalidations.length; invalidationAt++) {
        const inv = /** @type {TraceEvent} */ (invalidations[invalidationAt]);
        if (inv.ts > ts) break;
        if (updating.some(([s, f]) => inv.ts >= s && inv.ts <= f)) continue;
        const stack = samples.byTraceId.get(String(inv.args?.data?.sampleTraceId ?? inv.args?.beginData?.sampleTraceId ?? ''));
        const byGloss = stack ?? glossScript.some(([s, f]) => inv.ts >= s && inv.ts <= f);
        if (byGloss) dirty.gloss = true;
        else dirty.page = true;
      }
    };

    for (const node of tree) walk(node, null);
    if (rendered) {
      // What dirtied the page before the update's end is drawn by it; what came after waits for the next.
      const last = updating.reduce((max, [, f]) => Math.max(max, f), 0);
      settleInvalidations(last);
      dirty.gloss = false;
      dirty.page = false;
    }
    for (const k of OWNERS) {
      scriptMs[k] += taskScript[k];
      renderMs[k] += taskRender[k];
    }
    renderMs.shared += taskRender.shared;
    const wallMs = (task.dur ?? 0) / 1000;
    const threadMs = threadTime(task) / 1000;
    wall += wallMs;
    thread += threadMs;
    if (wallMs > LONG_TASK_MS || threadMs > LONG_TASK_MS) {
      const glossRenderMs = taskRender.gloss + taskRender.shared;
      const glossMs = taskScript.gloss + glossRenderMs;
      longTasks.push({
        startMs: (task.ts - load.ts) / 1000,
        wallMs,
        threadMs,
        glossMs,
        glossScriptMs: taskScript.gloss,
        glossRenderMs,
        owner: glossMs > 0 ? 'gloss' : 'page',
      });
    }
  }

  return {
    window: { startMs: start / 1000, loadMs: load.ts / 1000, endMs: end / 1000, complete: lastTs >= end },
    scriptMs,
    glossByEvent,
    renderMs,
    glossRender,
    tasks: { wallMs: wall, threadMs: thread, tasks: inWindow.length },
    longTasks,
    measures,
    glossMeasuredMainThreadMs: mainThreadSpans.filter((s) => s.start >= start && s.start < end).reduce((sum, s) => sum + (s.end - s.start) / 1000, 0),
  };
}

/** @type {Owner[]} */
const OWNERS = ['gloss', 'page', 'other', 'unknown'];

/** @param {TraceEvent} e thread time in µs, wall time where the trace has none */
function threadTime(e) {
  return e.tdur ?? e.dur ?? 0;
}

/**
 * @typedef {{ event: TraceEvent, children: Node[] }} Node
 * @param {TraceEvent[]} sorted complete events by start, longer first
 * @returns {Node[]}
 */
function nest(sorted) {
  /** @type {Node[]} */
  const roots = [];
  /** @type {Node[]} */
  const stack = [];
  for (const event of sorted) {
    const node = { event, children: [] };
    while (stack.length) {
      const top = /** @type {Node} */ (stack[stack.length - 1]).event;
      if (event.ts + (event.dur ?? 0) <= top.ts + (top.dur ?? 0)) break;
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

/**
 * The profiler's samples of one thread: the time of each and whose its stack is (Gloss's when any
 * frame is the extension's, else the owner of the innermost frame with a URL; null for idle,
 * program and GC samples), and whether the stack of each `sampleTraceId` events carry is Gloss's.
 * @param {TraceEvent[]} events @param {number} pid @param {number} tid
 * @param {(url: string | undefined) => Owner | null} ownerOfUrl
 */
function profileSamples(events, pid, tid, ownerOfUrl) {
  const starts = events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const profiles = new Set(starts.map((e) => e.id));
  /** @type {Map<number, { parent?: number, owner: Owner | null, js: boolean }>} */
  const nodes = new Map();
  /** @type {{ ts: number, owner: Owner | null }[]} */
  const list = [];
  /** @type {Map<string, boolean>} */
  const byTraceId = new Map();
  /** @type {Map<number, Owner>} */
  const owners = new Map();
  /** @param {number} id @returns {Owner} */
  const ownerOf = (id) => {
    const known = owners.get(id);
    if (known) return known;
    const node = nodes.get(id);
    const above = node?.parent != null ? ownerOf(node.parent) : 'unknown';
    const value = above === 'gloss' ? above : (node?.owner ?? above);
    owners.set(id, value);
    return value;
  };
  /** @type {Map<string | undefined, number>} */
  const clock = new Map(starts.map((e) => [e.id, e.args?.data?.startTime ?? e.ts]));
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && profiles.has(e.id))) {
    const profile = chunk.args?.data?.cpuProfile ?? {};
    for (const n of profile.nodes ?? []) {
      const frame = n.callFrame ?? {};
      nodes.set(n.id, {
        parent: n.parent,
        owner: ownerOfUrl(frame.url),
        js: !/^\((root|program|idle|garbage collector)\)$/.test(frame.functionName ?? ''),
      });
    }
    let ts = clock.get(chunk.id) ?? 0;
    const deltas = chunk.args?.data?.timeDeltas ?? [];
    (profile.samples ?? []).forEach((/** @type {number} */ id, /** @type {number} */ i) => {
      ts += deltas[i] ?? 0;
      list.push({ ts, owner: nodes.get(id)?.js ? ownerOf(id) : null });
    });
    clock.set(chunk.id, ts);
    for (const [traceId, id] of Object.entries(profile.trace_ids ?? {})) byTraceId.set(traceId, ownerOf(/** @type {number} */ (id)) === 'gloss');
  }
  list.sort((a, b) => a.ts - b.ts);
  return { list, byTraceId };
}

/**
 * Whose a script event without a URL is: the share of its JS samples that hold an extension
 * frame; without samples, Gloss's if Gloss's script ran earlier in the same task (the microtasks
 * it queued) or it overlaps one of Gloss's main-thread measures.
 * @param {ReturnType<typeof profileSamples>} samples @param {TraceEvent} e
 * @param {{ start: number, end: number }[]} spans @param {boolean} afterGloss
 * @returns {Record<Owner, number>}
 */
function splitBySamples(samples, e, spans, afterGloss) {
  const end = e.ts + (e.dur ?? 0);
  /** @type {Record<Owner, number>} */
  const count = { gloss: 0, page: 0, other: 0, unknown: 0 };
  let js = 0;
  for (let i = lowerBound(samples.list, e.ts); i < samples.list.length; i++) {
    const s = /** @type {{ ts: number, owner: Owner | null }} */ (samples.list[i]);
    if (s.ts > end) break;
    if (s.owner === null) continue;
    js++;
    count[s.owner]++;
  }
  if (js) return { gloss: count.gloss / js, page: count.page / js, other: count.other / js, unknown: count.unknown / js };
  if (afterGloss || spans.some((s) => s.start < end && s.end > e.ts)) return { gloss: 1, page: 0, other: 0, unknown: 0 };
  return { gloss: 0, page: 0, other: 0, unknown: 1 };
}

/**
 * The first index of `sorted` (by `ts`) at or after `ts`.
 * @param {{ ts: number }[]} sorted @param {number} ts
 */
function lowerBound(sorted, ts) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (/** @type {{ ts: number }} */ (sorted[mid]).ts < ts) low = mid + 1;
    else high = mid;
  }
  return low;
}
