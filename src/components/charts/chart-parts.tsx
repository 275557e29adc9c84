/** Pieces every simulator chart shares: axes, markers, series styles, legend, figure, sizing. */

import { startTransition, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ScaleContinuousNumeric } from 'd3-scale';

/**
 * The width of a container, following resizes (charts draw at real pixel sizes). The first width
 * comes from the ResizeObserver's first report, after the browser's own layout, rather than from
 * reading the layout during the commit (a forced reflow); the redraw at that width is a transition,
 * so it never holds the main thread for the whole chart.
 */
export function useElementWidth<T extends HTMLElement>(initial = 720) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const show = (measured: number) =>
      startTransition(() => setWidth(Math.max(280, Math.floor(measured))));
    if (typeof ResizeObserver === 'undefined') {
      show(el.getBoundingClientRect().width);
      return;
    }
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.borderBoxSize[0];
      show(box ? box.inlineSize : el.getBoundingClientRect().width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** An id that is safe inside `url(#…)`. */
export function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

export const axisText = 'fill-slate-600 text-[11px] dark:fill-slate-300';
export const gridLine = 'stroke-slate-200 dark:stroke-slate-800';
export const axisLine = 'stroke-slate-400 dark:stroke-slate-500';

type Scale = ScaleContinuousNumeric<number, number>;

export function XAxis({
  scale,
  y,
  ticks,
  format,
  label,
  gridTop,
}: {
  scale: Scale;
  y: number;
  ticks: number[];
  format: (v: number) => string;
  label?: string;
  /** Draw vertical grid lines up to this y. */
  gridTop?: number;
}) {
  const [x0, x1] = scale.range() as [number, number];
  return (
    <g aria-hidden="true">
      {gridTop !== undefined &&
        ticks.map((t) => (
          <line
            key={`g${t}`}
            x1={scale(t)}
            x2={scale(t)}
            y1={gridTop}
            y2={y}
            className={gridLine}
          />
        ))}
      <line x1={x0} x2={x1} y1={y} y2={y} className={axisLine} />
      {ticks.map((t) => (
        <g key={t} transform={`translate(${scale(t)},${y})`}>
          <line y2={5} className={axisLine} />
          <text y={17} textAnchor="middle" className={axisText}>
            {format(t)}
          </text>
        </g>
      ))}
      {label && (
        <text x={x1} y={y + 32} textAnchor="end" className={axisText}>
          {label}
        </text>
      )}
    </g>
  );
}

export function YAxis({
  scale,
  x,
  ticks,
  format,
  label,
  gridRight,
}: {
  scale: Scale;
  x: number;
  ticks: number[];
  format: (v: number) => string;
  label?: string;
  gridRight?: number;
}) {
  const [y0, y1] = scale.range() as [number, number];
  return (
    <g aria-hidden="true">
      {gridRight !== undefined &&
        ticks.map((t) => (
          <line
            key={`g${t}`}
            x1={x}
            x2={gridRight}
            y1={scale(t)}
            y2={scale(t)}
            className={gridLine}
          />
        ))}
      <line x1={x} x2={x} y1={y0} y2={y1} className={axisLine} />
      {ticks.map((t) => (
        <g key={t} transform={`translate(${x},${scale(t)})`}>
          <line x2={-5} className={axisLine} />
          <text x={-8} dy="0.32em" textAnchor="end" className={axisText}>
            {format(t)}
          </text>
        </g>
      ))}
      {label && (
        <text x={x} y={Math.min(y0, y1) - 10} textAnchor="start" className={axisText}>
          {label}
        </text>
      )}
    </g>
  );
}

/** Series styles: colour, marker shape and dash, so no series is told apart by colour alone. */
export const seriesStyles = [
  {
    stroke: 'stroke-sky-700 dark:stroke-sky-300',
    fill: 'fill-sky-700 dark:fill-sky-300',
    dash: undefined,
    shape: 'circle',
    name: 'circle, solid line',
  },
  {
    stroke: 'stroke-amber-700 dark:stroke-amber-300',
    fill: 'fill-amber-700 dark:fill-amber-300',
    dash: '7 4',
    shape: 'square',
    name: 'square, dashed line',
  },
  {
    stroke: 'stroke-emerald-700 dark:stroke-emerald-300',
    fill: 'fill-emerald-700 dark:fill-emerald-300',
    dash: '2 3',
    shape: 'triangle',
    name: 'triangle, dotted line',
  },
  {
    stroke: 'stroke-fuchsia-700 dark:stroke-fuchsia-300',
    fill: 'fill-fuchsia-700 dark:fill-fuchsia-300',
    dash: '9 3 2 3',
    shape: 'diamond',
    name: 'diamond, dash-dot line',
  },
  {
    stroke: 'stroke-slate-700 dark:stroke-slate-200',
    fill: 'fill-slate-700 dark:fill-slate-200',
    dash: '12 4',
    shape: 'cross',
    name: 'cross, long-dashed line',
  },
] as const;

export type SeriesStyle = (typeof seriesStyles)[number];

export function Marker({
  shape,
  x,
  y,
  size = 4.5,
  className,
}: {
  shape: SeriesStyle['shape'];
  x: number;
  y: number;
  size?: number;
  className: string;
}) {
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={size} className={className} />;
    case 'square':
      return (
        <rect x={x - size} y={y - size} width={size * 2} height={size * 2} className={className} />
      );
    case 'triangle':
      return (
        <path
          d={`M${x},${y - size * 1.2}L${x + size * 1.1},${y + size * 0.8}L${x - size * 1.1},${y + size * 0.8}Z`}
          className={className}
        />
      );
    case 'diamond':
      return (
        <path
          d={`M${x},${y - size * 1.3}L${x + size * 1.1},${y}L${x},${y + size * 1.3}L${x - size * 1.1},${y}Z`}
          className={className}
        />
      );
    case 'cross': {
      const a = size * 0.45;
      const b = size * 1.2;
      return (
        <path
          d={`M${x - b},${y - b + a}L${x - b + a},${y - b}L${x},${y - a}L${x + b - a},${y - b}L${x + b},${y - b + a}L${x + a},${y}L${x + b},${y + b - a}L${x + b - a},${y + b}L${x},${y + a}L${x - b + a},${y + b}L${x - b},${y + b - a}L${x - a},${y}Z`}
          className={className}
        />
      );
    }
  }
}

/** A legend entry: a small sample of the line and marker, and its name. */
export function LegendItem({ style, children }: { style: SeriesStyle; children: ReactNode }) {
  return (
    <li className="inline-flex items-center gap-1.5">
      <svg width="30" height="12" aria-hidden="true" className="shrink-0">
        <line
          x1="1"
          x2="29"
          y1="6"
          y2="6"
          strokeWidth="2"
          strokeDasharray={style.dash}
          className={style.stroke}
        />
        <Marker shape={style.shape} x={15} y={6} size={3.5} className={style.fill} />
      </svg>
      <span>{children}</span>
    </li>
  );
}

/** A chart with a caption, and its data as a table behind a disclosure. */
export function ChartFigure({
  title,
  description,
  children,
  table,
  legend,
  chartRef,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  table?: ReactNode;
  legend?: ReactNode;
  chartRef?: React.Ref<HTMLDivElement>;
}) {
  return (
    <figure className="space-y-2">
      <figcaption>
        <span className="font-semibold">{title}</span>
        {description && (
          <span className="block text-sm text-slate-600 dark:text-slate-400">{description}</span>
        )}
      </figcaption>
      <div ref={chartRef} className="w-full">
        {children}
      </div>
      {legend}
      {table && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
            The data as a table
          </summary>
          <div className="mt-2 overflow-x-auto">{table}</div>
        </details>
      )}
    </figure>
  );
}

export function niceTimeTicks(domainMs: number, count: number): number[] {
  // Ticks at round seconds / minutes rather than arbitrary milliseconds.
  const steps = [
    1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 20_000, 30_000,
    60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000,
  ];
  const raw = domainMs / Math.max(1, count);
  const step = steps.find((s) => s >= raw) ?? Math.ceil(raw / 3_600_000) * 3_600_000;
  const out: number[] = [];
  for (let t = 0; t <= domainMs + 1e-9; t += step) out.push(t);
  return out;
}
