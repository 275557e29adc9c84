/** The Response sequence tab: the policy against a scripted list of server responses. */

import { useMemo, useState } from 'react';
import { delayRange, describeOutcome } from '../../../core/retry/policy';
import {
  DEFAULT_START_EPOCH_MS,
  simulate,
  type SimulationResult,
  type TimelineEntry,
} from '../../../core/retry/simulate';
import type { RetryPolicy } from '../../../core/retry/types';
import { captionClass, headRow, tableClass, td, th, tr } from '../../../components/table-styles';
import { timelineModel } from '../charts/chart-data';
import { ChartFigure } from '../../../components/charts/chart-parts';
import { describeStop } from '../shared/describe';
import { inputClass } from '../../../components/form-styles';
import { formatCount, formatDuration } from '../../../lib/format';
import type { UpdateSearch } from '../search-params';
import type { SimulateState } from '../search-state';
import { DEFAULT_SEQUENCE, formatStep, parseSequence } from '../sequence';
import { TimelineChart, TimelineLegend } from '../charts/timeline-chart';

const MAX_ROWS = 100;

/** What the client did after one request, in words. */
export function decisionText(
  policy: RetryPolicy,
  entry: TimelineEntry,
): { what: string; why: string } {
  const d = entry.decision;
  if (!d) return { what: '—', why: '' };
  if (d.action === 'stop') return { what: '✓ Done', why: d.why };
  if (d.action === 'give-up') return { what: `✗ Gives up: ${describeStop(d.reason)}`, why: d.why };
  if (d.source === 'retry-after') {
    const r = delayRange(policy, d.retryIndex, entry.outcome);
    const backoff =
      r.minMs === r.maxMs
        ? formatDuration(r.minMs)
        : `${formatDuration(r.minMs)}–${formatDuration(r.maxMs)}`;
    return {
      what: `↻ Retries after ${formatDuration(d.delayMs)}, as Retry-After says (its backoff would be ${backoff})`,
      why: d.why,
    };
  }
  return { what: `↻ Retries after ${formatDuration(d.delayMs)} (backoff)`, why: d.why };
}

export function runSummary(run: SimulationResult, policy?: RetryPolicy): string {
  if (run.success)
    return `✓ Succeeds on attempt ${formatCount(run.requests)} at ${formatDuration(run.elapsedMs)}.`;
  if (run.stopReason === 'simulation-limit')
    return `… Still retrying after ${formatCount(run.requests)} attempts (${formatDuration(run.elapsedMs)}): ${describeStop(run.stopReason, undefined, policy)}.`;
  return `✗ Gives up after attempt ${formatCount(run.requests)} at ${formatDuration(run.elapsedMs)}: ${describeStop(run.stopReason, run.why)}.`;
}

export function SequencePanel({
  state,
  name,
  update,
}: {
  state: SimulateState;
  name: string;
  update: UpdateSearch;
}) {
  const [draft, setDraft] = useState(state.sequence);
  const [shown, setShown] = useState(state.sequence);
  if (shown !== state.sequence) {
    setShown(state.sequence);
    setDraft(state.sequence);
  }
  const parsed = useMemo(() => parseSequence(draft), [draft]);
  const policy = state.policy.policy;
  const run = useMemo(
    () =>
      parsed.ok
        ? simulate(
            policy,
            { kind: 'script', steps: parsed.steps },
            {
              seed: state.seed,
              latencyMs: state.latencyMs,
              maxRequests: parsed.steps.length + 50,
            },
          )
        : undefined,
    [parsed, policy, state.seed, state.latencyMs],
  );
  const model = useMemo(
    () =>
      run
        ? timelineModel(
            policy,
            { rows: [], end: 'attempts', anyEstimated: false, capMs: undefined },
            run,
          )
        : undefined,
    [policy, run],
  );

  return (
    <section aria-labelledby="sequence-heading" className="space-y-4">
      <h2 id="sequence-heading" className="text-lg font-semibold">
        Response sequence
      </h2>
      {/* The answer first (what happens, and when), then the script to change it. */}
      {run && model && (
        <>
          <p className="text-base font-semibold" data-testid="sequence-outcome">
            {name}: {runSummary(run, policy)}
          </p>
          <ChartFigure
            title="This call on a time axis"
            legend={<TimelineLegend model={model} showWaits={false} />}
          >
            <TimelineChart
              model={model}
              runLabel="This call"
              label={`${name}: ${runSummary(run, policy)}`}
              showWaits={false}
            />
          </ChartFigure>
        </>
      )}
      <form
        className="max-w-3xl space-y-1"
        onSubmit={(e) => {
          e.preventDefault();
          update({ sequence: draft.trim() === DEFAULT_SEQUENCE ? undefined : draft.trim() });
        }}
      >
        <label htmlFor="sequence" className="block text-sm font-medium">
          The server answers, in order
        </label>
        <input
          id="sequence"
          type="text"
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          value={draft}
          aria-invalid={!parsed.ok}
          aria-describedby="sequence-help sequence-error"
          onChange={(e) => {
            const text = e.target.value;
            setDraft(text);
            if (parseSequence(text).ok)
              update({ sequence: text.trim() === DEFAULT_SEQUENCE ? undefined : text.trim() });
          }}
        />
        <p
          id="sequence-error"
          aria-live="polite"
          className="text-sm font-medium text-rose-800 dark:text-rose-300"
        >
          {parsed.ok ? '' : parsed.error}
        </p>
        <p id="sequence-help" className="text-xs text-slate-600 dark:text-slate-400">
          Comma-separated: a status (<code>503</code>), <code>timeout</code> or <code>conn</code>,
          each optionally with <code>ra=7</code> (Retry-After, seconds or a quoted HTTP date),{' '}
          <code>ra-ms=500</code>, <code>pushback=100</code>, <code>should-retry=false</code>,{' '}
          <code>took=2s</code> and <code>x3</code> to repeat. After the last response the server
          repeats it. For HTTP dates, t = 0 is {new Date(DEFAULT_START_EPOCH_MS).toUTCString()}.
        </p>
      </form>

      {run && model && (
        <div className="space-y-4">
          <div className="overflow-x-auto">
            <table className={tableClass} id="sequence-table">
              <caption className={captionClass}>What {name} does with each response</caption>
              <thead>
                <tr className={headRow}>
                  <th scope="col" className={th}>
                    Attempt
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Starts at
                  </th>
                  <th scope="col" className={th}>
                    Server
                  </th>
                  <th scope="col" className={th}>
                    Client saw
                  </th>
                  <th scope="col" className={th}>
                    Then
                  </th>
                  <th scope="col" className={th}>
                    Why
                  </th>
                </tr>
              </thead>
              <tbody>
                {run.entries.slice(0, MAX_ROWS).map((e) => {
                  const { what, why } = decisionText(policy, e);
                  return (
                    <tr key={e.request} className={tr} data-attempt={e.request}>
                      <th scope="row" className={`${td} font-normal`}>
                        {formatCount(e.request)}
                      </th>
                      <td className={`${td} text-right tabular-nums`}>
                        {formatDuration(e.startMs)}
                      </td>
                      <td className={`${td} font-mono`}>{formatStep(e.step)}</td>
                      <td className={td}>
                        {describeOutcome(e.outcome)}
                        {e.cutBy === 'attempt-timeout' && ' (cut by the per-attempt timeout)'}
                        {e.cutBy === 'deadline' && ' (cut by the deadline)'}
                      </td>
                      <td className={td}>{what}</td>
                      <td className={`${td} text-xs text-slate-700 dark:text-slate-300`}>{why}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {run.entries.length > MAX_ROWS && (
              <p className="text-xs text-slate-600 dark:text-slate-400">
                …and {formatCount(run.entries.length - MAX_ROWS)} more attempts.
              </p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
