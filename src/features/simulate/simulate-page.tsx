/** The simulator page: policy, simulated server, and one tab per view. */

import { Suspense, lazy, memo, useCallback, useDeferredValue, useMemo } from 'react';
import { getRouteApi, useRouterState } from '@tanstack/react-router';
import { UrlProblems } from '../../components/catalog-error';
import { useDocumentTitle } from '../../components/use-document-title';
import {
  policyParamKeys,
  secondsValidator,
  type PolicyParamKey,
} from '../../core/retry/policy-params';
import { policyLabel } from '../../lib/preset-groups';
import { PolicyPicker } from './policy/policy-picker';
import { PolicyView } from './panels/policy-view';
import type { SimulateSearch, UpdateSearch } from './search-params';
import { resolveSimulate, views, type SimulateState, type View } from './search-state';
import { SelectParam, TextParam } from '../../components/fields';
import { Tabs } from './shared/tabs';
import { RunsPanel } from './panels/runs-panel';
import { SequencePanel } from './panels/sequence-panel';
import { ComparePanel } from './panels/compare-panel';
import { useWorkerJob } from './jobs/use-worker-job';
import type { HerdAwsResult, HerdRateResult, OutageResult, RunsResult } from './jobs/job-types';

const route = getRouteApi('/simulate');

// The herd models and the code exporters are sizeable and only needed on their own tabs.
const HerdPanel = lazy(() => import('./panels/herd-panel').then((m) => ({ default: m.HerdPanel })));
const ExportPanel = lazy(() =>
  import('./panels/export-panel').then((m) => ({ default: m.ExportPanel })),
);

function Loading() {
  return (
    <p role="status" className="animate-pulse text-sm text-slate-600 dark:text-slate-400">
      Loading…
    </p>
  );
}

const viewLabels: Record<View, string> = {
  policy: 'Timeline and delays',
  runs: 'Many runs',
  sequence: 'Response sequence',
  compare: 'Compare and stack',
  herd: 'Herd',
  export: 'Export as code',
};

const failureOptions = [
  { value: '503', label: '503 Service Unavailable' },
  { value: '500', label: '500 Internal Server Error' },
  { value: '502', label: '502 Bad Gateway' },
  { value: '504', label: '504 Gateway Timeout' },
  { value: '529', label: '529 Overloaded' },
  { value: '429', label: '429 Too Many Requests (no Retry-After)' },
  { value: '408', label: '408 Request Timeout' },
  { value: 'timeout', label: 'a timeout' },
  { value: 'conn', label: 'a connection error' },
];

/**
 * The simulator's tabs. Memoised, and handed the page's deferred state: while a field is being
 * typed in, React skips these in the urgent render and renders them afterwards in a transition.
 * They own the worker jobs, so results survive switching tabs.
 */
const SimulatorViews = memo(function SimulatorViews({
  state,
  update,
}: {
  state: SimulateState;
  update: UpdateSearch;
}) {
  const name = policyLabel(state.policy.presetId);
  const runsJob = useWorkerJob<RunsResult>();
  const outageJob = useWorkerJob<OutageResult>();
  const compareOutageJob = useWorkerJob<OutageResult>();
  const herdRateJob = useWorkerJob<HerdRateResult>();
  const herdAwsJob = useWorkerJob<HerdAwsResult>();
  return (
    <Tabs
      label="Simulator views"
      tabs={views.map((v) => ({ id: v, label: viewLabels[v] }))}
      selected={state.view}
      onSelect={(v) => update({ view: v === 'policy' ? undefined : v }, 'push')}
      render={(view) => {
        switch (view) {
          case 'policy':
            return (
              <PolicyView
                policy={state.policy.policy}
                name={name}
                failure={state.failure}
                failureText={state.failureText}
                latencyMs={state.latencyMs}
                seed={state.seed}
              />
            );
          case 'runs':
            return (
              <RunsPanel
                state={state}
                name={name}
                update={update}
                runsJob={runsJob}
                outageJob={outageJob}
              />
            );
          case 'sequence':
            return <SequencePanel state={state} name={name} update={update} />;
          case 'compare':
            return <ComparePanel state={state} update={update} outageJob={compareOutageJob} />;
          case 'herd':
            return (
              <HerdPanel state={state} update={update} rateJob={herdRateJob} awsJob={herdAwsJob} />
            );
          case 'export':
            return (
              <Suspense fallback={<Loading />}>
                <ExportPanel state={state} name={name} update={update} />
              </Suspense>
            );
        }
      }}
    />
  );
});

export function SimulatePage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const href = useRouterState({ select: (s) => s.location.href });
  const state = useMemo(() => resolveSimulate(search), [search]);
  useDocumentTitle('Simulate retry policies');

  /**
   * Typing in a field replaces the history entry (one per keystroke would bury Back); a
   * deliberate step (another preset, another tab, a reset) pushes one, so Back undoes it.
   */
  const update: UpdateSearch = useCallback(
    (patch, history = 'replace') =>
      void navigate({
        search: (prev: SimulateSearch) => ({ ...prev, ...patch }),
        replace: history === 'replace',
      }),
    [navigate],
  );
  // The form follows every key at once; the views (charts, tables, timelines: most of the work)
  // follow a deferred copy, rendered in slices React can interrupt, so typing never waits on them.
  const shownState = useDeferredValue(state);
  const clearedPolicy = Object.fromEntries(policyParamKeys.map((k) => [k, undefined])) as Record<
    PolicyParamKey,
    undefined
  >;
  const shareUrl = typeof window === 'undefined' ? href : `${window.location.origin}${href}`;
  const failureChoices = failureOptions.some((o) => o.value === state.failureText)
    ? failureOptions
    : [...failureOptions, { value: state.failureText, label: state.failureText }];

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Simulate retry policies</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          What a real client&apos;s retry policy does, on a virtual clock in your browser: the
          answer comes first, the policy and the simulated server to change it follow. Every setting
          is in the address.
        </p>
      </header>

      <UrlProblems problems={state.problems} />

      <SimulatorViews state={shownState} update={update} />

      <PolicyPicker
        resolved={state.policy}
        countMode={search.retries !== undefined ? 'retries' : 'attempts'}
        shareUrl={shareUrl}
        onPatch={(patch) =>
          patch.preset !== undefined
            ? update({ ...clearedPolicy, ...patch }, 'push')
            : update(patch)
        }
        onReset={() => update(clearedPolicy, 'push')}
        onStack={(wraps) =>
          update({ view: 'compare', gateway: 'none', sdk: wraps, app: 'current' }, 'push')
        }
      />

      <section
        aria-labelledby="server-heading"
        className="rounded-md border border-slate-200 p-4 dark:border-slate-700"
      >
        <h2 id="server-heading" className="text-lg font-semibold">
          Simulated server
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          What the timeline, the table, many runs, the comparison and the stack run against (the
          response sequence and the herd script their own server).
        </p>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          <SelectParam
            id="s-fail"
            label="Every attempt fails with"
            value={state.failureText}
            options={failureChoices}
            onChange={(v) => update({ fail: v === '503' ? undefined : v })}
          />
          <TextParam
            id="s-lat"
            label="Each attempt takes (s)"
            value={String(state.latencyMs / 1000)}
            validate={secondsValidator()}
            onCommit={(t) => update({ lat: Number(t) === 0 ? undefined : t })}
          />
          <TextParam
            id="s-seed"
            label="Random seed"
            value={String(state.seed)}
            inputMode="numeric"
            validate={(t) =>
              /^\d{1,10}$/.test(t) && Number(t) <= 0xffffffff
                ? undefined
                : 'Enter a whole number, e.g. 42.'
            }
            hint="The same seed always draws the same jitter."
            onCommit={(t) => update({ seed: t === '1' ? undefined : t })}
          />
        </div>
      </section>
    </div>
  );
}
