/** When each attempt starts, for several policies on one time axis (Compare and stack). */

import { scaleLinear, scaleSymlog } from 'd3-scale';
import { line } from 'd3-shape';
import type { AttemptTime } from './chart-data';
import {
  Marker,
  XAxis,
  YAxis,
  seriesStyles,
  useElementWidth,
} from '../../../components/charts/chart-parts';
import { formatDuration } from '../../../lib/format';

const TIME_TICKS = [
  0, 1000, 2000, 5000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000,
];
const M = { left: 56, right: 20, top: 24, bottom: 48 };

/** When each attempt starts, one line per policy (symlog time axis). */
export function OverlayChart({ series }: { series: { label: string; times: AttemptTime[] }[] }) {
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const maxT = Math.max(1000, ...series.flatMap((s) => s.times.map((t) => t.maxMs)));
  const maxA = Math.max(2, ...series.map((s) => s.times.length));
  const height = Math.max(220, M.top + M.bottom + maxA * 18);
  const x = scaleSymlog()
    .constant(1000)
    .domain([0, maxT])
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain([0.5, maxA + 0.5])
    .range([height - M.bottom, M.top]);
  const ticks = TIME_TICKS.filter((t) => t <= maxT);
  const yTicks = y.ticks(Math.min(maxA, 10)).filter((t) => Number.isInteger(t) && t >= 1);
  const k = series.length;
  return (
    <div ref={ref} className="w-full">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`When each attempt starts, for ${series.map((s) => s.label).join(', ')}. The table below has the numbers.`}
        className="block"
      >
        <YAxis
          scale={y}
          x={M.left}
          ticks={yTicks}
          format={(v) => String(v)}
          label="attempt"
          gridRight={width - M.right}
        />
        <XAxis
          scale={x}
          y={height - M.bottom}
          ticks={ticks}
          format={formatDuration}
          label="time since the first attempt (log scale above 1 s)"
          gridTop={M.top}
        />
        {series.map((s, i) => {
          const st = seriesStyles[i % seriesStyles.length]!;
          const dy = (i - (k - 1) / 2) * 5;
          const path = line<AttemptTime>()
            .x((t) => x(t.medianMs))
            .y((t) => y(t.attempt) + dy);
          return (
            <g key={s.label}>
              <path
                d={path(s.times) ?? ''}
                fill="none"
                strokeWidth="2"
                strokeDasharray={st.dash}
                className={st.stroke}
              />
              {s.times.map((t) => (
                <g key={t.attempt}>
                  {t.maxMs > t.minMs && (
                    <line
                      x1={x(t.minMs)}
                      x2={x(t.maxMs)}
                      y1={y(t.attempt) + dy}
                      y2={y(t.attempt) + dy}
                      strokeWidth="4"
                      strokeOpacity="0.45"
                      className={st.stroke}
                    />
                  )}
                  <Marker
                    shape={st.shape}
                    x={x(t.medianMs)}
                    y={y(t.attempt) + dy}
                    size={4}
                    className={st.fill}
                  />
                </g>
              ))}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
