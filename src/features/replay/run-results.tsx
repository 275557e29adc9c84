import { useMemo } from 'react';
import type { ReplayResult, ReplayScenario } from '../../core/replay/types';
import { summarize } from './attempts';
import { TimeStrip } from './time-strip';
import { TimelineTable } from './timeline-table';
import { formatVirtual } from './step-words';
import type { ReplayRun } from './use-replay-run';

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
      <p className="mt-1">
        <code className="font-mono font-semibold" data-testid="replay-exception">
          {result.className}
        </code>
        {result.status !== undefined && <> (status {result.status})</>}: {result.message}
      </p>
    </section>
  );
}

/** The run: what the caller got, the verdicts, the time strip and the attempt table. */
export function RunResults({ run, scenario }: { run: ReplayRun; scenario: ReplayScenario }) {
  const summary = useMemo(() => summarize(run.events), [run.events]);
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
  const job = s.job;
  const stale = job.scenario !== scenario;
  const endT = summary.done?.t ?? run.events.at(-1)?.t ?? 0;
  const clientName =
    job.client === 'reference' ? `the reference client (${job.presetId})` : `the ${job.client} SDK`;
  const reasons = new Map<number, string>();
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
      {summary.result && <ResultCallout result={summary.result.result} t={summary.result.t} />}
      {summary.attempts.length > 0 && <TimeStrip rows={summary.attempts} endT={endT} />}
      {summary.attempts.length > 0 ? (
        <TimelineTable
          rows={summary.attempts}
          reasons={reasons}
          stepCount={job.scenario.steps.length}
          caption={`${summary.attempts.length} ${summary.attempts.length === 1 ? 'attempt' : 'attempts'} by ${clientName} against “${job.scenario.title}”`}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">No request has been sent yet.</p>
      )}
      {summary.logs.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">
            What the client logged ({summary.logs.length} lines)
          </summary>
          <ol className="mt-1 space-y-0.5 font-mono text-xs">
            {summary.logs.map((l, i) => (
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
