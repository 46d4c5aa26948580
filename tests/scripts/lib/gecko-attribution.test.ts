import { describe, expect, it } from 'vitest';
import { attributeProfile } from '../../../scripts/lib/gecko-attribution.mjs';

// A Gecko profile made by hand, in the layout Firefox 153 writes (tables of schema and rows,
// strings by index): one page thread in a child process, with one sample or marker for each case
// the rules decide. CPU deltas are in µs, chosen so each figure below adds up by hand.
const EXTENSION = 'moz-extension://0f1e2d3c-aaaa-bbbb-cccc-123456789abc';
const categories = ['Idle', 'Other', 'Layout', 'JavaScript', 'GC / CC', 'Graphics', 'DOM', 'Profiler'].map((name) => ({ name }));
const cat = (name: string) => categories.findIndex((c) => c.name === name);
const strings = [
  `paint (${EXTENSION}/content-scripts/gloss.js:1:1)`, // 0
  'render (http://127.0.0.1:8000/page.js:1:1)', // 1
  'inject (resource://gre/modules/ExtensionContent.sys.mjs:1:1)', // 2
  'PresShell::DoReflow', // 3
  'Idle', // 4
  'UserTiming', // 5
  'Styles', // 6
  'MainThreadLongTask', // 7
];
// Frames: [location, category].
const frames = [
  [0, cat('JavaScript')], // 0 Gloss
  [1, cat('JavaScript')], // 1 the page
  [2, cat('JavaScript')], // 2 Firefox's extension code
  [3, cat('Layout')], // 3 layout
  [4, cat('Idle')], // 4 waiting
];
// Stacks: [prefix, frame].
const stacks = [
  [null, 1], // 0 the page's script
  [null, 0], // 1 Gloss's script
  [1, 3], // 2 layout Gloss's script forced
  [null, 2], // 3 the host
  [null, 3], // 4 layout on its own
  [null, 4], // 5 idle
];
const cause = (stack: number, time: number) => ({ samples: { schema: { stack: 0, time: 1 }, data: [[stack, time]] } });
const mark = (name: string, time: number) => [5, time, null, 0, 0, { type: 'UserTiming', name, entryType: 'mark' }];
const profile = {
  meta: { categories, sampleUnits: { threadCPUDelta: 'µs' } },
  threads: [],
  processes: [
    {
      meta: {},
      threads: [
        {
          name: 'GeckoMain',
          stringTable: strings,
          frameTable: { schema: { location: 0, category: 1 }, data: frames },
          stackTable: { schema: { prefix: 0, frame: 1 }, data: stacks },
          samples: {
            schema: { stack: 0, time: 1, threadCPUDelta: 2 },
            data: [
              [0, 10, 1_000],
              [1, 20, 2_000],
              [2, 30, 500],
              [3, 40, 3_000],
              [4, 205, 4_000], // inside the restyle Gloss caused
              [4, 255, 1_500], // inside the page's own restyle
              [1, 310, 10_000], // in the first long task
              [0, 360, 5_000], // in the first long task
              [0, 420, 20_000], // in the second, the page's
              [5, 500, 7_000], // idle: not work
              [1, 6_000, 30_000], // after the window
            ],
          },
          markers: {
            schema: { name: 0, startTime: 1, endTime: 2, phase: 3, category: 4, data: 5 },
            data: [
              mark('bench:origin', 0),
              mark('bench:load', 100),
              [5, 150, 160, 1, 0, { type: 'UserTiming', name: 'gloss:map', entryType: 'measure' }],
              [6, 200, 210, 1, 0, { type: 'Styles', stack: cause(1, 199) }],
              [6, 250, 260, 1, 0, { type: 'Styles', stack: cause(0, 249) }],
              [7, 300, 370, 1, 0, { type: 'MainThreadLongTask' }],
              [7, 400, 460, 1, 0, { type: 'MainThreadLongTask' }],
            ],
          },
        },
      ],
    },
  ],
};
const result = attributeProfile(profile, { originMark: 'bench:origin', loadMark: 'bench:load', extensionOrigin: EXTENSION });

describe('scripts/lib/gecko-attribution', () => {
  it('finds the page thread by the bench’s marks and takes the window from navigation to 5 s after load', () => {
    expect(result.window).toEqual({ startMs: 0, loadMs: 100, endMs: 5_100, complete: true });
    expect(result.samples).toBe(10);
  });

  it("gives script to Gloss by its frames, Firefox's extension code to the host, and the rest to the page", () => {
    expect(result.glossScriptMs).toBeCloseTo(12);
    expect(result.hostMs).toBeCloseTo(3);
    // Gloss 12, host 3, the page 1 + 5 + 20; idle and the sample after the window are not counted.
    expect(result.cpuMs.script).toBeCloseTo(41);
  });

  it('gives Gloss the layout its script forced and the restyle it caused, the page its own', () => {
    expect(result.glossForcedMs).toBeCloseTo(0.5);
    expect(result.glossRenderMs).toBeCloseTo(4.5);
    expect(result.cpuMs.render).toBeCloseTo(6);
    expect(result.cpuMs.total).toBeCloseTo(47);
  });

  it('calls a long task Gloss’s when it holds Gloss’s work, the page’s own otherwise', () => {
    expect(result.longTasks.map((t) => ({ ...t, threadMs: Math.round(t.threadMs), glossMs: Math.round(t.glossMs) }))).toEqual([
      { startMs: 200, wallMs: 70, threadMs: 15, glossMs: 10, hostMs: 0, owner: 'gloss' },
      { startMs: 300, wallMs: 60, threadMs: 20, glossMs: 0, hostMs: 0, owner: 'page' },
    ]);
  });

  it("sums Gloss's own measures in the window", () => {
    expect(result.measures).toEqual({ 'gloss:map': 10 });
    expect(result.glossMeasuredMainThreadMs).toBe(10);
  });

  it('refuses a profile without the marks', () => {
    expect(() => attributeProfile(profile, { originMark: 'bench:origin', loadMark: 'bench:other', extensionOrigin: EXTENSION })).toThrow('No thread holds the mark bench:other');
  });
});
