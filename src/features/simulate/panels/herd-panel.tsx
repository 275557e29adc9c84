/** The Herd tab: many clients against a rate-limited endpoint, or the AWS contention model. */

import { AWS_DEFAULTS, AWS_STRATEGIES } from '../../../core/herd/aws-contention';
import {
  DEFAULT_LATENCY,
  DEFAULT_LIMITER,
  type RateLimitedResult,
} from '../../../core/herd/rate-limited';
import { herdAssumptions } from './herd-words';
import { captionClass, headRow, tableClass, td, th, tr } from '../../../components/table-styles';
import { niceTimeTicks } from '../../../components/charts/chart-parts';
import { stopReasonLabels } from '../shared/describe';
import { msToSecondsText, secondsValidator } from '../../../core/retry/policy-params';
import { SelectParam, TextParam } from '../../../components/fields';
import { formatCount, formatDuration, groupThousands } from '../../../lib/format';
import { JobControls } from '../jobs/job-progress';
import { herdAwsJob, herdRateJob } from '../jobs/job-requests';
import { jobKey, type HerdAwsResult, type HerdRateResult } from '../jobs/job-types';
import { LineChart } from '../charts/line-chart';
import { PresetSelect } from '../../../components/preset-select';
import type { UpdateSearch } from '../search-params';
import {
  CURRENT,
  HERD_DEFAULTS,
  MAX_AWS_CLIENTS,
  MAX_HERD_CLIENTS,
  type HerdState,
  type SimulateState,
} from '../search-state';
import type { WorkerJob } from '../jobs/use-worker-job';

const intValidator = (lo: number, hi: number) => (t: string) =>
  /^\d+$/.test(t) && Number(t) >= lo && Number(t) <= hi
    ? undefined
    : `Enter a whole number from ${lo} to ${groupThousands(hi)}.`;

function RateResults({ r, window }: { r: RateLimitedResult; window: HerdState['window'] }) {
  const seconds = r.series.offeredPerSec.map((_, i) => (i * r.series.bucketMs) / 1000);
  const toPoints = (ys: readonly number[]) =>
    ys.map((y, i) => ({ x: (seconds[i] ?? 0) * 1000, y }));
  const perSec = 1000 / r.series.bucketMs;
  const rows: [string, string][] = [
    ['Requests sent', formatCount(r.totalRequests)],
    ['Accepted (200)', formatCount(r.accepted)],
    ['Throttled (429)', formatCount(r.throttled)],
    ['Unavailable (503)', formatCount(r.unavailable)],
    ['Clients that succeeded', formatCount(r.succeeded)],
    ['Clients that gave up', formatCount(r.gaveUp)],
    ['Clients unfinished', formatCount(r.unfinished)],
    [
      'Requests per client: median / p99 / max',
      `${formatCount(r.requestsPerClient.p50)} / ${formatCount(r.requestsPerClient.p99)} / ${formatCount(r.requestsPerClient.max)}`,
    ],
    [
      'Time to success: median / p99',
      `${formatDuration(r.successTimeMs.p50)} / ${formatDuration(r.successTimeMs.p99)}`,
    ],
    [
      'The whole herd is done after',
      Number.isFinite(r.herdCompletionMs)
        ? formatDuration(r.herdCompletionMs)
        : 'not within the simulated hour',
    ],
  ];
  const reasons = Object.entries(r.endReasons)
    .filter(([k]) => k !== 'success')
    .map(
      ([k, n]) =>
        `${k === 'unfinished' ? 'unfinished' : stopReasonLabels[k as keyof typeof stopReasonLabels]}: ${formatCount(n ?? 0)}`,
    );
  return (
    <div className="space-y-4">
      <p className="text-base" data-testid="herd-summary">
        {formatCount(r.clients)} clients sent <strong>{formatCount(r.totalRequests)}</strong>{' '}
        requests ({(r.totalRequests / r.clients).toFixed(1)} each) for {formatCount(r.succeeded)}{' '}
        successes; the herd is done after{' '}
        <strong>
          {Number.isFinite(r.herdCompletionMs)
            ? formatDuration(r.herdCompletionMs)
            : 'more than the simulated hour'}
        </strong>
        .{reasons.length > 0 && ` Calls that did not succeed: ${reasons.join('; ')}.`}
        {r.truncated && ' The simulation hit its request limit.'}
      </p>
      <figure className="space-y-2">
        <figcaption>
          <span className="font-semibold">
            Server load over time, per {formatDuration(r.series.bucketMs)}
          </span>
          <span
            className="block text-sm text-slate-600 dark:text-slate-400"
            data-testid="herd-assumptions"
          >
            {herdAssumptions({
              latency: r.latency,
              limiter: r.limiter,
              capacityPerSec: r.capacityPerSec,
              bucketMs: r.series.bucketMs,
            })}
          </span>
        </figcaption>
        <LineChart
          label={`Requests per second reaching the server over time: peak ${formatCount(Math.max(...r.series.offeredPerSec))}/s offered against a capacity of ${formatCount(r.capacityPerSec)}/s.`}
          series={[
            { label: 'Offered (all requests)', points: toPoints(r.series.offeredPerSec) },
            { label: 'Accepted (200)', points: toPoints(r.series.acceptedPerSec) },
            { label: 'Retries', points: toPoints(r.series.retries.map((v) => v * perSec)) },
          ]}
          xLabel="time"
          yLabel="requests per second"
          formatX={formatDuration}
          formatY={formatCount}
          xTicks={niceTimeTicks}
          bands={window ? [{ from: window.startMs, to: window.endMs, label: '503 window' }] : []}
          references={[
            { y: r.capacityPerSec, label: `capacity ${formatCount(r.capacityPerSec)}/s` },
          ]}
        />
      </figure>
      <div className="overflow-x-auto">
        <table className={tableClass} id="herd-totals">
          <caption className={captionClass}>The herd in numbers</caption>
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k} className={tr}>
                <th scope="row" className={`${td} font-normal`}>
                  {k}
                </th>
                <td className={`${td} text-right tabular-nums`}>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function AwsResults({ result }: { result: HerdAwsResult }) {
  const { sweep, runs } = result;
  const clients = runs[0]?.clients ?? 0;
  const per = formatDuration(runs[0]?.timeline.bucketMs ?? 0);
  const label = (id: string) => AWS_STRATEGIES.find((s) => s.id === id)?.label ?? id;
  return (
    <div className="space-y-6">
      <figure className="space-y-2">
        <figcaption className="font-semibold">
          Server load over time with {formatCount(clients)} clients (one run each)
        </figcaption>
        <LineChart
          label={`Writes reaching the server per ${per} for each strategy with ${clients} clients. ${runs
            .map(
              (r) =>
                `${label(r.strategy)}: ${formatCount(r.calls)} calls, done after ${formatDuration(r.completionMs)}`,
            )
            .join('; ')}.`}
          series={runs.map((r) => ({
            label: `${label(r.strategy)}: ${formatCount(r.calls)} calls, done at ${formatDuration(r.completionMs)}`,
            points: r.timeline.writes.map((y, i) => ({ x: i * r.timeline.bucketMs, y })),
          }))}
          xLabel="time"
          yLabel={`writes per ${per}`}
          formatX={formatDuration}
          formatY={formatCount}
          xTicks={niceTimeTicks}
        />
      </figure>
      <figure className="space-y-2">
        <figcaption className="font-semibold">
          Total calls by number of clients (mean of {formatCount(sweep.runsEach)} runs)
        </figcaption>
        <LineChart
          label="Mean calls per run by number of clients, one line per strategy."
          series={sweep.series.map((s) => ({
            label: s.label,
            points: sweep.clients.map((c, i) => ({ x: c, y: s.meanCalls[i] ?? Number.NaN })),
          }))}
          xLabel="clients"
          yLabel="calls"
          formatX={formatCount}
          formatY={formatCount}
        />
      </figure>
      <figure className="space-y-2">
        <figcaption className="font-semibold">Completion time by number of clients</figcaption>
        <LineChart
          label="Mean completion time by number of clients, one line per strategy."
          series={sweep.series.map((s) => ({
            label: s.label,
            points: sweep.clients.map((c, i) => ({ x: c, y: s.meanCompletionMs[i] ?? Number.NaN })),
          }))}
          xLabel="clients"
          yLabel="time until the last client succeeds"
          formatX={formatCount}
          formatY={formatDuration}
        />
      </figure>
      <div className="overflow-x-auto">
        <table className={tableClass} id="aws-sweep">
          <caption className={captionClass}>
            Mean calls and completion time, {formatCount(sweep.runsEach)} runs per point (seed{' '}
            {sweep.seed})
          </caption>
          <thead>
            <tr className={headRow}>
              <th scope="col" className={th}>
                Clients
              </th>
              {sweep.series.map((s) => (
                <th key={s.strategy} scope="col" className={`${th} text-right`}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sweep.clients.map((c, i) => (
              <tr key={c} className={tr}>
                <th scope="row" className={`${td} font-normal`}>
                  {formatCount(c)}
                </th>
                {sweep.series.map((s) => (
                  <td key={s.strategy} className={`${td} text-right tabular-nums`}>
                    {formatCount(Math.round(s.meanCalls[i] ?? Number.NaN))} calls,{' '}
                    {formatDuration(s.meanCompletionMs[i] ?? Number.NaN)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function HerdPanel({
  state,
  update,
  rateJob,
  awsJob,
}: {
  state: SimulateState;
  update: UpdateSearch;
  rateJob: WorkerJob<HerdRateResult>;
  awsJob: WorkerJob<HerdAwsResult>;
}) {
  const h = state.herd;
  const rate = herdRateJob(state);
  const aws = herdAwsJob(state, AWS_DEFAULTS.clients);
  const windowText = h.window
    ? `${msToSecondsText(h.window.startMs)}-${msToSecondsText(h.window.endMs)}`
    : 'none';

  return (
    <section aria-labelledby="herd-heading" className="space-y-4">
      <h2 id="herd-heading" className="text-lg font-semibold">
        Herd: many clients at once
      </h2>
      <SelectParam
        id="h-model"
        className="max-w-md"
        label="Model"
        value={h.model}
        options={[
          { value: 'rate', label: 'N clients vs a rate-limited endpoint' },
          { value: 'aws', label: 'AWS 2015 contention model (five strategies)' },
        ]}
        onChange={(v) => update({ herd: v === 'rate' ? undefined : v })}
      />

      {h.model === 'rate' ? (
        <div className="space-y-4">
          <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
            Every client makes one call at the same moment (or spread over a few seconds) and
            retries it with the chosen policy. The endpoint accepts a fixed number of requests per
            second and answers the rest with 429 and a Retry-After; during the optional window it
            answers everything with 503.{' '}
            {herdAssumptions({
              latency: DEFAULT_LATENCY,
              limiter: DEFAULT_LIMITER,
              capacityPerSec: h.capacityPerSec,
            })}
          </p>
          <div className="grid gap-3 sm:grid-cols-3">
            <TextParam
              id="h-clients"
              label={`Clients (1–${formatCount(MAX_HERD_CLIENTS)})`}
              value={String(h.clients)}
              inputMode="numeric"
              validate={intValidator(1, MAX_HERD_CLIENTS)}
              onCommit={(t) =>
                update({ clients: Number(t) === HERD_DEFAULTS.clients ? undefined : t })
              }
            />
            <TextParam
              id="h-capacity"
              label="Capacity (requests/s)"
              value={String(h.capacityPerSec)}
              validate={(t) =>
                /^\d+(\.\d+)?$/.test(t) && Number(t) >= 1 && Number(t) <= 1_000_000
                  ? undefined
                  : 'Enter requests per second from 1 to 1,000,000.'
              }
              onCommit={(t) =>
                update({ capacity: Number(t) === HERD_DEFAULTS.capacity ? undefined : t })
              }
            />
            <TextParam
              id="h-window"
              label="503 window (s, from-to)"
              value={windowText}
              inputMode="text"
              validate={(t) =>
                /^none$/i.test(t) ||
                (/^(\d+(\.\d+)?)\s*-\s*(\d+(\.\d+)?)$/.test(t) &&
                  Number(t.split('-')[1]) > Number(t.split('-')[0]))
                  ? undefined
                  : 'Enter seconds like 5-15, or "none".'
              }
              hint='e.g. 5-15; "none" for no outage'
              onCommit={(t) =>
                update({ window: /^none$/i.test(t) ? undefined : t.replace(/\s/g, '') })
              }
            />
            <PresetSelect
              id="h-policy"
              label="Every client retries with"
              value={h.policyRef}
              extra={[{ value: CURRENT, label: 'The policy above' }]}
              onChange={(v) => update({ herdpolicy: v === CURRENT ? undefined : v })}
            />
            <SelectParam
              id="h-ra"
              label="The 429 carries"
              value={h.serverRetryAfter}
              options={[
                { value: 'seconds', label: 'Retry-After in seconds' },
                { value: 'ms', label: 'retry-after-ms' },
                { value: 'both', label: 'both headers' },
                { value: 'none', label: 'no Retry-After' },
              ]}
              onChange={(v) => update({ herdra: v === 'seconds' ? undefined : v })}
            />
            <TextParam
              id="h-spread"
              label="Clients start within (s)"
              value={msToSecondsText(h.spreadMs)}
              validate={secondsValidator()}
              hint="0: all at once, a thundering herd"
              onCommit={(t) => update({ spread: Number(t) === 0 ? undefined : t })}
            />
          </div>
          {rate && (
            <JobControls
              id="herd"
              status={rateJob.status}
              currentKey={jobKey(rate)}
              runLabel={`Run ${formatCount(h.clients)} clients`}
              onRun={() => rateJob.start(rate)}
              onCancel={rateJob.cancel}
            />
          )}
          {rateJob.status.state === 'done' && (
            <RateResults
              r={rateJob.status.result.result}
              window={
                rateJob.status.job.kind === 'herd-rate'
                  ? rateJob.status.job.config.outage
                  : undefined
              }
            />
          )}
        </div>
      ) : (
        <div className="space-y-4">
          <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
            Marc Brooker&apos;s “Exponential Backoff And Jitter” (AWS Architecture Blog, 2015), as
            its public simulator models it: N clients each make one optimistic-concurrency write to
            the same row; a write fails when another landed since its read, and the client backs off
            (base {AWS_DEFAULTS.baseMs} ms, cap {formatDuration(AWS_DEFAULTS.capMs)}) and tries
            again until it succeeds. Five strategies; the sweep runs 10 to 190 clients.
          </p>
          <div className="grid gap-3 sm:grid-cols-3">
            <TextParam
              id="h-awsclients"
              label={`Clients for the load plot (1–${formatCount(MAX_AWS_CLIENTS)})`}
              value={String(h.awsClients)}
              inputMode="numeric"
              validate={intValidator(1, MAX_AWS_CLIENTS)}
              onCommit={(t) =>
                update({ awsclients: Number(t) === HERD_DEFAULTS.awsClients ? undefined : t })
              }
            />
            <TextParam
              id="h-awsruns"
              label="Runs per point of the sweep (1–100)"
              value={String(h.awsRuns)}
              inputMode="numeric"
              validate={intValidator(1, 100)}
              onCommit={(t) =>
                update({ awsruns: Number(t) === HERD_DEFAULTS.awsRuns ? undefined : t })
              }
            />
          </div>
          <JobControls
            id="aws"
            status={awsJob.status}
            currentKey={jobKey(aws)}
            runLabel="Run the contention model"
            onRun={() => awsJob.start(aws)}
            onCancel={awsJob.cancel}
          />
          {awsJob.status.state === 'done' && <AwsResults result={awsJob.status.result} />}
        </div>
      )}
    </section>
  );
}
