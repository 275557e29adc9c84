/**
 * Replay: what a run produced: the outcome, predicted vs actual, verdicts, time strip and table.
 */
import { useMemo } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import type { ProviderCatalog } from '../../core/catalog/schema';
import { explainRun } from '../../core/replay/explain';
import {
  compare,
  fmtRange,
  predict,
  presetForClient,
  type Comparison,
  type Prediction,
} from '../../core/replay/predict';
import type { ReplayEvent, ReplayResult, ReplayScenario } from '../../core/replay/types';
import { verdicts, type Verdict } from '../../core/replay/verdicts';
import { getPreset } from '../../core/retry/presets';
import { factsFor, getSdk, resolveSdkChoice } from '../../core/sdk/choice';
import { SdkVersionPicker } from '../../components/sdk-version-picker';
import { captionClass, tableClass, td, tr } from '../../components/table-styles';
import { TableHead } from '../../components/table-head';
import { formatVirtual } from './step-words';
import { TimeStrip } from './time-strip';
import { TakeHome } from './take-home';
import { TimelineTable } from './timeline-table';
import type { ReplayRun } from './use-replay-run';
import { sdkVersions } from './versions';
import type { ReplayJob } from './worker-protocol';
import type { ReplaySearch } from './search-params';

const route = getRouteApi('/replay');

/**
 * The page runs the installed SDK; the release you run may follow another retry rule. Pick it,
 * and the simulator's prediction for that release is shown beside the one for the run.
 */
function YourRelease({
  job,
  catalog,
  installedPresetId,
}: {
  job: ReplayJob;
  catalog: ProviderCatalog;
  installedPresetId: string | undefined;
}) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const model = getSdk(job.client === 'openai' ? 'openai-node' : 'anthropic-ts');
  const sdks = model ? [model] : [];
  const { choice } = resolveSdkChoice(search.sdk, sdks);
  const presetId = choice && factsFor(choice).retryAfter?.presetId;
  const preset = presetId ? getPreset(presetId) : undefined;
  const prediction = useMemo(
    () => (preset ? predict(job.scenario, catalog, preset) : undefined),
    [preset, job.scenario, catalog],
  );
  if (!choice || job.client === 'reference') return null;
  const installed = sdkVersions[job.client];
  return (
    <section aria-labelledby="your-release-heading" className="space-y-2 text-sm">
      <h3 id="your-release-heading" className="font-semibold">
        The release you run
      </h3>
      <SdkVersionPicker
        sdks={sdks}
        value={search.sdk}
        onChange={(sdk) =>
          void navigate({ search: (old: ReplaySearch) => ({ ...old, sdk }), replace: true })
        }
      />
      {!prediction ? (
        <p>
          No simulator preset models {choice.sdk.package} {choice.version} yet.
        </p>
      ) : presetId === installedPresetId ? (
        <p data-testid="replay-your-release">
          {choice.sdk.package} {choice.version} follows the same preset as the {installed} that ran
          ({prediction.presetLabel}): expect the same.
        </p>
      ) : (
        <p data-testid="replay-your-release">
          {choice.sdk.package} {choice.version} follows another preset ({prediction.presetLabel}):
          it would make{' '}
          {prediction.attempts.min === prediction.attempts.max
            ? prediction.attempts.min
            : `${prediction.attempts.min}–${prediction.attempts.max}`}{' '}
          attempts
          {prediction.waits.length > 0 &&
            `, waiting ${prediction.waits
              .map(
                (w) =>
                  `${fmtRange(w.minMs, w.maxMs)} (${w.source === 'retry-after' ? 'Retry-After' : 'backoff'})`,
              )
              .join(', ')}`}
          , then {prediction.outcome === 'success' ? 'answer' : 'raise'} ({prediction.why}).
        </p>
      )}
    </section>
  );
}

function ResultCallout({ result, t }: { result: ReplayResult; t: number }) {
  if (result.kind === 'answer')
    return (
      <section
        aria-label="What the caller got"
        className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100"
        data-testid="replay-result"
      >
        <h3 className="font-semibold">The caller got an answer at {formatVirtual(t)}</h3>
        <p className="mt-1">
          “{result.text}”{result.chunks !== undefined && ` (${result.chunks} chunks)`}
        </p>
      </section>
    );
  return (
    <section
      aria-label="What the caller got"
      className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-100"
      data-testid="replay-result"
    >
      <h3 className="font-semibold">The caller got an error at {formatVirtual(t)}</h3>
      <p className="mt-1 break-words">
        <code className="font-mono font-semibold" data-testid="replay-exception">
          {result.className}
        </code>
        {result.status !== undefined && <> (status {result.status})</>}: {result.message}
      </p>
    </section>
  );
}

const verdictMarks: Record<Verdict['status'], { mark: string; word: string; className: string }> = {
  pass: { mark: '✓', word: 'pass', className: 'text-emerald-800 dark:text-emerald-300' },
  fail: { mark: '✗', word: 'fail', className: 'text-rose-800 dark:text-rose-300' },
  'n/a': { mark: '–', word: 'not applicable', className: 'text-slate-600 dark:text-slate-400' },
};

function Verdicts({ list }: { list: readonly Verdict[] }) {
  return (
    <section aria-labelledby="verdicts-heading" className="space-y-1">
      <h3 id="verdicts-heading" className="font-semibold">
        Verdicts
      </h3>
      <ul aria-label="Verdicts" className="space-y-1 text-sm">
        {list.map((v) => {
          const m = verdictMarks[v.status];
          return (
            <li key={v.id} className="flex gap-2" data-verdict={v.id} data-status={v.status}>
              <span aria-hidden="true" className={`w-4 font-bold ${m.className}`}>
                {m.mark}
              </span>
              <span>
                <span className="font-medium">{v.title}</span>{' '}
                <span className={`text-xs font-semibold uppercase ${m.className}`}>{m.word}</span>
                <span className="block text-xs text-slate-700 dark:text-slate-300">{v.detail}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function PredictionPanel({
  prediction,
  comparison,
}: {
  prediction: Prediction;
  comparison: Comparison;
}) {
  const p = prediction.attempts;
  const predictedAttempts = `${p.min === p.max ? p.min : `${p.min}–${p.max}`} ${p.max === 1 ? 'attempt' : 'attempts'}`;
  return (
    <section
      aria-labelledby="prediction-heading"
      className="space-y-2"
      data-testid="replay-prediction"
    >
      <h3 id="prediction-heading" className="font-semibold">
        Predicted vs actual
      </h3>
      <p className="text-sm">
        The simulator’s preset <strong>{prediction.presetLabel}</strong> predicts{' '}
        {predictedAttempts}, then {prediction.outcome === 'success' ? 'an answer' : 'an error'} (
        {prediction.why}). The SDK made {comparison.attempts.actual}{' '}
        {comparison.attempts.actual === 1 ? 'attempt' : 'attempts'} and{' '}
        {comparison.outcome.actual === 'success' ? 'answered' : 'raised'}.
      </p>
      {comparison.ok ? (
        <p className="text-sm font-semibold text-emerald-800 dark:text-emerald-300">
          <span aria-hidden="true">✓ </span>The run matches the preset.
        </p>
      ) : (
        <div
          role="alert"
          className="rounded-md border-2 border-rose-700 bg-rose-50 p-3 text-sm text-rose-950 dark:border-rose-400 dark:bg-rose-950/60 dark:text-rose-100"
        >
          <p className="font-bold">
            <span aria-hidden="true">✗ </span>Mismatch: the SDK did not do what its preset predicts.
            The preset or the catalog is wrong.
          </p>
          <ul className="mt-1 list-disc pl-6">
            {comparison.mismatches.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {comparison.waits.length > 0 && (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <caption className={captionClass}>Waits before each retry</caption>
            <TableHead columns={['Retry', 'Predicted', 'Actual', 'Match']} />
            <tbody>
              {comparison.waits.map((w) => (
                <tr key={w.retryIndex} className={tr}>
                  <th scope="row" className={`${td} font-mono`}>
                    {w.retryIndex + 1}
                  </th>
                  <td className={td}>
                    {w.predicted
                      ? `${fmtRange(w.predicted.minMs, w.predicted.maxMs)} (${w.predicted.source === 'retry-after' ? 'Retry-After' : 'backoff'})`
                      : 'no retry'}
                  </td>
                  <td className={`${td} font-mono`}>
                    {w.actualMs !== undefined ? formatVirtual(w.actualMs) : 'no retry'}
                  </td>
                  <td className={td}>
                    {w.ok ? (
                      <span className="text-emerald-800 dark:text-emerald-300">✓ yes</span>
                    ) : (
                      <span className="font-bold text-rose-800 dark:text-rose-300">✗ no</span>
                    )}
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

/** The run: what the caller got, predicted vs actual, the verdicts, the time strip and table. */
export function RunResults({
  run,
  scenario,
  catalog,
}: {
  run: ReplayRun;
  scenario: ReplayScenario;
  /** The catalog the run's scenario was resolved against. */
  catalog: ProviderCatalog | undefined;
}) {
  const s = run.status;
  if (s.state === 'idle')
    return (
      <section aria-labelledby="results-heading" className="space-y-2">
        <h2 id="results-heading" className="text-lg font-semibold">
          Timeline
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Nothing has run yet: choose a client and press Run.
        </p>
      </section>
    );
  return (
    <RunView
      job={s.job}
      finished={s.state === 'done'}
      events={run.events}
      scenario={scenario}
      catalog={catalog}
    />
  );
}

function RunView({
  job,
  finished,
  events,
  scenario,
  catalog,
}: {
  job: ReplayJob;
  finished: boolean;
  events: readonly ReplayEvent[];
  scenario: ReplayScenario;
  catalog: ProviderCatalog | undefined;
}) {
  const explained = useMemo(() => explainRun(events), [events]);
  const forecast = useMemo(() => {
    if (!catalog || job.client === 'reference') return undefined;
    const preset = presetForClient(job.client, sdkVersions[job.client]);
    return { preset, prediction: preset ? predict(job.scenario, catalog, preset) : undefined };
  }, [job, catalog]);
  const comparison = useMemo(
    () => (finished && forecast?.prediction ? compare(forecast.prediction, events) : undefined),
    [finished, forecast, events],
  );
  const verdictList = useMemo(() => {
    if (!finished || !catalog) return undefined;
    const maxAttempts =
      job.client === 'reference' ? job.policy.maxAttempts : forecast?.preset?.policy.maxAttempts;
    return verdicts({
      scenario: job.scenario,
      catalog,
      events,
      ...(maxAttempts !== undefined && Number.isFinite(maxAttempts) ? { maxAttempts } : {}),
    });
  }, [finished, job, catalog, forecast, events]);

  const stale = job.scenario !== scenario;
  const result = events.findLast((e) => e.type === 'result');
  const endT = events.at(-1)?.t ?? 0;
  const clientName =
    job.client === 'reference'
      ? `the reference client (${job.presetId === 'custom' ? 'custom policy' : job.presetId})`
      : `${job.client === 'openai' ? 'openai' : '@anthropic-ai/sdk'} ${sdkVersions[job.client]}`;
  const rows = explained.rows;
  return (
    <section aria-labelledby="results-heading" className="space-y-4">
      <h2 id="results-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      {stale && (
        <p className="text-sm text-amber-900 dark:text-amber-200">
          This run was for “{job.scenario.title}” as it was then; run again to see the scenario as
          it is now.
        </p>
      )}
      {result?.type === 'result' && <ResultCallout result={result.result} t={result.t} />}
      <div className="grid gap-6 lg:grid-cols-2">
        {verdictList && <Verdicts list={verdictList} />}
        {finished && forecast && !forecast.prediction && (
          <p className="text-sm">No simulator preset models this SDK version yet.</p>
        )}
        {forecast?.prediction && comparison && (
          <PredictionPanel prediction={forecast.prediction} comparison={comparison} />
        )}
        {finished && catalog && job.client !== 'reference' && (
          <YourRelease job={job} catalog={catalog} installedPresetId={forecast?.preset?.id} />
        )}
      </div>
      {rows.length > 0 && <TimeStrip rows={rows} endT={endT} />}
      {rows.length > 0 ? (
        <TimelineTable
          rows={rows}
          stepCount={job.scenario.steps.length}
          caption={`${rows.length} ${rows.length === 1 ? 'attempt' : 'attempts'} by ${clientName} against “${job.scenario.title}”`}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No request has been sent yet.</p>
      )}
      {finished && catalog && (
        <TakeHome
          scenario={job.scenario}
          catalog={catalog}
          client={job.client}
          expected={
            result?.type === 'result'
              ? { attempts: explained.rows.length, result: result.result }
              : undefined
          }
          virtualMs={endT}
        />
      )}
      {explained.log.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">
            What the client logged ({explained.log.length}{' '}
            {explained.log.length === 1 ? 'line' : 'lines'})
          </summary>
          <ol className="mt-1 space-y-0.5 font-mono text-xs break-words">
            {explained.log.map((l, i) => (
              <li key={i}>
                <span className="text-slate-600 dark:text-slate-400">{formatVirtual(l.t)}</span> [
                {l.level}] {l.message}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
