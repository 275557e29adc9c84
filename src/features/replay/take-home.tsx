/** Replay: take a scenario home as MSW handlers and a Vitest test. */
import { useMemo } from 'react';
import type { ProviderCatalog } from '../../core/catalog/schema';
import {
  exportMswHandlers,
  exportVitestTest,
  handlersFileName,
  testFileName,
} from '../../core/replay/export';
import type { ReplayClientId, ReplayResult, ReplayScenario } from '../../core/replay/types';
import { CopyButton } from '../../components/copy-button';
import { buttonClass } from '../../components/form-styles';
import { downloadText } from '../../lib/download';

function FileBlock({ name, text, what }: { name: string; text: string; what: string }) {
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <code className="font-mono text-sm font-semibold">{name}</code>
        <span className="text-xs text-slate-600 dark:text-slate-400">{what}</span>
        <CopyButton text={text} label={`Copy ${name}`} />
        <button
          type="button"
          className={`${buttonClass} text-xs`}
          onClick={() => downloadText(name, text, 'text/typescript')}
        >
          Download
        </button>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer">The code</summary>
        <pre className="mt-1 rounded bg-slate-100 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-slate-800">
          {text}
        </pre>
      </details>
    </div>
  );
}

/**
 * "Take it home": the scenario as MSW handlers for the user's own project and, after an SDK run,
 * a Vitest test that expects what this run saw (same attempts, same error class).
 */
export function TakeHome({
  scenario,
  catalog,
  client,
  expected,
  virtualMs,
}: {
  scenario: ReplayScenario;
  catalog: ProviderCatalog;
  client: ReplayClientId;
  expected: { attempts: number; result: ReplayResult } | undefined;
  virtualMs: number;
}) {
  const handlers = useMemo(() => exportMswHandlers(scenario, catalog), [scenario, catalog]);
  const test = useMemo(
    () =>
      client !== 'reference' && expected
        ? exportVitestTest(scenario, {
            client,
            expected,
            // The exported handlers play the timing in real time.
            timeoutMs: Math.ceil(virtualMs) + 15_000,
          })
        : undefined,
    [scenario, client, expected, virtualMs],
  );
  return (
    <section aria-labelledby="take-home-heading" className="space-y-3">
      <h3 id="take-home-heading" className="font-semibold">
        Take it home
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        The same scenario for your own tests: MSW handlers that need only <code>msw</code> 2
        {test
          ? ', and a Vitest test that drives the SDK against them and expects what this run saw'
          : ''}
        . The handlers play latency and waits in real time.
      </p>
      <FileBlock
        name={handlersFileName(scenario)}
        text={handlers}
        what="MSW handlers (TypeScript)"
      />
      {test && (
        <FileBlock name={testFileName(scenario)} text={test} what="Vitest test (msw/node)" />
      )}
    </section>
  );
}
