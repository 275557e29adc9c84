/** The Timeline and delays tab: one seeded call drawn as a timeline, and the delay table. */

import { useMemo } from 'react';
import type { Outcome, RetryPolicy } from '../../../core/retry/types';
import { delayTable, sampledRun, timelineModel, type DelayTable } from '../charts/chart-data';
import { ChartFigure } from '../../../components/charts/chart-parts';
import { DelayTableView } from './delay-table';
import { formatCount, formatDuration } from '../../../lib/format';
import { TimelineChart, TimelineLegend } from '../charts/timeline-chart';
import { describeStop } from '../shared/describe';

/** What the tab draws: a policy, its name, the failure every attempt gets, and the run's seed. */
interface PolicyViewProps {
  policy: RetryPolicy;
  name: string;
  failure: Outcome;
  failureText: string;
  latencyMs: number;
  seed: number;
}

/** One policy against a server that keeps failing: the timeline and the delay table. */
export function PolicyView(props: PolicyViewProps) {
  const { policy, name, failure, failureText, latencyMs, seed } = props;
  const table = useMemo(
    () => delayTable(policy, { outcome: failure, latencyMs, seed }),
    [policy, failure, latencyMs, seed],
  );
  // The sampled run and the chart are worked out by their own component, so rendering this tab
  // (hydrating it above all) comes in pieces React can pause between, not one long task.
  return (
    <div className="space-y-6">
      <TimelineFigure {...props} table={table} />
      <DelayTableView
        table={table}
        caption={`Each wait of ${name} when every attempt fails with ${failureText}${
          latencyMs > 0 ? ` and takes ${formatDuration(latencyMs)}` : ''
        }`}
        hasDeadline={(policy.deadlines?.length ?? 0) > 0}
        latencyMs={latencyMs}
      />
    </div>
  );
}

function TimelineFigure({
  policy,
  table,
  name,
  failure,
  failureText,
  latencyMs,
  seed,
}: PolicyViewProps & { table: DelayTable }) {
  const run = useMemo(
    () => sampledRun(policy, { outcome: failure, latencyMs, seed }),
    [policy, failure, latencyMs, seed],
  );
  const model = useMemo(() => timelineModel(policy, table, run), [policy, table, run]);
  const waits = run.entries.filter((e) => e.waitMs > 0);
  const summary = `${run.success ? 'Succeeds' : run.stopReason === 'simulation-limit' ? 'Still retrying' : 'Gives up'} after ${formatCount(run.requests)} ${
    run.requests === 1 ? 'attempt' : 'attempts'
  } at ${formatDuration(run.elapsedMs)}${run.success ? '' : `: ${describeStop(run.stopReason, run.why, policy)}`}`;

  return (
    <ChartFigure
      title={`Timeline: every attempt fails with ${failureText}`}
      description={
        <>
          {name}, sampled run (seed {seed}): <span data-testid="timeline-summary">{summary}</span>.
          {waits.length > 0 &&
            ` Its waits: ${waits
              .slice(0, 8)
              .map((e) => formatDuration(e.waitMs))
              .join(', ')}${waits.length > 8 ? ', …' : ''}.`}
        </>
      }
      legend={<TimelineLegend model={model} />}
    >
      <TimelineChart
        model={model}
        runLabel={`Seed ${seed}`}
        label={`Timeline of ${name}: ${summary}. ${table.rows.length} possible waits are drawn below the sampled run; the table below lists them.`}
      />
    </ChartFigure>
  );
}
