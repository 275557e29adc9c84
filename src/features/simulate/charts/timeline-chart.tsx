/** One call's attempts and waits on a time axis, with its legend. */

import { scaleLinear } from 'd3-scale';
import type { TimelineModel } from './chart-data';
import {
  XAxis,
  axisText,
  niceTimeTicks,
  useElementWidth,
  useSvgId,
} from '../../../components/charts/chart-parts';
import { formatDuration } from '../../../lib/format';

const ROW = 24;
const LEFT = 92;
const RIGHT = 56;
const TOP = 30;
const BOTTOM = 44;

const waitFill = {
  backoff: 'fill-sky-700 dark:fill-sky-400',
  'retry-after': 'fill-violet-700 dark:fill-violet-400',
} as const;

/**
 * Attempts and waits on one time axis: the sampled run on top, then each wait's possible range
 * (fixed part solid, jitter window hatched, faint line = everywhere it can fall given earlier
 * waits). Deadlines and the per-attempt timeout are vertical lines.
 */
export function TimelineChart({
  model,
  label,
  runLabel,
  showWaits = true,
}: {
  model: TimelineModel;
  /** Accessible name of the drawing. */
  label: string;
  runLabel: string;
  showWaits?: boolean;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const hatch = useSvgId('jitter');
  const raHatch = useSvgId('ra');
  const bars = showWaits ? model.bars : [];
  const rows = 1 + bars.length;
  const height = TOP + rows * ROW + BOTTOM;
  const x = scaleLinear()
    .domain([0, model.domainMs])
    .range([LEFT, width - RIGHT]);
  const ticks = niceTimeTicks(model.domainMs, Math.max(2, Math.floor((width - LEFT - RIGHT) / 80)));
  const rowY = (row: number) => TOP + row * ROW + ROW / 2;
  const axisY = TOP + rows * ROW + 4;

  // Label an attempt only when it is far enough from the previous label.
  const labelled: boolean[] = [];
  let lastLabelX = -Infinity;
  for (const m of model.marks) {
    const xs = x(m.startMs);
    const show = xs - lastLabelX > 30;
    if (show) lastLabelX = xs;
    labelled.push(show);
  }
  return (
    <div ref={ref} className="w-full overflow-x-auto">
      <svg width={width} height={height} role="img" aria-label={label} className="block">
        <defs>
          <pattern
            id={hatch}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="fill-sky-100 dark:fill-sky-950" />
            <line
              x1="0"
              y1="0"
              x2="0"
              y2="6"
              strokeWidth="3"
              className="stroke-sky-600 dark:stroke-sky-400"
            />
          </pattern>
          <pattern
            id={raHatch}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(-45)"
          >
            <rect width="6" height="6" className="fill-violet-200 dark:fill-violet-950" />
            <line
              x1="0"
              y1="0"
              x2="0"
              y2="6"
              strokeWidth="3"
              className="stroke-violet-700 dark:stroke-violet-400"
            />
          </pattern>
        </defs>
        <XAxis
          scale={x}
          y={axisY}
          ticks={ticks}
          format={formatDuration}
          label="time since the first attempt"
          gridTop={TOP - 4}
        />

        {/* Row labels */}
        <g aria-hidden="true">
          <text
            x={LEFT - 8}
            y={rowY(0)}
            dy="0.32em"
            textAnchor="end"
            className={`${axisText} font-semibold`}
          >
            {runLabel}
          </text>
          {bars.map((b) => (
            <text
              key={b.retry}
              x={LEFT - 8}
              y={rowY(1 + b.row)}
              dy="0.32em"
              textAnchor="end"
              className={axisText}
            >
              Wait {b.retry}
            </text>
          ))}
        </g>

        {/* Possible waits */}
        {bars.map((b) => {
          const y = rowY(1 + b.row);
          const x0 = x(b.fixedStart);
          const x1 = x(b.fixedEnd);
          const x2 = x(b.jitterEnd);
          return (
            <g key={b.retry}>
              <line
                x1={x(b.spanStart)}
                x2={x(b.spanEnd)}
                y1={y}
                y2={y}
                strokeWidth="1.5"
                className="stroke-slate-400 dark:stroke-slate-500"
              />
              <line
                x1={x(b.spanEnd)}
                x2={x(b.spanEnd)}
                y1={y - 4}
                y2={y + 4}
                className="stroke-slate-400 dark:stroke-slate-500"
              />
              {x1 - x0 > 0 && (
                <rect
                  x={x0}
                  y={y - 7}
                  width={Math.max(1, x1 - x0)}
                  height={14}
                  className="fill-slate-600 dark:fill-slate-300"
                />
              )}
              {x2 - x1 > 0 && (
                <rect
                  x={x1}
                  y={y - 7}
                  width={Math.max(1, x2 - x1)}
                  height={14}
                  fill={`url(#${hatch})`}
                  className="stroke-sky-700 dark:stroke-sky-400"
                />
              )}
              {x2 - x0 <= 0.5 && (
                <line
                  x1={x0}
                  x2={x0}
                  y1={y - 7}
                  y2={y + 7}
                  strokeWidth="2"
                  className="stroke-slate-600 dark:stroke-slate-300"
                />
              )}
              {b.capped !== 'no' && (
                <text x={Math.max(x(b.spanEnd), x2) + 6} y={y} dy="0.32em" className={axisText}>
                  {b.capped === 'always' ? 'at cap' : 'may hit cap'}
                </text>
              )}
            </g>
          );
        })}

        {/* The sampled run */}
        {model.marks.map((m, i) => {
          const y = rowY(0);
          const xs = x(m.startMs);
          const xe = x(m.endMs);
          const showLabel = labelled[i];
          return (
            <g key={m.request}>
              {m.waitMs > 0 && (
                <rect
                  x={xe + 1}
                  y={y - 5}
                  width={Math.max(1, x(m.endMs + m.waitMs) - xe - 2)}
                  height={10}
                  className={m.waitSource === 'retry-after' ? undefined : waitFill.backoff}
                  fill={m.waitSource === 'retry-after' ? `url(#${raHatch})` : undefined}
                />
              )}
              {xe - xs > 2 && (
                <rect
                  x={xs}
                  y={y - 8}
                  width={xe - xs}
                  height={16}
                  className="fill-slate-300 stroke-slate-600 dark:fill-slate-700 dark:stroke-slate-300"
                />
              )}
              <path
                d={`M${xs},${y - 9}L${xs + 5},${y}L${xs},${y + 9}L${xs - 5},${y}Z`}
                className={
                  m.ok
                    ? 'fill-emerald-700 dark:fill-emerald-400'
                    : 'fill-rose-700 dark:fill-rose-400'
                }
              />
              {showLabel && (
                <text x={xs} y={y - 12} textAnchor="middle" className={axisText}>
                  {m.label}
                </text>
              )}
            </g>
          );
        })}
        <text
          x={Math.min(x(model.end.atMs) + 8, width - 4)}
          y={rowY(0)}
          dy="0.32em"
          textAnchor={x(model.end.atMs) + 70 > width ? 'end' : 'start'}
          className={`${axisText} font-semibold`}
        >
          {model.end.ok ? '✓ ' : model.end.text === 'still retrying' ? '… ' : '✗ '}
          {model.end.text}
        </text>

        {/* Limits */}
        {model.deadlines
          .filter((d) => d.onChart)
          .map((d, i) => (
            <g key={`d${i}`}>
              <line
                x1={x(d.ms)}
                x2={x(d.ms)}
                y1={TOP - 10}
                y2={axisY}
                strokeWidth="2"
                strokeDasharray="6 3"
                className="stroke-rose-700 dark:stroke-rose-400"
              />
              <text x={x(d.ms) - 4} y={TOP - 14} textAnchor="end" className={axisText}>
                deadline {formatDuration(d.ms)} ({d.check})
              </text>
            </g>
          ))}
        {model.attemptTimeout?.onChart && (
          <g>
            <line
              x1={x(model.attemptTimeout.ms)}
              x2={x(model.attemptTimeout.ms)}
              y1={TOP - 10}
              y2={axisY}
              strokeWidth="2"
              strokeDasharray="1 3"
              className="stroke-amber-700 dark:stroke-amber-400"
            />
            <text
              x={x(model.attemptTimeout.ms) - 4}
              y={TOP - 2}
              textAnchor="end"
              className={axisText}
            >
              1st attempt&apos;s timeout
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}

/** What the shapes mean, in words (and what lies beyond the chart). */
export function TimelineLegend({
  model,
  showWaits = true,
}: {
  model: TimelineModel;
  showWaits?: boolean;
}) {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
      <li className="inline-flex items-center gap-1.5">
        <svg width="12" height="14" aria-hidden="true">
          <path d="M6,1L11,7L6,13L1,7Z" className="fill-rose-700 dark:fill-rose-400" />
        </svg>
        failed attempt
      </li>
      <li className="inline-flex items-center gap-1.5">
        <svg width="12" height="14" aria-hidden="true">
          <path d="M6,1L11,7L6,13L1,7Z" className="fill-emerald-700 dark:fill-emerald-400" />
        </svg>
        successful attempt
      </li>
      <li className="inline-flex items-center gap-1.5">
        <svg width="24" height="10" aria-hidden="true">
          <rect width="24" height="10" className={waitFill.backoff} />
        </svg>
        sampled wait (backoff)
      </li>
      <li className="inline-flex items-center gap-1.5">
        <svg width="24" height="10" aria-hidden="true">
          <rect
            width="24"
            height="10"
            className="fill-violet-200 stroke-violet-700 dark:fill-violet-950 dark:stroke-violet-400"
          />
          <line
            x1="4"
            y1="10"
            x2="12"
            y2="0"
            strokeWidth="2"
            className="stroke-violet-700 dark:stroke-violet-400"
          />
          <line
            x1="14"
            y1="10"
            x2="22"
            y2="0"
            strokeWidth="2"
            className="stroke-violet-700 dark:stroke-violet-400"
          />
        </svg>
        sampled wait (Retry-After)
      </li>
      {showWaits && (
        <>
          <li className="inline-flex items-center gap-1.5">
            <svg width="24" height="12" aria-hidden="true">
              <rect width="24" height="12" className="fill-slate-600 dark:fill-slate-300" />
            </svg>
            fixed part of a wait
          </li>
          <li className="inline-flex items-center gap-1.5">
            <svg width="24" height="12" aria-hidden="true">
              <rect
                width="24"
                height="12"
                className="fill-sky-100 stroke-sky-700 dark:fill-sky-950 dark:stroke-sky-400"
              />
              <line
                x1="2"
                y1="12"
                x2="10"
                y2="0"
                strokeWidth="2"
                className="stroke-sky-600 dark:stroke-sky-400"
              />
              <line
                x1="12"
                y1="12"
                x2="20"
                y2="0"
                strokeWidth="2"
                className="stroke-sky-600 dark:stroke-sky-400"
              />
            </svg>
            jitter window
          </li>
          <li className="inline-flex items-center gap-1.5">
            <svg width="24" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="24"
                y1="5"
                y2="5"
                strokeWidth="1.5"
                className="stroke-slate-400 dark:stroke-slate-500"
              />
            </svg>
            where it can fall, given earlier waits
          </li>
        </>
      )}
      {showWaits && model.capMs !== undefined && (
        <li>
          cap {formatDuration(model.capMs)} per wait
          {model.bars.some((b) => b.capped !== 'no')
            ? ' (waits marked “at cap” are clamped to it)'
            : ', not reached here'}
        </li>
      )}
      {model.deadlines.map((d, i) => (
        <li key={i} className="inline-flex items-center gap-1.5">
          <svg width="12" height="14" aria-hidden="true">
            <line
              x1="6"
              x2="6"
              y1="0"
              y2="14"
              strokeWidth="2"
              strokeDasharray="4 2"
              className="stroke-rose-700 dark:stroke-rose-400"
            />
          </svg>
          deadline {formatDuration(d.ms)} ({d.check}){d.onChart ? '' : ', beyond this chart'}
        </li>
      ))}
      {model.attemptTimeout && (
        <li className="inline-flex items-center gap-1.5">
          <svg width="12" height="14" aria-hidden="true">
            <line
              x1="6"
              x2="6"
              y1="0"
              y2="14"
              strokeWidth="2"
              strokeDasharray="1 2"
              className="stroke-amber-700 dark:stroke-amber-400"
            />
          </svg>
          per-attempt timeout {formatDuration(model.attemptTimeout.ms)}
          {model.attemptTimeout.onChart ? '' : ', beyond this chart'}
        </li>
      )}
    </ul>
  );
}
