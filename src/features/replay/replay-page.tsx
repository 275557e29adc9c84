/**
 * The /replay page: pick or edit a scenario, choose a client and speed, run it, read the timeline.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { SCENARIO_LIBRARY, COMMON_SCENARIOS, SEED_SCENARIOS } from '../../core/replay/library';
import {
  checkScenarioAgainstCatalog,
  parseScenario,
  type ScenarioProblem,
} from '../../core/replay/scenario-schema';
import type { ReplayClientId, ReplayScenario, ReplaySpeed } from '../../core/replay/types';
import { describeMove, retargetScenario } from '../../core/replay/retarget';
import type { ProviderCatalog } from '../../core/catalog/schema';
import { providerCatalogQueryOptions } from '../../lib/catalog-queries';
import { CatalogProblems, Callout, UrlProblems } from '../../components/catalog-error';
import { CopyButton } from '../../components/copy-button';
import { useDocumentTitle } from '../../components/use-document-title';
import { buttonClass } from '../../components/form-styles';
import { ClientPanel, type PolicyPatch } from './client-panel';
import { ImportExport, type ImportResult } from './import-export';
import {
  explainStartFailure,
  startMockWorker,
  stopMockWorker,
  type MockState,
  type ReplayMocks,
} from './mock-worker';
import { RunControls } from './run-controls';
import { RunResults } from './run-results';
import { ScenarioPicker, type ScenarioGroup } from './scenario-picker';
import { MAX_LINK_CHARS, encodeScenario } from './scenario-link';
import { resolveReplaySearch, sdkFor, speedParam } from './search-state';
import type { ReplaySearch } from './search-params';
import { ScenarioFields, type ProviderMove } from './scenario-fields';
import { StepEditor } from './step-editor';
import { clearSaved, deleteSaved, readSaved, saveScenario } from './storage';
import { useReplayRun } from './use-replay-run';
import { sdkVersions } from './versions';
import { groupThousands } from '../../lib/format';

const route = getRouteApi('/replay');

let runCounter = 0;
const newRunId = () => `r${Date.now().toString(36)}${(runCounter++).toString(36)}`;

/** A library scenario, once edited, becomes the user's own copy. */
function forkIfLibrary(scenario: ReplayScenario, next: ReplayScenario): ReplayScenario {
  const fromLibrary = SCENARIO_LIBRARY.some((s) => s.id === scenario.id);
  if (!fromLibrary || next.id !== scenario.id) return next;
  return {
    ...next,
    id: `${scenario.id}-edited`.slice(0, 100),
    // A title the user wrote stays as written.
    title: next.title !== scenario.title ? next.title : `${scenario.title} (edited)`.slice(0, 120),
  };
}

function useMockServer(): { state: MockState; mocks: ReplayMocks | undefined } {
  const [state, setState] = useState<MockState>({ state: 'starting' });
  const [mocks, setMocks] = useState<ReplayMocks>();
  useEffect(() => {
    let live = true;
    startMockWorker().then(
      (m) => {
        if (!live) return;
        setMocks(m);
        setState({ state: 'ready' });
      },
      (error: unknown) => {
        if (live) setState({ state: 'failed', message: explainStartFailure(error) });
      },
    );
    return () => {
      live = false;
      stopMockWorker();
    };
  }, []);
  return { state, mocks };
}

export function ReplayPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle('Replay failure sequences');
  const state = useMemo(() => resolveReplaySearch(search, SCENARIO_LIBRARY), [search]);
  const urlKey = search.s ?? `library:${search.scenario ?? ''}`;

  // A scenario too long for a link lives here, tied to the address it was made on.
  const [local, setLocal] = useState<{ urlKey: string; scenario: ReplayScenario } | null>(null);
  const scenario = local && local.urlKey === urlKey ? local.scenario : state.scenario;
  const tooLongForLink = (local !== null && local.urlKey === urlKey) || state.linkTooLong;

  const [saved, setSaved] = useState(() => readSaved());
  const [saveMessage, setSaveMessage] = useState<string>();

  const catalogQuery = useQuery(providerCatalogQueryOptions(scenario.provider));
  const catalog = catalogQuery.data;
  const catalogProblems: readonly ScenarioProblem[] = useMemo(
    () => (catalog ? checkScenarioAgainstCatalog(scenario, catalog) : []),
    [catalog, scenario],
  );

  const mock = useMockServer();
  const [runCatalog, setRunCatalog] = useState<ProviderCatalog>();
  const run = useReplayRun();
  const sdk = sdkFor(scenario);

  const setSearch = (patch: Partial<ReplaySearch>, replace = false) =>
    void navigate({ search: (old: ReplaySearch) => ({ ...old, ...patch }), replace });

  /** Put a scenario on the page: in the link when it fits, else kept here. */
  const showScenario = (next: ReplayScenario, replace: boolean) => {
    const libraryMatch = SCENARIO_LIBRARY.find((s) => s === next);
    if (libraryMatch) {
      setLocal(null);
      setSearch({ scenario: libraryMatch.id, s: undefined }, replace);
      return;
    }
    const encoded = encodeScenario(next);
    if (encoded.length <= MAX_LINK_CHARS) {
      setLocal(null);
      setSearch({ s: encoded, scenario: undefined }, replace);
    } else setLocal({ urlKey, scenario: next });
  };

  const moveToken = useRef(0);
  const [move, setMove] = useState<ProviderMove & { about?: { id: string; provider: string } }>({});
  const onEdit = (next: ReplayScenario) => {
    moveToken.current++; // an edit wins over a move still loading its catalog
    setMove({});
    showScenario(forkIfLibrary(scenario, next), true);
  };

  /** Another provider: load its catalog, match each step's entry there, then show the result. */
  const onProvider = async (providerId: string) => {
    // Arrow keys on the select ask for one provider after another: the last one asked wins.
    const token = ++moveToken.current;
    const from = scenario;
    setMove({ pending: providerId });
    try {
      const target = await queryClient.fetchQuery(providerCatalogQueryOptions(providerId));
      if (token !== moveToken.current) return;
      const moved = retargetScenario(from, target, catalog);
      const shown = forkIfLibrary(from, moved.scenario);
      showScenario(shown, true);
      setMove({
        said: { tone: 'info', text: describeMove(moved, target.name) },
        about: { id: shown.id, provider: shown.provider },
      });
    } catch (error) {
      if (token !== moveToken.current) return;
      setMove({
        said: {
          tone: 'error',
          text: `The scenario stays at ${catalog?.name ?? from.provider}: the ${providerId} catalog could not be loaded (${error instanceof Error ? error.message : String(error)}).`,
        },
      });
    }
  };

  const onImport = async (text: string): Promise<ImportResult> => {
    const parsed = parseScenario(text);
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    let importedCatalog;
    try {
      importedCatalog = await queryClient.fetchQuery(
        providerCatalogQueryOptions(parsed.scenario.provider),
      );
    } catch (error) {
      return {
        ok: false,
        problems: [
          {
            path: 'provider',
            message: `"${parsed.scenario.provider}" has no catalog this page can load (${error instanceof Error ? error.message : String(error)})`,
          },
        ],
      };
    }
    const problems = checkScenarioAgainstCatalog(parsed.scenario, importedCatalog);
    if (problems.length) return { ok: false, problems };
    showScenario(parsed.scenario, false);
    return { ok: true };
  };

  const groups: ScenarioGroup[] = [
    { id: 'seed', label: 'From the seed documents', scenarios: SEED_SCENARIOS },
    { id: 'common', label: 'Common failures', scenarios: COMMON_SCENARIOS },
    { id: 'saved', label: 'Saved in this browser', scenarios: saved.scenarios },
  ];
  const selectedKey = (() => {
    if (state.source.kind === 'library' && !tooLongForLink) {
      const id = state.source.id;
      return SEED_SCENARIOS.some((s) => s.id === id) ? `seed:${id}` : `common:${id}`;
    }
    const match = saved.scenarios.find(
      (s) => s.id === scenario.id && encodeScenario(s) === encodeScenario(scenario),
    );
    return match ? `saved:${match.id}` : undefined;
  })();

  const runnable =
    catalog !== undefined && catalogProblems.length === 0 && mock.state.state === 'ready';
  const running = run.status.state === 'running' || run.status.state === 'paused';

  const startRun = () => {
    if (!catalog || !mock.mocks) return;
    setRunCatalog(catalog);
    const { registry } = mock.mocks;
    const runId = newRunId();
    run.start(
      {
        runId,
        scenario,
        client: state.client,
        policy: state.policy.policy,
        presetId: state.policy.presetId,
        speed: state.speed,
      },
      () => {
        registry.register(runId, { scenario, catalog });
        return () => registry.unregister(runId);
      },
    );
  };

  const onSpeed = (speed: ReplaySpeed) => {
    setSearch({ speed: speed === 'instant' ? undefined : speedParam(speed) }, true);
    if (running) run.setSpeed(speed);
  };
  const onClient = (client: ReplayClientId) =>
    setSearch({ client: client === sdk ? undefined : client }, true);
  const onPolicy = (patch: PolicyPatch) => setSearch(patch, true);

  const shareUrl = typeof window === 'undefined' ? '' : window.location.href;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Replay failure sequences</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Pick a scripted failure — a storm of 503s, a 429 with Retry-After, a stream cut mid-answer
          — and watch a real client meet it, request by request. The official SDKs run in your
          browser against a mock server (Mock Service Worker) on{' '}
          <code className="font-mono">mock.replay.test</code>; nothing leaves your machine, and a
          virtual clock replays minutes of retries in a blink, with every time exact.
        </p>
      </header>

      <UrlProblems problems={state.problems} />
      {state.linkProblems.length > 0 && (
        <Callout tone="error" title="The scenario in the link could not be read">
          <ul className="list-disc pl-6">
            {state.linkProblems.map((p, i) => (
              <li key={i}>
                <code className="font-mono">{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
          <p className="mt-1">“{state.scenario.title}” is shown instead.</p>
        </Callout>
      )}
      {state.linkTooLong && (
        <Callout tone="warning" title="This link is too long">
          <p>
            The scenario in the address is over {groupThousands(MAX_LINK_CHARS)} characters, so it
            was not read. Share long scenarios as a file: export it, then import it.
          </p>
        </Callout>
      )}
      {mock.state.state === 'failed' && (
        <Callout tone="error" title="The mock server could not start">
          <p>{mock.state.message}</p>
          <p className="mt-1">
            Without it no replay can run; scenarios can still be edited, imported and exported.
          </p>
        </Callout>
      )}
      {saved.problems.length > 0 && (
        <Callout tone="warning" title="Some saved scenarios could not be read">
          <ul className="list-disc pl-6">
            {saved.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {saved.corrupt && (
            <button
              type="button"
              className={`${buttonClass} mt-2`}
              onClick={() => {
                clearSaved();
                setSaved(readSaved());
              }}
            >
              Clear the saved scenarios
            </button>
          )}
        </Callout>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section aria-labelledby="library-heading" className="space-y-2">
          <h2 id="library-heading" className="text-lg font-semibold">
            Scenarios
          </h2>
          <ScenarioPicker
            groups={groups}
            selected={selectedKey}
            onSelect={(_group, s) => showScenario(s, false)}
          />
        </section>

        <section aria-labelledby="scenario-heading" className="space-y-3">
          <div>
            <h2 id="scenario-heading" className="text-lg font-semibold">
              {scenario.title}
            </h2>
            <p className="text-sm text-slate-700 dark:text-slate-300">{scenario.story}</p>
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {catalog?.name ?? scenario.provider} ·{' '}
              <code className="font-mono">POST {scenario.path}</code> ·{' '}
              {scenario.stream ? 'streamed' : 'not streamed'} · after the last step:{' '}
              {scenario.then === 'success' ? 'success' : 'the last step again'}
              {scenario.source && (
                <>
                  {' '}
                  ·{' '}
                  <a href={scenario.source.url} target="_blank" rel="noreferrer noopener">
                    source
                  </a>{' '}
                  (seen {scenario.source.seen})
                </>
              )}
            </p>
          </div>
          {catalogQuery.isPending && (
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              Loading the {scenario.provider} catalog…
            </p>
          )}
          {catalogQuery.isError && (
            <Callout tone="error" title="The provider catalog could not be loaded">
              <CatalogProblems
                error={
                  catalogQuery.error instanceof Error
                    ? catalogQuery.error
                    : new Error(String(catalogQuery.error))
                }
                providerName={scenario.provider}
              />
            </Callout>
          )}
          {catalogProblems.length > 0 && (
            <Callout tone="error" title="This scenario does not fit its catalog">
              <ul className="list-disc pl-6">
                {catalogProblems.map((p, i) => (
                  <li key={i}>
                    <code className="font-mono">{p.path}</code>: {p.message}
                  </li>
                ))}
              </ul>
            </Callout>
          )}
          <ScenarioFields
            scenario={scenario}
            onChange={onEdit}
            onProvider={(id) => void onProvider(id)}
            move={
              // What a move said holds while its scenario is on the page, not after another is picked.
              !move.about ||
              (move.about.id === scenario.id && move.about.provider === scenario.provider)
                ? move
                : {}
            }
          />
          <StepEditor scenario={scenario} entries={catalog?.errors ?? []} onChange={onEdit} />
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {tooLongForLink ? (
              <p className="text-amber-900 dark:text-amber-200">
                This scenario is too long for a link (over {groupThousands(MAX_LINK_CHARS)}{' '}
                characters): export it below to share it.
              </p>
            ) : (
              <CopyButton text={shareUrl} label="Copy link to this scenario" className="text-sm" />
            )}
            <button
              type="button"
              className={buttonClass}
              disabled={saved.corrupt}
              onClick={() => {
                try {
                  saveScenario(scenario);
                  setSaved(readSaved());
                  setSaveMessage(`Saved “${scenario.title}” in this browser.`);
                } catch (error) {
                  setSaveMessage(
                    `Not saved: ${error instanceof Error ? error.message : String(error)}`,
                  );
                }
              }}
            >
              Save in this browser
            </button>
            {saved.scenarios.some((s) => s.id === scenario.id) && (
              <button
                type="button"
                className={buttonClass}
                onClick={() => {
                  try {
                    deleteSaved(scenario.id);
                    setSaved(readSaved());
                    setSaveMessage(`Removed “${scenario.title}” from this browser.`);
                  } catch (error) {
                    setSaveMessage(
                      `Not removed: ${error instanceof Error ? error.message : String(error)}`,
                    );
                  }
                }}
              >
                Remove from this browser
              </button>
            )}
            <span role="status" className="text-xs text-slate-700 dark:text-slate-300">
              {saveMessage}
            </span>
          </div>
          <details className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <summary className="cursor-pointer text-sm font-semibold">
              Import or export JSON
            </summary>
            <div className="mt-3">
              <ImportExport scenario={scenario} onImport={onImport} />
            </div>
          </details>
        </section>
      </div>

      <section
        aria-labelledby="run-heading"
        className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-700"
      >
        <h2 id="run-heading" className="text-lg font-semibold">
          Run
        </h2>
        <ClientPanel
          client={state.client}
          sdk={sdk}
          sdkVersion={sdkVersions[sdk]}
          policy={state.policy}
          speed={state.speed}
          onClient={onClient}
          onPolicy={onPolicy}
          onSpeed={onSpeed}
        />
        <RunControls
          run={run}
          runnable={runnable}
          mockState={mock.state}
          catalogReady={catalog !== undefined && catalogProblems.length === 0}
          onRun={startRun}
        />
      </section>

      <RunResults run={run} scenario={scenario} catalog={runCatalog} />
    </div>
  );
}
