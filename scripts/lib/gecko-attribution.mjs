// @ts-check
/**
 * Who did the work on a page's main thread in Firefox: Gloss, the page, or the browser. The
 * Firefox counterpart of trace-attribution.mjs: it reads a Gecko profile (the JSON
 * `Services.profiler.dumpProfileToFileAsync` writes; "gecko" format, meta.version 34 on ESR 153)
 * of one page visit and attributes the CPU time of that page's content process's main thread, from
 * the navigation's start until `windowMs` after `load`.
 *
 * How the profile is laid out (read from the JSON Firefox 153 writes, not from a spec):
 * - The parent process's threads are `profile.threads`, each child process is one entry of
 *   `profile.processes` with its own `threads`. Every table is `{ schema: { column: index },
 *   data: rows }`; strings are indexes into the thread's `stringTable` (newer Firefox versions
 *   share one `profile.shared.stringArray`, read here too).
 * - `samples` rows: stack, time (ms), …, `threadCPUDelta` (the thread's CPU time since the previous
 *   sample, in `meta.sampleUnits.threadCPUDelta`, "ns" here). `stackTable` rows: prefix, frame;
 *   `frameTable` rows: location (a string: "fn (moz-extension://…/gloss.js:3:28)"), …, category.
 *   A stack's category is its innermost frame's that has one (`meta.categories`: Idle, Layout,
 *   JavaScript, GC / CC, Graphics, DOM, Profiler…).
 * - `markers` rows: name, startTime, endTime, phase (0 instant, 1 interval, 2 start, 3 end of an
 *   interval given in two rows), category, data. `data.type` "UserTiming" for
 *   `performance.mark`/`measure` (the page's entries: the bench's own marks place the visit on the
 *   profile's clock), "MainThreadLongTask" for tasks over 50 ms of wall time. Style and layout
 *   markers (`Styles`, `Reflow (sync)`, `Reflow (interruptible)`, `RefreshDriverTick`) carry in
 *   `data.stack` the stack of what made them needed (the script that set `adoptedStyleSheets`,
 *   the refresh driver's own tick…), one sample into the thread's stack table.
 *
 * The rules:
 * - Script. A sample whose stack holds a frame of Gloss's files (`moz-extension://<uuid>/…`) is
 *   Gloss's, its CPU delta Gloss's script (JavaScript, DOM calls, GC inside it), or Gloss's
 *   style/layout when its category is Layout or Graphics (a reflow Gloss's script forced).
 *   Firefox's own extension code in the page's process (`resource://gre/modules/Extension…`:
 *   compiling the content scripts when a navigation starts, injecting them, carrying their
 *   messages) is "host": not Gloss's code, but run because Gloss is installed (the run without
 *   Gloss has next to none), so it counts with Gloss's script where the page's cost is judged.
 *   Samples of the bench's driver (WebDriver BiDi's `chrome://remote/` scripts) are "driver"; the
 *   profiler's own work ("Profiler" category: capturing marker stacks) is counted apart.
 * - Style, layout and paint outside Gloss's stacks: a `RefreshDriverTick`, `Styles` or `Reflow`
 *   interval whose cause stack holds a Gloss frame is Gloss's, and so is every Layout or Graphics
 *   sample inside it; everything else is the page's. A tick has one cause stack (what first asked
 *   for it): when the page asked too, its work lands on Gloss's side, so the with-minus-without
 *   difference of all Layout and Graphics time is reported beside it.
 * - A long task is a `MainThreadLongTask` marker (over 50 ms of wall time, as Firefox's own
 *   long-task detection counts; Firefox 153 has no `longtask` entries for pages); it is Gloss's
 *   when it holds a sample of Gloss's or of the host's, or a Gloss-caused style/layout interval,
 *   the page's own otherwise. Its thread time is the CPU of its samples.
 */

/** What the bench asks the profiler for: JS stacks and per-sample CPU time, main threads only. */
export const PROFILER_FEATURES = ['js', 'cpu'];
export const PROFILER_THREADS = ['GeckoMain'];

/** A task over this is long (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

/** Firefox's own WebExtension code (ExtensionProcessScript, ExtensionContent, ExtensionChild…). */
const HOST = 'resource://gre/modules/Extension';
/** Which owner a stack takes when its frames name several, first first. */
const OWNER_RANK = /** @type {const} */ (['gloss', 'host', 'driver']);

/** Markers of style, layout and the refresh driver's ticks, whose cause stack names who asked. */
const RENDER_MARKERS = new Set(['RefreshDriverTick', 'Styles', 'Reflow (sync)', 'Reflow (interruptible)']);
/** Categories of style, layout and paint. */
const RENDER_CATEGORIES = new Set(['Layout', 'Graphics']);
/** Gloss's steps that run on the page's main thread (the bench build's `performance.measure`s). */
const MAIN_THREAD_MEASURES = /^gloss:(readerable|serialize|send|map|paint)$/;

/**
 * @typedef {{ schema: Record<string, number>, data: any[][] }} Table
 * @typedef {{ name: string, pid?: number, processType?: string, samples: Table, markers: Table, stackTable: Table, frameTable: Table, stringTable?: string[] }} GeckoThread
 * @typedef {{ meta: any, threads: GeckoThread[], processes?: GeckoProfile[], shared?: { stringArray?: string[] } }} GeckoProfile
 * @typedef {{ startMs: number, wallMs: number, threadMs: number, glossMs: number, hostMs: number, owner: 'gloss' | 'page' }} LongTask
 * @typedef {object} GeckoAttribution
 * @property {{ startMs: number, loadMs: number, endMs: number, complete: boolean }} window ms on the profile's clock
 * @property {number} glossScriptMs CPU of samples in Gloss's stacks (not style/layout)
 * @property {number} hostMs CPU of Firefox's extension code for Gloss (compiling, injecting, messages)
 * @property {number} glossRenderMs style/layout/paint CPU Gloss forced or caused
 * @property {number} glossForcedMs the part of it inside Gloss's own stacks
 * @property {{ script: number, render: number, host: number, driver: number, profiler: number, other: number, total: number }} cpuMs
 *   all CPU of the thread in the window: script (JavaScript, DOM, GC / CC categories, Gloss's and the
 *   host's included, the driver's apart),
 *   render (Layout, Graphics), the driver's, the profiler's, the rest; total is everything but Idle
 * @property {LongTask[]} longTasks
 * @property {Record<string, number>} measures Gloss's `gloss:*` measures in the window (ms, summed by name)
 * @property {number} glossMeasuredMainThreadMs the main-thread ones of them, summed
 * @property {number} samples samples in the window
 */

/** Every thread of every process in the profile. @param {GeckoProfile} profile @returns {GeckoThread[]} */
function allThreads(profile) {
  return [...profile.threads, ...(profile.processes ?? []).flatMap(allThreads)];
}

/** Milliseconds per unit of `threadCPUDelta`. @param {GeckoProfile} profile */
function cpuUnitMs(profile) {
  const unit = profile.meta?.sampleUnits?.threadCPUDelta;
  if (unit === 'ns') return 1e-6;
  if (unit === 'µs') return 1e-3;
  throw new Error(`threadCPUDelta in ${unit}: no time unit (was the "cpu" feature on?)`);
}

/**
 * The visit's marks: the page's main thread holding the UserTiming mark `loadMark`.
 * @param {GeckoProfile} profile @param {string} loadMark
 */
export function findPageThread(profile, loadMark) {
  for (const thread of allThreads(profile)) {
    const strings = thread.stringTable ?? profile.shared?.stringArray ?? [];
    const m = thread.markers.schema;
    const data = /** @type {number} */ (m.data);
    const found = thread.markers.data.some((row) => row[data]?.type === 'UserTiming' && row[data].name === loadMark);
    if (found) return { thread, strings };
  }
  return null;
}

/**
 * Attributes the main-thread work of one visit. The harness leaves two marks in the page:
 * `originMark` at 0 and `loadMark` at the navigation's `loadEventStart` (`performance.mark(name,
 * { startTime })`), which the profile records on its own clock.
 * @param {GeckoProfile} profile
 * @param {{ originMark: string, loadMark: string, extensionOrigin: string, windowMs?: number }} options
 * @returns {GeckoAttribution}
 */
export function attributeProfile(profile, { originMark, loadMark, extensionOrigin, windowMs = 5_000 }) {
  const found = findPageThread(profile, loadMark);
  if (!found) throw new Error(`No thread holds the mark ${loadMark}`);
  const { thread, strings } = found;
  const categories = /** @type {{ name: string }[]} */ (profile.meta.categories).map((c) => c.name);
  const unitMs = cpuUnitMs(profile);

  // Stacks: whose, and of which category (memoized along the prefix chain).
  const st = thread.stackTable;
  const ft = thread.frameTable;
  const [sPrefix, sFrame] = [/** @type {number} */ (st.schema.prefix), /** @type {number} */ (st.schema.frame)];
  const [fLocation, fCategory] = [/** @type {number} */ (ft.schema.location), /** @type {number} */ (ft.schema.category)];
  const extension = `${extensionOrigin}/`;
  /** @type {('gloss' | 'host' | 'driver' | null)[]} */
  const ownerOfStack = [];
  /** @type {number[]} */
  const categoryOfStack = [];
  st.data.forEach((row, i) => {
    // A prefix always comes before the stacks that extend it.
    const prefix = row[sPrefix];
    const frame = /** @type {any[]} */ (ft.data[row[sFrame]]);
    const location = strings[frame[fLocation]] ?? '';
    const own = location.includes(extension) ? 'gloss' : location.includes(HOST) ? 'host' : location.includes('chrome://remote/') ? 'driver' : null;
    const inherited = prefix == null ? null : (ownerOfStack[prefix] ?? null);
    // Gloss's frame anywhere in the stack makes it Gloss's (the host evaluates Gloss's scripts), and
    // the host's makes it the host's even under the driver's.
    ownerOfStack[i] = OWNER_RANK.find((o) => o === own || o === inherited) ?? null;
    categoryOfStack[i] = frame[fCategory] ?? (prefix == null ? categories.indexOf('Other') : /** @type {number} */ (categoryOfStack[prefix]));
  });
  const categoryName = (/** @type {number | null} */ stack) => (stack == null ? 'Other' : (categories[/** @type {number} */ (categoryOfStack[stack])] ?? 'Other'));

  // Markers: the visit's marks, Gloss's measures, style/layout intervals with their causes, long tasks.
  const mk = thread.markers.schema;
  const [mName, mStart, mEnd, mPhase, mData] = ['name', 'startTime', 'endTime', 'phase', 'data'].map((k) => /** @type {number} */ (mk[k]));
  /** @type {Map<string, number>} */
  const marks = new Map();
  /** @type {{ name: string, start: number, end: number }[]} */
  const spans = [];
  /** @type {{ start: number, end: number, gloss: boolean }[]} */
  const renders = [];
  /** @type {{ start: number, end: number }[]} */
  const longMarkers = [];
  /** @type {Map<string, any[][]>} interval starts waiting for their end, by name */
  const open = new Map();
  /** @param {any} data */
  const causeIsGloss = (data) => {
    const cause = data?.stack?.samples;
    const stack = cause?.data?.[0]?.[cause.schema.stack];
    return stack != null && ownerOfStack[stack] === 'gloss';
  };
  for (const row of thread.markers.data) {
    const name = strings[row[/** @type {number} */ (mName)]] ?? '';
    const data = row[/** @type {number} */ (mData)];
    const phase = row[/** @type {number} */ (mPhase)];
    /** @type {[number, number, any] | null} */
    let interval = null;
    if (phase === 1) interval = [row[/** @type {number} */ (mStart)], row[/** @type {number} */ (mEnd)], data];
    else if (phase === 2) open.set(name, [...(open.get(name) ?? []), row]);
    else if (phase === 3) {
      const begun = open.get(name)?.pop();
      if (begun) interval = [begun[/** @type {number} */ (mStart)], row[/** @type {number} */ (mEnd)], begun[/** @type {number} */ (mData)]];
    } else if (data?.type === 'UserTiming' && data.entryType === 'mark') marks.set(data.name, row[/** @type {number} */ (mStart)]);
    if (!interval) continue;
    const [start, end, d] = interval;
    if (d?.type === 'UserTiming' && typeof d.name === 'string' && d.name.startsWith('gloss:')) spans.push({ name: d.name, start, end });
    else if (d?.type === 'MainThreadLongTask') longMarkers.push({ start, end });
    else if (RENDER_MARKERS.has(name)) renders.push({ start, end, gloss: causeIsGloss(d) });
  }
  const origin = marks.get(originMark);
  const load = marks.get(loadMark);
  if (origin == null || load == null) throw new Error(`The marks ${originMark} and ${loadMark} are not both in the profile`);
  const start = origin;
  const end = load + windowMs;
  const glossRenders = renders.filter((r) => r.gloss && r.end >= start && r.start < end).sort((a, b) => a.start - b.start);

  // Samples in the window, each with its CPU delta (the CPU used since the sample before: the
  // work that led up to this stack, which after a wake-up is the current task's).
  const sm = thread.samples.schema;
  const [sStack, sTime, sCpu] = [/** @type {number} */ (sm.stack), /** @type {number} */ (sm.time), /** @type {number} */ (sm.threadCPUDelta)];
  /** @type {{ time: number, cpu: number, gloss: boolean, host: boolean, glossRender: boolean }[]} */
  const inWindow = [];
  const cpuMs = { script: 0, render: 0, host: 0, driver: 0, profiler: 0, other: 0, total: 0 };
  let glossScriptMs = 0;
  let glossForcedMs = 0;
  let glossCausedMs = 0;
  let lastTime = -Infinity;
  let r = 0;
  for (const row of thread.samples.data) {
    const time = row[sTime];
    lastTime = Math.max(lastTime, time);
    if (time < start || time >= end) continue;
    const stack = row[sStack];
    const cpu = (row[sCpu] ?? 0) * unitMs;
    const category = categoryName(stack);
    const owner = stack == null ? null : ownerOfStack[stack];
    const render = RENDER_CATEGORIES.has(category);
    while (r < glossRenders.length && /** @type {{ end: number }} */ (glossRenders[r]).end < time) r++;
    const inGlossRender = glossRenders.slice(r).some((x) => x.start <= time && time <= x.end);
    let gloss = false;
    let glossRender = false;
    if (category !== 'Idle') cpuMs.total += cpu;
    if (category === 'Idle') {
      // nothing: waiting
    } else if (category === 'Profiler') cpuMs.profiler += cpu;
    else if (owner === 'gloss') {
      gloss = true;
      if (render) {
        glossForcedMs += cpu;
        glossRender = true;
        cpuMs.render += cpu;
      } else {
        glossScriptMs += cpu;
        cpuMs.script += cpu;
      }
    } else if (owner === 'host') {
      cpuMs.host += cpu;
      cpuMs.script += cpu;
    }
    else if (owner === 'driver') cpuMs.driver += cpu;
    else if (render) {
      cpuMs.render += cpu;
      if (inGlossRender) {
        glossCausedMs += cpu;
        glossRender = true;
      }
    } else if (category === 'JavaScript' || category === 'DOM' || category === 'GC / CC') cpuMs.script += cpu;
    else cpuMs.other += cpu;
    inWindow.push({ time, cpu, gloss, host: owner === 'host' && category !== 'Idle', glossRender });
  }

  // Long tasks: Firefox's markers, over 50 ms of wall time; a task over 50 ms of CPU is among them
  // (its wall time is at least its CPU time).
  /** @type {LongTask[]} */
  const longTasks = [];
  for (const task of longMarkers.filter((t) => t.end >= start && t.start < end).sort((a, b) => a.start - b.start)) {
    const inside = inWindow.filter((s) => s.time > task.start && s.time <= task.end);
    const glossMs = inside.filter((s) => s.gloss || s.glossRender).reduce((sum, s) => sum + s.cpu, 0);
    const hostMs = inside.filter((s) => s.host).reduce((sum, s) => sum + s.cpu, 0);
    const glossCause = glossRenders.some((x) => x.start < task.end && x.end > task.start);
    longTasks.push({
      startMs: task.start - load,
      wallMs: task.end - task.start,
      threadMs: inside.reduce((sum, s) => sum + s.cpu, 0),
      glossMs,
      hostMs,
      owner: glossMs > 0 || hostMs > 0 || glossCause ? 'gloss' : 'page',
    });
  }

  /** @type {Record<string, number>} */
  const measures = {};
  for (const s of spans.filter((x) => x.start >= start && x.start < end)) measures[s.name] = (measures[s.name] ?? 0) + (s.end - s.start);
  return {
    window: { startMs: start, loadMs: load, endMs: end, complete: lastTime >= end },
    glossScriptMs,
    hostMs: cpuMs.host,
    glossRenderMs: glossForcedMs + glossCausedMs,
    glossForcedMs,
    cpuMs,
    longTasks,
    measures,
    glossMeasuredMainThreadMs: spans.filter((s) => MAIN_THREAD_MEASURES.test(s.name) && s.start >= start && s.start < end).reduce((sum, s) => sum + (s.end - s.start), 0),
    samples: inWindow.length,
  };
}
