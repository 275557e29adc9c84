/** A histogram as an SVG bar chart (total wait over many runs). */

import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { Bar } from './chart-data';
import { XAxis, YAxis, useElementWidth } from '../../../components/charts/chart-parts';
import { formatCount } from '../../../lib/format';

const M = { left: 56, right: 16, top: 20, bottom: 44 };

/** Counts per bin as bars (x = value, y = count). */
export function HistogramChart({
  bars,
  label,
  xLabel,
  format,
  height = 220,
}: {
  bars: Bar[];
  label: string;
  xLabel: string;
  format: (v: number) => string;
  height?: number;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const lo = bars[0]?.x0 ?? 0;
  let hi = bars[bars.length - 1]?.x1 ?? 1;
  if (hi <= lo) hi = lo + 1;
  const x = scaleLinear()
    .domain([lo, hi])
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0, max(bars, (b) => b.count) ?? 1])
    .nice()
    .range([height - M.bottom, M.top]);
  const single = bars.length === 1 || (bars[0]?.x0 ?? 0) === (bars[bars.length - 1]?.x1 ?? 0);
  return (
    <div ref={ref} className="w-full">
      <svg width={width} height={height} role="img" aria-label={label} className="block">
        <YAxis
          scale={y}
          x={M.left}
          ticks={y.ticks(4)}
          format={formatCount}
          label="runs"
          gridRight={width - M.right}
        />
        <XAxis
          scale={x}
          y={height - M.bottom}
          ticks={x.ticks(Math.max(2, Math.floor(width / 110)))}
          format={format}
          label={xLabel}
        />
        {bars.map((b, i) => {
          const x0 = single ? (M.left + width - M.right) / 2 - 20 : x(b.x0);
          const w = single ? 40 : Math.max(1, x(b.x1) - x(b.x0) - 1);
          return (
            <rect
              key={i}
              x={x0}
              y={y(b.count)}
              width={w}
              height={Math.max(0, y(0) - y(b.count))}
              className="fill-sky-700 dark:fill-sky-400"
            >
              <title>{`${format(b.x0)} – ${format(b.x1)}: ${formatCount(b.count)} runs`}</title>
            </rect>
          );
        })}
      </svg>
    </div>
  );
}
