/** Replay: import a scenario (paste or file, problems named by place) and export it as JSON. */
import { useId, useState, useSyncExternalStore } from 'react';
import type { ScenarioProblem } from '../../core/replay/scenario-schema';
import type { ReplayScenario } from '../../core/replay/types';
import { CopyButton } from '../../components/copy-button';
import { buttonClass, inputClass } from '../../components/form-styles';
import { downloadText } from '../../lib/download';

/** Where this site publishes the scenario JSON Schema (absolute, so an exported file keeps it). */
const schemaPath = `${import.meta.env.BASE_URL}replay/scenario.schema.json`;

export function scenarioSchemaUrl(): string {
  return typeof location === 'undefined'
    ? schemaPath
    : new URL(schemaPath, location.origin).toString();
}

const noSubscription = () => () => {};

/**
 * The schema's address for the exported JSON: absolute in the browser, so a saved file points
 * back here; the prerendered page shows the path, and hydration switches to the full address.
 */
export function useScenarioSchemaUrl(): string {
  return useSyncExternalStore(noSubscription, scenarioSchemaUrl, () => schemaPath);
}

/** The scenario as a file: pretty JSON with `$schema` so editors can check it. */
export function scenarioJson(scenario: ReplayScenario, schemaUrl: string): string {
  const { $schema: _old, ...rest } = scenario;
  return `${JSON.stringify({ $schema: schemaUrl, ...rest }, null, 2)}\n`;
}

export type ImportResult =
  { readonly ok: true } | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/**
 * Import (paste or file) and export (copy or download). A broken import is reported by place
 * and problem; the scenario on the page stays as it was.
 */
export function ImportExport({
  scenario,
  onImport,
}: {
  scenario: ReplayScenario;
  /** Validates and applies; resolves to the problems when it cannot. */
  onImport: (text: string, from: string) => Promise<ImportResult>;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    | { kind: 'ok'; from: string }
    | { kind: 'problems'; from: string; problems: readonly ScenarioProblem[] }
    | null
  >(null);
  // Read here, not by the page: the switch to the full address after hydration is a synchronous
  // re-render of whatever reads it, so only this part redraws.
  const schemaUrl = useScenarioSchemaUrl();
  const json = scenarioJson(scenario, schemaUrl);

  const run = async (input: string, from: string) => {
    setBusy(true);
    try {
      const result = await onImport(input, from);
      setOutcome(
        result.ok ? { kind: 'ok', from } : { kind: 'problems', from, problems: result.problems },
      );
      if (result.ok) setText('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <form
        aria-label="Import a scenario"
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          void run(text, 'the pasted text');
        }}
      >
        <label htmlFor={`${id}-paste`} className="block text-sm font-semibold">
          Import: paste scenario JSON
        </label>
        <textarea
          id={`${id}-paste`}
          rows={6}
          spellCheck={false}
          className={`${inputClass} font-mono text-xs`}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" className={buttonClass} disabled={busy || !text.trim()}>
            Import
          </button>
          <label htmlFor={`${id}-file`} className="text-sm">
            or a file:
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept="application/json,.json"
            className="max-w-full text-sm file:mr-2 file:rounded file:border file:border-slate-400 file:bg-white file:px-2 file:py-0.5 dark:file:bg-slate-800 dark:file:text-slate-100"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void file.text().then((t) => run(t, file.name));
            }}
          />
        </div>
        {outcome?.kind === 'ok' && (
          <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
            Imported {outcome.from}.
          </p>
        )}
        {outcome?.kind === 'problems' && (
          <div
            role="alert"
            className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-950 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-100"
          >
            <p className="font-semibold">
              {outcome.from} is not a scenario this page can run; your scenario was kept.
            </p>
            <ul className="mt-1 list-disc pl-6" data-testid="import-problems">
              {outcome.problems.slice(0, 10).map((p, i) => (
                <li key={i}>
                  <code className="font-mono">{p.path}</code>: {p.message}
                </li>
              ))}
            </ul>
            {outcome.problems.length > 10 && (
              <p>…and {outcome.problems.length - 10} more problems.</p>
            )}
          </div>
        )}
      </form>
      <div className="space-y-2">
        <p className="text-sm font-semibold">Export</p>
        <div className="flex flex-wrap gap-2">
          <CopyButton text={json} label="Copy JSON" className="text-sm" />
          <button
            type="button"
            className={buttonClass}
            onClick={() => downloadText(`${scenario.id}.replay.json`, json)}
          >
            Download {scenario.id}.replay.json
          </button>
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer">The JSON</summary>
          <pre className="mt-1 rounded bg-slate-100 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-slate-800">
            {json}
          </pre>
        </details>
      </div>
    </div>
  );
}
