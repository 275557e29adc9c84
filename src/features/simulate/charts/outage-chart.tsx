/** Success rate by outage length, one curve per policy, with a ride-out sentence for each. */

import { scaleLinear, scaleSymlog } from 'd3-scale';
import { line } from 'd3-shape';
import type { OutagePoint } from '../../../core/retry/simulate';
import { captionClass, headRow, tableClass, td, th, tr } from '../../../components/table-styles';
import { OUTAGE_POINTS_MS, rideOut } from './chart-data';
import {
  ChartFigure,
  LegendItem,
  Marker,
  XAxis,
  YAxis,
  seriesStyles,
  useElementWidth,
} from '../../../components/charts/chart-parts';
import { formatDuration, formatPercent } from '../../../lib/format';

const M = { left: 56, right: 20, top: 24, bottom: 48 };
const TICKS = [0, 1000, 2000, 5000, 10_000, 30_000, 60_000, 120_000, 300_000];

export interface OutageCurve {
  readonly label: string;
  readonly points: readonly OutagePoint[];
}

export function rideOutSentence(curve: OutageCurve): string {
  const { survivesMs, failsMs } = rideOut(curve.points);
  const survives =
    survivesMs === undefined || survivesMs === 0
      ? 'does not reliably survive even a short outage'
      : `survives outages up to ${formatDuration(survivesMs)} (≥ 99 % of calls succeed)`;
  const fails =
    failsMs === undefined
      ? `still succeeds at times after ${formatDuration(OUTAGE_POINTS_MS[OUTAGE_POINTS_MS.length - 1] ?? 0)}`
      : `almost always gives up once the outage lasts ${formatDuration(failsMs)}`;
  return `${curve.label} ${survives} and ${fails}.`;
}

/** P(success) against the length of an outage that starts with the call (symlog x axis). */
export function OutageChart({ curves, title }: { curves: readonly OutageCurve[]; title: string }) {
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const height = 280;
  const x = scaleSymlog()
    .constant(1000)
    .domain([0, OUTAGE_POINTS_MS[OUTAGE_POINTS_MS.length - 1] ?? 300_000])
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - M.bottom, M.top]);
  const path = line<OutagePoint>()
    .x((p) => x(p.outageMs))
    .y((p) => y(p.successRate));
  const sentences = curves.map(rideOutSentence);
  return (
    <ChartFigure
      title={title}
      description={
        <>
          The server fails every request that starts during the first T seconds, then recovers.{' '}
          <span data-testid="ride-out">{sentences.join(' ')}</span>
        </>
      }
      legend={
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
          {curves.map((c, i) => (
            <LegendItem key={c.label} style={seriesStyles[i % seriesStyles.length]!}>
              {c.label}
            </LegendItem>
          ))}
        </ul>
      }
      table={
        <table className={tableClass}>
          <caption className={captionClass}>Share of calls that succeed, by outage length</caption>
          <thead>
            <tr className={headRow}>
              <th scope="col" className={th}>
                Outage
              </th>
              {curves.map((c) => (
                <th key={c.label} scope="col" className={`${th} text-right`}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(curves[0]?.points ?? []).map((p, i) => (
              <tr key={p.outageMs} className={tr}>
                <th scope="row" className={`${td} font-normal`}>
                  {formatDuration(p.outageMs)}
                </th>
                {curves.map((c) => (
                  <td key={c.label} className={`${td} text-right tabular-nums`}>
                    {formatPercent(c.points[i]?.successRate ?? Number.NaN)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <div ref={ref} className="w-full">
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`${title}. ${sentences.join(' ')}`}
          className="block"
        >
          <YAxis
            scale={y}
            x={M.left}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            format={(v) => `${v * 100} %`}
            label="calls that succeed"
            gridRight={width - M.right}
          />
          <XAxis
            scale={x}
            y={height - M.bottom}
            ticks={TICKS}
            format={formatDuration}
            label="outage length (log scale above 1 s)"
            gridTop={M.top}
          />
          {curves.map((c, i) => {
            const s = seriesStyles[i % seriesStyles.length]!;
            return (
              <g key={c.label}>
                <path
                  d={path([...c.points]) ?? ''}
                  fill="none"
                  strokeWidth="2"
                  strokeDasharray={s.dash}
                  className={s.stroke}
                />
                {c.points.map((p) => (
                  <Marker
                    key={p.outageMs}
                    shape={s.shape}
                    x={x(p.outageMs)}
                    y={y(p.successRate)}
                    size={3.5}
                    className={s.fill}
                  />
                ))}
              </g>
            );
          })}
        </svg>
      </div>
    </ChartFigure>
  );
}
