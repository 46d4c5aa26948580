/**
 * Bars per month or per ISO week, one color per series, side by side: plain SVG drawn by Preact. A chart library
 * (uPlot, ~48 KB min) draws on a canvas and would add a dependency for what is here a few dozen
 * rectangles; SVG is exportable as it is, readable by a screen reader through its table twin,
 * and follows the page's colors in dark mode. Saved as SVG or PNG (drawn on a canvas locally).
 */
import { useRef } from 'preact/hooks';
import { download } from './download';
import { periodGrid, type Series, type Unit } from './chart-data';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 36, right: 8, top: 10, bottom: 38 };
/** Series colors, told apart also by their order in the legend (and each bar's title). */
export const SERIES_COLORS = ['#b4531a', '#2f6db5', '#3f8f4f', '#8a4fb0', '#b8860b', '#c0392b'];

/** Ticks of the value axis: 0, the top, and the middle when it is a whole number. */
function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const mid = max / 2;
  return Number.isInteger(mid) && mid > 0 ? [0, mid, max] : [0, max];
}

export function BarChart({ series, title, file, unit = 'month' }: { series: readonly Series[]; title: string; file: string; unit?: Unit }) {
  const svg = useRef<SVGSVGElement>(null);
  const grid = periodGrid(series, unit);
  if (!grid.periods.length) return <p class="muted">Nothing to chart yet.</p>;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / grid.periods.length;
  const bar = Math.max(1, (slot * 0.8) / series.length);
  const y = (value: number) => PAD.top + plotH - (grid.max ? (value / grid.max) * plotH : 0);
  const labelEvery = Math.ceil(grid.periods.length / 12);

  const saveSvg = () => svg.current && download(`${file}.svg`, 'image/svg+xml', serialize(svg.current));
  const savePng = () => svg.current && void toPng(svg.current).then((png) => download(`${file}.png`, 'image/png', png));

  return (
    <figure class="chart">
      <svg ref={svg} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} data-testid="bar-chart">
        <title>{title}</title>
        {ticks(grid.max).map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="currentColor" stroke-opacity="0.2" />
            <text x={PAD.left - 4} y={y(t) + 4} text-anchor="end" font-size="11" fill="currentColor">
              {t}
            </text>
          </g>
        ))}
        {grid.periods.map((period, m) => (
          <g key={period}>
            {grid.values.map((row, s) => {
              const value = row[m] ?? 0;
              return (
                <rect
                  key={s}
                  {...{ [`data-${unit}`]: period }}
                  data-series={series[s]?.label}
                  data-value={value}
                  x={PAD.left + m * slot + slot * 0.1 + s * bar}
                  y={y(value)}
                  width={bar}
                  height={PAD.top + plotH - y(value)}
                  fill={SERIES_COLORS[s % SERIES_COLORS.length]}
                >
                  <title>{`${series[s]?.label ?? ''}, ${period}: ${value}`}</title>
                </rect>
              );
            })}
            {m % labelEvery === 0 && (
              <text x={PAD.left + m * slot + slot / 2} y={HEIGHT - PAD.bottom + 16} text-anchor="middle" font-size="11" fill="currentColor">
                {period}
              </text>
            )}
          </g>
        ))}
      </svg>
      {series.length > 1 && (
        <figcaption class="legend">
          {series.map((s, i) => (
            <span key={s.label}>
              <span class="swatch" style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }} aria-hidden="true" /> {s.label}
            </span>
          ))}
        </figcaption>
      )}
      <div class="actions">
        <button type="button" onClick={saveSvg}>
          Save chart as SVG
        </button>
        <button type="button" onClick={savePng}>
          Save chart as PNG
        </button>
      </div>
    </figure>
  );
}

/** The chart as a standalone SVG file, its text colored as shown (currentColor resolved). */
export function serialize(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('color', getComputedStyle(svg).color || '#000');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The chart drawn on a canvas at twice its size, as PNG. */
async function toPng(svg: SVGSVGElement): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([serialize(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH * 2;
    canvas.height = HEIGHT * 2;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.fillStyle = getComputedStyle(document.body).backgroundColor || '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
