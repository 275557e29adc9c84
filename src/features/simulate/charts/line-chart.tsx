/** A multi-series line chart with shaded bands and reference lines (the herd's server load). */

import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import {
  LegendItem,
  Marker,
  XAxis,
  YAxis,
  axisText,
  seriesStyles,
  useElementWidth,
} from '../../../components/charts/chart-parts';

const M = { left: 64, right: 20, top: 28, bottom: 48 };

export interface LineSeries {
  readonly label: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/** Lines on linear axes, with optional shaded x-bands and horizontal reference lines. */
export function LineChart({
  series,
  label,
  xLabel,
  yLabel,
  formatX,
  formatY,
  bands = [],
  references = [],
  height = 280,
  xTicks,
}: {
  series: readonly LineSeries[];
  label: string;
  xLabel: string;
  yLabel: string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  bands?: readonly { from: number; to: number; label: string }[];
  references?: readonly { y: number; label: string }[];
  height?: number;
  xTicks?: (domainMax: number, count: number) => number[];
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const points = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.y));
  const xMax = Math.max(1, max(points, (p) => p.x) ?? 1, ...bands.map((b) => b.to));
  const xMin = Math.min(0, ...points.map((p) => p.x));
  const yMax = Math.max(1, max(points, (p) => p.y) ?? 1, ...references.map((r) => r.y * 1.1));
  const x = scaleLinear()
    .domain([xMin, xMax])
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0, yMax])
    .nice()
    .range([height - M.bottom, M.top]);
  const count = Math.max(2, Math.floor((width - M.left - M.right) / 90));
  const ticks = xTicks ? xTicks(xMax, count) : x.ticks(count);
  const path = line<{ x: number; y: number }>()
    .defined((p) => Number.isFinite(p.y))
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  return (
    <div ref={ref} className="w-full space-y-1">
      <svg width={width} height={height} role="img" aria-label={label} className="block">
        {bands.map((b) => (
          <g key={b.label}>
            <rect
              x={x(b.from)}
              y={M.top}
              width={Math.max(1, x(b.to) - x(b.from))}
              height={height - M.top - M.bottom}
              className="fill-rose-100 dark:fill-rose-950"
            />
            <text x={x(b.from) + 4} y={M.top + 12} className={axisText}>
              {b.label}
            </text>
          </g>
        ))}
        <YAxis
          scale={y}
          x={M.left}
          ticks={y.ticks(5)}
          format={formatY}
          label={yLabel}
          gridRight={width - M.right}
        />
        <XAxis scale={x} y={height - M.bottom} ticks={ticks} format={formatX} label={xLabel} />
        {references.map((r) => (
          <g key={r.label}>
            <line
              x1={M.left}
              x2={width - M.right}
              y1={y(r.y)}
              y2={y(r.y)}
              strokeWidth="1.5"
              strokeDasharray="3 3"
              className="stroke-rose-700 dark:stroke-rose-400"
            />
            <text x={width - M.right} y={y(r.y) - 4} textAnchor="end" className={axisText}>
              {r.label}
            </text>
          </g>
        ))}
        {series.map((s, i) => {
          const st = seriesStyles[i % seriesStyles.length]!;
          const few = s.points.length <= 40;
          return (
            <g key={s.label}>
              <path
                d={path([...s.points]) ?? ''}
                fill="none"
                strokeWidth="2"
                strokeDasharray={st.dash}
                className={st.stroke}
              />
              {few &&
                s.points
                  .filter((p) => Number.isFinite(p.y))
                  .map((p) => (
                    <Marker
                      key={p.x}
                      shape={st.shape}
                      x={x(p.x)}
                      y={y(p.y)}
                      size={3.5}
                      className={st.fill}
                    />
                  ))}
            </g>
          );
        })}
      </svg>
      <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
        {series.map((s, i) => (
          <LegendItem key={s.label} style={seriesStyles[i % seriesStyles.length]!}>
            {s.label}
          </LegendItem>
        ))}
      </ul>
    </div>
  );
}
