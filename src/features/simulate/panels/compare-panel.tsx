/** The Compare and stack tab: 2–4 policies side by side, their outage sweep, stacked layers. */

import { useMemo } from 'react';
import { classifyFailure } from '../../../core/retry/policy';
import { captionClass, headRow, tableClass, td, th, tr } from '../../../components/table-styles';
import { attemptTimes, delayTable, failureStep } from '../charts/chart-data';
import { ChartFigure, LegendItem, seriesStyles } from '../../../components/charts/chart-parts';
import { OverlayChart } from '../charts/overlay-chart';
import { buttonClass } from '../../../components/form-styles';
import { formatCount, formatDuration } from '../../../lib/format';
import { JobControls } from '../jobs/job-progress';
import { jobKey, type OutageResult } from '../jobs/job-types';
import { layeredSummary } from '../../../core/retry/layered';
import { OutageChart } from '../charts/outage-chart';
import { PresetSelect } from '../../../components/preset-select';
import { outageJobFor } from '../jobs/job-requests';
import type { UpdateSearch } from '../search-params';
import {
  CURRENT,
  MAX_COMPARE,
  MIN_COMPARE,
  NONE,
  layerRoles,
  policyRef,
  type LayerRole,
  type NamedPolicy,
  type SimulateState,
} from '../search-state';
import type { WorkerJob } from '../jobs/use-worker-job';

function LayersSection({ state, update }: { state: SimulateState; update: UpdateSearch }) {
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
  update: UpdateSearch;
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
