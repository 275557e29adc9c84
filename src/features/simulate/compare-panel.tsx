import { useMemo } from 'react';
import { scaleLinear, scaleSymlog } from 'd3-scale';
import { line } from 'd3-shape';
import { getPreset } from '../../core/retry/presets';
import type { RetryPolicy } from '../../core/retry/types';
import { classifyFailure } from '../../core/retry/policy';
import { captionClass, headRow, tableClass, td, th, tr } from '../../components/table-styles';
import { attemptTimes, delayTable, failureStep, type AttemptTime } from './chart-data';
import {
  ChartFigure,
  LegendItem,
  Marker,
  XAxis,
  YAxis,
  seriesStyles,
  useElementWidth,
} from './chart-parts';
import { buttonClass } from './fields';
import { formatCount, formatDuration } from './format';
import { JobControls } from './job-progress';
import { jobKey, type OutageResult } from './job-types';
import { layeredSummary } from '../../core/retry/layered';
import { OutageChart } from './outage-chart';
import { CUSTOM_ID, CUSTOM_POLICY } from '../../core/retry/policy-params';
import { policyLabel } from './preset-groups';
import { PresetSelect } from './policy-picker';
import { outageJobFor } from './runs-panel';
import type { SimulateSearch } from './search-params';
import {
  CURRENT,
  MAX_COMPARE,
  MIN_COMPARE,
  NONE,
  layerRoles,
  type LayerRole,
  type SimulateState,
} from './search-state';
import type { WorkerJob } from './use-worker-job';

export interface NamedPolicy {
  readonly id: string;
  readonly label: string;
  readonly policy: RetryPolicy;
}

/** A compare / layer reference → a policy with a label. */
export function policyRef(id: string, state: SimulateState): NamedPolicy | undefined {
  if (id === CURRENT) {
    const edited = state.policy.edited.size > 0;
    return {
      id,
      label: `${policyLabel(state.policy.presetId)}${edited ? ' (edited)' : ''} (above)`,
      policy: state.policy.policy,
    };
  }
  if (id === CUSTOM_ID) return { id, label: 'Custom policy (defaults)', policy: CUSTOM_POLICY };
  const preset = getPreset(id);
  return preset ? { id, label: preset.label, policy: preset.policy } : undefined;
}

const TIME_TICKS = [
  0, 1000, 2000, 5000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000,
];
const M = { left: 56, right: 20, top: 24, bottom: 48 };

function OverlayChart({ series }: { series: { label: string; times: AttemptTime[] }[] }) {
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

function LayersSection({
  state,
  update,
}: {
  state: SimulateState;
  update: (patch: Partial<SimulateSearch>) => void;
}) {
  const roles: Record<LayerRole, { label: string; help: string }> = {
    gateway: { label: 'Gateway (innermost: calls the provider)', help: 'e.g. LiteLLM, Portkey' },
    sdk: { label: 'SDK (calls the gateway)', help: 'the client library' },
    app: { label: 'App (outermost: calls the SDK)', help: 'your own retry loop' },
  };
  const chosen = useMemo(
    () =>
      layerRoles
        .map((role) => ({ role, ref: state.layers[role] }))
        .filter((l) => l.ref !== NONE)
        .map((l) => ({ ...l, named: policyRef(l.ref, state) }))
        .filter((l): l is typeof l & { named: NamedPolicy } => l.named !== undefined),
    [state],
  );
  const policies = useMemo(() => chosen.map((c) => c.named.policy), [chosen]);
  const step = useMemo(
    () => failureStep(state.failure, state.latencyMs),
    [state.failure, state.latencyMs],
  );
  const summary = useMemo(() => {
    const worst = policies.reduce((n, p) => n * p.maxAttempts, 1);
    const runs = Math.max(
      20,
      Math.min(200, Math.ceil(40_000 / Math.min(Number.isFinite(worst) ? worst : 10_000, 10_000))),
    );
    return layeredSummary(policies, step, { runs, seed: state.seed, maxRequests: 10_000 });
  }, [policies, step, state.seed]);
  const failureName = state.failureText === 'conn' ? 'connection error' : state.failureText;
  const formula = policies
    .map((p) => (Number.isFinite(p.maxAttempts) ? String(p.maxAttempts) : '∞'))
    .join(' × ');
  return (
    <section aria-labelledby="layers-heading" className="space-y-3">
      <h2 id="layers-heading" className="text-lg font-semibold">
        Stacked retries: how many requests one failure becomes
      </h2>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Each layer retries the whole call of the layer inside it. The provider fails every request
        with {failureName}; each layer sees the last failure of the layer inside it.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        {layerRoles.map((role) => (
          <div key={role}>
            <PresetSelect
              id={`layer-${role}`}
              label={roles[role].label}
              value={state.layers[role]}
              extra={[
                { value: NONE, label: 'None (no retries here)' },
                { value: CURRENT, label: 'The policy above' },
              ]}
              onChange={(v) => update({ [role]: v })}
            />
            <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{roles[role].help}</p>
          </div>
        ))}
      </div>
      <p className="text-base" data-testid="layers-summary">
        {chosen.length === 0 ? (
          'No layer retries: one failure is one request.'
        ) : (
          <>
            One persistent {failureName} becomes up to{' '}
            <strong>
              {formula} = {formatCount(summary.worstCase)}
            </strong>{' '}
            requests to the provider (simulated: {formatCount(summary.requests.p50)}
            {summary.requests.min !== summary.requests.max &&
              `, ${formatCount(summary.requests.min)}–${formatCount(summary.requests.max)}`}
            {summary.hitLimit && ', stopped at the 10,000-request limit'}), and the outermost layer
            gives up after <strong>{formatDuration(summary.elapsedMs.p50)}</strong> (median of{' '}
            {formatCount(summary.runs)} seeded runs; p95 {formatDuration(summary.elapsedMs.p95)},
            max {formatDuration(summary.elapsedMs.max)}).
          </>
        )}
      </p>
      {chosen.length > 0 && (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <caption className={captionClass}>The layers, innermost first</caption>
            <thead>
              <tr className={headRow}>
                <th scope="col" className={th}>
                  Layer
                </th>
                <th scope="col" className={th}>
                  Policy
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Attempts per call
                </th>
                <th scope="col" className={th}>
                  Retries a {failureName}?
                </th>
              </tr>
            </thead>
            <tbody>
              {chosen.map((c) => (
                <tr key={c.role} className={tr}>
                  <th scope="row" className={`${td} font-normal`}>
                    {c.role === 'sdk' ? 'SDK' : c.role === 'app' ? 'App' : 'Gateway'}
                  </th>
                  <td className={td}>{c.named.label}</td>
                  <td className={`${td} text-right tabular-nums`}>
                    {formatCount(c.named.policy.maxAttempts)}
                  </td>
                  <td className={td}>
                    {classifyFailure(c.named.policy, state.failure).retryable ? '↻ yes' : '⊘ no'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ComparePanel({
  state,
  update,
  outageJob,
}: {
  state: SimulateState;
  update: (patch: Partial<SimulateSearch>) => void;
  outageJob: WorkerJob<OutageResult>;
}) {
  const named = useMemo(
    () =>
      state.compare
        .map((id) => policyRef(id, state))
        .filter((p): p is NamedPolicy => p !== undefined),
    [state],
  );
  const tables = useMemo(
    () =>
      named.map((n) =>
        delayTable(n.policy, {
          outcome: state.failure,
          latencyMs: state.latencyMs,
          seed: state.seed,
        }),
      ),
    [named, state.failure, state.latencyMs, state.seed],
  );
  const setCompare = (ids: string[]) => update({ compare: ids.join(',') });
  const outage = outageJobFor(state, named);
  const oStatus = outageJob.status;
  const failureName = state.failureText === 'conn' ? 'connection error' : state.failureText;

  return (
    <div className="space-y-8">
      <section aria-labelledby="compare-heading" className="space-y-3">
        <h2 id="compare-heading" className="text-lg font-semibold">
          Compare {named.length} policies
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {state.compare.map((id, i) => (
            <div key={`${i}-${id}`} className="space-y-1">
              <PresetSelect
                id={`compare-${i}`}
                label={`Policy ${i + 1}`}
                value={id}
                extra={[{ value: CURRENT, label: 'The policy above' }]}
                onChange={(v) => setCompare(state.compare.map((x, j) => (j === i ? v : x)))}
              />
              <button
                type="button"
                className={buttonClass}
                disabled={state.compare.length <= MIN_COMPARE}
                onClick={() => setCompare(state.compare.filter((_, j) => j !== i))}
                aria-label={`Remove policy ${i + 1}`}
              >
                Remove
              </button>
            </div>
          ))}
        </div>
        <button
          type="button"
          className={buttonClass}
          disabled={state.compare.length >= MAX_COMPARE}
          onClick={() =>
            setCompare([
              ...state.compare,
              ['aws-blog-full-jitter', 'anthropic-python', 'tenacity-seed', 'litellm-router'].find(
                (c) => !state.compare.includes(c),
              ) ?? 'custom',
            ])
          }
        >
          Add a policy
        </button>

        <ChartFigure
          title={`When each attempt starts, if every attempt fails with ${failureName}`}
          description="Marker: the median start; bar: from the earliest to the latest possible start."
          legend={
            <ul className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
              {named.map((n, i) => (
                <LegendItem key={`${i}-${n.id}`} style={seriesStyles[i % seriesStyles.length]!}>
                  {n.label}
                </LegendItem>
              ))}
            </ul>
          }
        >
          <OverlayChart
            series={named.map((n, i) => ({
              label: `${i + 1}. ${n.label}`,
              times: attemptTimes(tables[i]!),
            }))}
          />
        </ChartFigure>

        <div className="overflow-x-auto">
          <table className={tableClass} id="compare-table">
            <caption className={captionClass}>
              The compared policies when every attempt fails with {failureName}
            </caption>
            <thead>
              <tr className={headRow}>
                <th scope="col" className={th}>
                  Policy
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Attempts
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Total wait: min
                </th>
                <th scope="col" className={`${th} text-right`}>
                  median
                </th>
                <th scope="col" className={`${th} text-right`}>
                  max
                </th>
                <th scope="col" className={th}>
                  Retry-After
                </th>
              </tr>
            </thead>
            <tbody>
              {named.map((n, i) => {
                const t = tables[i]!;
                const last = t.rows[t.rows.length - 1];
                const shown = t.rows.length + 1;
                return (
                  <tr key={`${i}-${n.id}`} className={tr}>
                    <th scope="row" className={`${td} font-normal`}>
                      {n.label}
                    </th>
                    <td className={`${td} text-right tabular-nums`}>
                      {t.end === 'display-limit' ? `${formatCount(shown)}+` : formatCount(shown)}
                    </td>
                    <td className={`${td} text-right tabular-nums`}>
                      {formatDuration(last?.cumMinMs ?? 0)}
                    </td>
                    <td className={`${td} text-right tabular-nums`}>
                      {formatDuration(last?.cumMedianMs ?? 0)}
                    </td>
                    <td className={`${td} text-right tabular-nums`}>
                      {formatDuration(last?.cumMaxMs ?? 0)}
                    </td>
                    <td className={td}>
                      {n.policy.retryAfter
                        ? n.policy.retryAfter.maxMs !== undefined
                          ? `honoured up to ${formatDuration(n.policy.retryAfter.maxMs)}`
                          : 'honoured, no bound'
                        : 'ignored'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="compare-outage-heading" className="space-y-3">
        <h2 id="compare-outage-heading" className="text-lg font-semibold">
          Which of them rides out an outage?
        </h2>
        <JobControls
          id="compare-outage"
          status={oStatus}
          currentKey={jobKey(outage)}
          runLabel="Run the outage sweep for these policies"
          onRun={() => outageJob.start(outage)}
          onCancel={outageJob.cancel}
        />
        {oStatus.state === 'done' && (
          <OutageChart
            curves={oStatus.result.series.map((s, i) => ({ ...s, label: `${i + 1}. ${s.label}` }))}
            title="Calls that succeed, by outage length"
          />
        )}
      </section>

      <LayersSection state={state} update={update} />
    </div>
  );
}
