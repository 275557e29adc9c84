/** Replay: the run drawn on a time axis: attempts as marks, waits as bars. */
import { scaleLinear } from 'd3-scale';
import {
  XAxis,
  axisText,
  niceTimeTicks,
  useElementWidth,
} from '../../components/charts/chart-parts';
import { formatDuration } from '../../lib/format';
import type { TimelineRow } from '../../core/replay/explain';

const LEFT = 16;
const RIGHT = 24;
const TOP = 22;
const BAND = 22;
const BOTTOM = 40;

function markClass(row: TimelineRow): string {
  if (row.networkError || (row.abort && row.status === undefined))
    return 'fill-amber-600 stroke-amber-900 dark:fill-amber-400 dark:stroke-amber-100';
  if (row.status === undefined) return 'fill-slate-400 stroke-slate-700';
  const broken = row.streamEnd !== undefined && row.streamEnd !== 'complete';
  if (row.status >= 400 || broken)
    return 'fill-rose-700 stroke-rose-950 dark:fill-rose-400 dark:stroke-rose-100';
  return 'fill-emerald-700 stroke-emerald-950 dark:fill-emerald-400 dark:stroke-emerald-100';
}

/**
 * The run on one virtual time axis: each attempt a mark (its own duration a thin bar when it
 * took time: latency, a stream), each wait before the next attempt a bar. The table above says
 * the same in words; this drawing is for the shape.
 */
export function TimeStrip({ rows, endT }: { rows: readonly TimelineRow[]; endT: number }) {
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const domain = Math.max(endT, ...rows.map((r) => r.endT), 1);
  const x = scaleLinear()
    .domain([0, domain])
    .range([LEFT, width - RIGHT]);
  const ticks = niceTimeTicks(domain, Math.max(2, Math.floor((width - LEFT - RIGHT) / 90)));
  const height = TOP + BAND + BOTTOM;
  const y = TOP + BAND / 2;
  const label = `${rows.length} ${rows.length === 1 ? 'attempt' : 'attempts'} over ${formatDuration(domain)} of virtual time${
    rows.length > 1
      ? `; waits ${rows
          .filter((r) => r.waitMs !== undefined)
          .map((r) => formatDuration(r.waitMs!))
          .join(', ')}`
      : ''
  }.`;
  // Label an attempt only when it is far enough from the previous label.
  const labelled: boolean[] = [];
  let lastLabel = -Infinity;
  for (const row of rows) {
    const cx = x(row.t);
    labelled.push(cx - lastLabel > 22);
    if (labelled.at(-1)) lastLabel = cx;
  }
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-semibold">The run on a time axis</figcaption>
      <div ref={ref} className="w-full" data-testid="replay-strip">
        <svg width={width} height={height} role="img" aria-label={label} className="block">
          {rows.map((row, i) => {
            const x0 = x(row.endT);
            const wait =
              row.waitMs !== undefined && row.waitMs > 0 ? (
                <rect
                  key={`w${row.attempt}`}
                  x={x0}
                  y={y - 4}
                  width={Math.max(1, x(row.endT + row.waitMs) - x0)}
                  height={8}
                  rx={2}
                  className="fill-sky-600/70 dark:fill-sky-400/70"
                />
              ) : null;
            const busy =
              row.endT > row.t ? (
                <rect
                  key={`b${row.attempt}`}
                  x={x(row.t)}
                  y={y - 1.5}
                  width={Math.max(1, x(row.endT) - x(row.t))}
                  height={3}
                  className="fill-slate-500 dark:fill-slate-400"
                />
              ) : null;
            const cx = x(row.t);
            const showLabel = labelled[i];
            return (
              <g key={row.attempt}>
                {wait}
                {busy}
                <circle cx={cx} cy={y} r={6} strokeWidth={1.5} className={markClass(row)} />
                {showLabel && (
                  <text x={cx} y={TOP - 6} textAnchor="middle" className={axisText}>
                    {row.attempt}
                  </text>
                )}
              </g>
            );
          })}
          <XAxis scale={x} y={TOP + BAND + 2} ticks={ticks} format={formatDuration} />
        </svg>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
        <li>
          <span aria-hidden="true" className="text-emerald-700 dark:text-emerald-400">
            ●
          </span>{' '}
          answered
        </li>
        <li>
          <span aria-hidden="true" className="text-rose-700 dark:text-rose-400">
            ●
          </span>{' '}
          error status or broken stream
        </li>
        <li>
          <span aria-hidden="true" className="text-amber-600 dark:text-amber-400">
            ●
          </span>{' '}
          no response (network error, timeout)
        </li>
        <li>
          <span aria-hidden="true" className="text-sky-600 dark:text-sky-400">
            ▬
          </span>{' '}
          wait before the next attempt
        </li>
      </ul>
    </figure>
  );
}
