/** The Many runs tab: Monte Carlo percentiles and histogram, and the outage sweep. */

import type { StopReason } from '../../../core/retry/simulate';
import { captionClass, headRow, tableClass, td, th, tr } from '../../../components/table-styles';
import { OUTAGE_POINTS_MS, histogramBars } from '../charts/chart-data';
import { ChartFigure } from '../../../components/charts/chart-parts';
import { describeStop } from '../shared/describe';
import {
  msToSecondsText,
  numberValidator,
  secondsValidator,
} from '../../../core/retry/policy-params';
import { SelectParam, TextParam } from '../../../components/fields';
import { formatCount, formatDuration, formatPercent } from '../../../lib/format';
import { HistogramChart } from '../charts/histogram-chart';
import { JobControls } from '../jobs/job-progress';
import { OUTAGE_RUNS_EACH, outageJobFor, runsJobFor } from '../jobs/job-requests';
import { jobKey, type OutageResult, type RunsResult } from '../jobs/job-types';
import { OutageChart } from '../charts/outage-chart';
import type { UpdateSearch } from '../search-params';
import { DEFAULT_RUNS, type SimulateState } from '../search-state';
import type { WorkerJob } from '../jobs/use-worker-job';

const runsOptions = [1000, 10_000, 100_000, 1_000_000].map((n) => ({
  value: String(n),
  label: `${formatCount(n)} runs`,
}));

function PercentileTable({ result }: { result: RunsResult['result'] }) {
  const rows = [
    { label: 'Total wait', s: result.totalWaitMs, fmt: formatDuration },
    { label: 'Time to finish', s: result.elapsedMs, fmt: formatDuration },
    { label: 'Attempts', s: result.requests, fmt: formatCount },
  ];
  return (
    <table className={tableClass} id="runs-percentiles">
      <caption className={captionClass}>Percentiles over {formatCount(result.runs)} runs</caption>
      <thead>
        <tr className={headRow}>
          <th scope="col" className={th}>
            Measure
          </th>
          {['p50', 'p95', 'p99', 'Mean', 'Max'].map((h) => (
            <th key={h} scope="col" className={`${th} text-right`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, s, fmt }) => (
          <tr key={label} className={tr}>
            <th scope="row" className={`${td} font-normal`}>
              {label}
            </th>
            {[s.p50, s.p95, s.p99, s.mean, s.max].map((v, i) => (
              <td key={i} className={`${td} text-right tabular-nums`}>
                {fmt(v)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RunsResults({ result }: { result: RunsResult['result'] }) {
  const reasons = Object.entries(result.stopReasons) as [StopReason, number][];
  const counts = Object.entries(result.requestCounts)
    .map(([n, c]) => [Number(n), c] as const)
    .sort((a, b) => a[0] - b[0]);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <strong>{formatPercent(result.successRate)}</strong> of calls succeed. How calls end:{' '}
        {reasons
          .sort((a, b) => b[1] - a[1])
          .map(([r, n]) => `${describeStop(r)}: ${formatPercent(n / result.runs)}`)
          .join('; ')}
        .
      </p>
      <div className="overflow-x-auto">
        <PercentileTable result={result} />
      </div>
      <ChartFigure
        title="Total wait per call"
        description="How long each call spent sleeping between attempts, over all runs."
      >
        <HistogramChart
          bars={histogramBars(result.totalWaitHistogram)}
          label={`Histogram of total wait over ${formatCount(result.runs)} runs: median ${formatDuration(result.totalWaitMs.p50)}, p99 ${formatDuration(result.totalWaitMs.p99)}.`}
          xLabel="total wait"
          format={formatDuration}
        />
      </ChartFigure>
      <div className="overflow-x-auto">
        <table className={tableClass}>
          <caption className={captionClass}>Attempts per call</caption>
          <thead>
            <tr className={headRow}>
              <th scope="col" className={th}>
                Attempts
              </th>
              <th scope="col" className={`${th} text-right`}>
                Calls
              </th>
              <th scope="col" className={`${th} text-right`}>
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.slice(0, 30).map(([n, c]) => (
              <tr key={n} className={tr}>
                <th scope="row" className={`${td} font-normal`}>
                  {formatCount(n)}
                </th>
                <td className={`${td} text-right tabular-nums`}>{formatCount(c)}</td>
                <td className={`${td} text-right tabular-nums`}>
                  {formatPercent(c / result.runs)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {counts.length > 30 && (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            …and {counts.length - 30} more rows.
          </p>
        )}
      </div>
    </div>
  );
}

export function RunsPanel({
  state,
  name,
  update,
  runsJob,
  outageJob,
}: {
  state: SimulateState;
  name: string;
  update: UpdateSearch;
  runsJob: WorkerJob<RunsResult>;
  outageJob: WorkerJob<OutageResult>;
}) {
  const job = runsJobFor(state);
  const key = jobKey(job);
  const outage = outageJobFor(state, [{ id: 'current', label: name, policy: state.policy.policy }]);
  const outageKey = jobKey(outage);
  const status = runsJob.status;
  const oStatus = outageJob.status;

  return (
    <div className="space-y-8">
      <section aria-labelledby="runs-heading" className="space-y-3">
        <h2 id="runs-heading" className="text-lg font-semibold">
          Many runs
        </h2>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          {formatCount(state.runs)} seeded calls of {name} (seed {state.seed}), in a background
          worker: the page stays usable, and Cancel stops it at once.
        </p>
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectParam
            id="r-scenario"
            label="The server"
            value={state.scenario}
            options={[
              { value: 'random', label: 'fails each attempt at random' },
              { value: 'always', label: 'fails every attempt' },
              { value: 'outage', label: 'fails every attempt during an outage' },
            ]}
            onChange={(v) => update({ scenario: v === 'random' ? undefined : v })}
          />
          {state.scenario === 'random' && (
            <TextParam
              id="r-p"
              label="Chance an attempt fails (0–1)"
              value={String(state.failureProbability)}
              validate={(t) => {
                const r = numberValidator({ min: 0, minInclusive: true, example: '0.5' })(t);
                return r ?? (Number(t) > 1 ? 'Must be at most 1.' : undefined);
              }}
              onCommit={(t) => update({ p: Number(t) === 0.5 ? undefined : t })}
            />
          )}
          {state.scenario === 'outage' && (
            <TextParam
              id="r-outage"
              label="Outage length (s)"
              value={msToSecondsText(state.outageMs)}
              validate={secondsValidator()}
              onCommit={(t) => update({ outage: Number(t) === 30 ? undefined : t })}
            />
          )}
          <SelectParam
            id="r-runs"
            label="Runs"
            value={String(state.runs)}
            options={
              runsOptions.some((o) => o.value === String(state.runs))
                ? runsOptions
                : [
                    ...runsOptions,
                    { value: String(state.runs), label: `${formatCount(state.runs)} runs` },
                  ]
            }
            onChange={(v) => update({ runs: Number(v) === DEFAULT_RUNS ? undefined : v })}
          />
        </div>
        <JobControls
          id="runs"
          status={status}
          currentKey={key}
          runLabel={`Run ${formatCount(state.runs)} calls`}
          onRun={() => runsJob.start(job)}
          onCancel={runsJob.cancel}
        />
        {status.state === 'done' && <RunsResults result={status.result.result} />}
      </section>

      <section aria-labelledby="outage-heading" className="space-y-3">
        <h2 id="outage-heading" className="text-lg font-semibold">
          Does it ride out an outage?
        </h2>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          The chance that one call of {name} succeeds when the server fails every request for the
          first 0 to 300 seconds ({OUTAGE_POINTS_MS.length} outage lengths ×{' '}
          {formatCount(OUTAGE_RUNS_EACH)} seeded calls). To put other policies beside it, use{' '}
          <em>Compare and stack</em>.
        </p>
        <JobControls
          id="outage"
          status={oStatus}
          currentKey={outageKey}
          runLabel="Run the outage sweep"
          onRun={() => outageJob.start(outage)}
          onCancel={outageJob.cancel}
        />
        {oStatus.state === 'done' && (
          <OutageChart
            curves={oStatus.result.series}
            title="Calls that succeed, by outage length"
          />
        )}
      </section>
    </div>
  );
}
