/** Node-only: run every library scenario through the real SDKs over loopback and tabulate what they did. */
import type { ProviderCatalog } from '../core/catalog/schema';
import {
  compare,
  fmtRange,
  predict,
  presetForPackage,
  type Comparison,
  type Prediction,
} from '../core/replay/predict';
import { runReplay, type ReplayClientAdapter } from '../core/replay/run';
import { actualWaits } from '../core/replay/predict';
import type { ReplayResult, ReplayScenario } from '../core/replay/types';
import { SDK_VERSIONS, anthropicAdapter, openaiAdapter } from '../features/replay/sdk-clients';
import { CEREBRAS_VERSION, cerebrasAdapter } from './replay-cerebras';
import type { ReplayServer } from './replay-server';
import { entryExceptionsFor, getSdk, sdkIdForPackage } from '../core/sdk/choice';

export interface ProofSdk {
  readonly key: 'openai' | 'anthropic' | 'cerebras';
  readonly packageName: string;
  readonly version: string;
  /** Names the catalogs use for this SDK in `sdkExceptions[].sdk`. */
  readonly catalogNames: readonly string[];
  adapter(): ReplayClientAdapter;
}

export const PROOF_SDKS: readonly ProofSdk[] = [
  {
    key: 'openai',
    packageName: 'openai',
    version: SDK_VERSIONS.openai,
    catalogNames: ['openai'],
    adapter: () => openaiAdapter(),
  },
  {
    key: 'anthropic',
    packageName: '@anthropic-ai/sdk',
    version: SDK_VERSIONS.anthropic,
    catalogNames: ['anthropic', '@anthropic-ai/sdk'],
    adapter: () => anthropicAdapter(),
  },
  {
    key: 'cerebras',
    packageName: '@cerebras/cerebras_cloud_sdk',
    version: CEREBRAS_VERSION,
    catalogNames: ['cerebras-cloud-sdk', '@cerebras/cerebras_cloud_sdk'],
    adapter: () => cerebrasAdapter(),
  },
];

export interface ProofRow {
  readonly scenario: ReplayScenario;
  readonly sdk: ProofSdk;
  readonly presetId: string | undefined;
  readonly attempts: number;
  readonly waitsMs: readonly number[];
  readonly result: ReplayResult;
  /** Catalog entry that answered the last attempt, and the classes it lists for this SDK. */
  readonly entryId: string | undefined;
  readonly listedClasses: readonly string[];
  /** `null` when the catalog lists no class for this SDK on that entry. */
  readonly classMatches: boolean | null;
  readonly prediction: Prediction | undefined;
  readonly comparison: Comparison | undefined;
  readonly virtualMs: number;
  readonly wallMs: number;
}

function entryIdFor(scenario: ReplayScenario, stepIndex: number | undefined): string | undefined {
  const step = stepIndex === undefined ? undefined : scenario.steps[stepIndex];
  if (!step) return undefined;
  if (step.kind === 'error') return step.entry;
  if (step.kind === 'network-error') return 'connection-error';
  if (step.kind === 'no-response') return 'timeout';
  if (step.kind === 'stream-failure' && step.failure === 'error-event') return step.entry;
  return undefined;
}

let runs = 0;

export async function runProofCase(
  server: ReplayServer,
  catalog: ProviderCatalog,
  scenario: ReplayScenario,
  sdk: ProofSdk,
): Promise<ProofRow> {
  const runId = `proof-${sdk.key}-${scenario.id}-${++runs}`;
  server.registry.register(runId, { scenario, catalog });
  try {
    const summary = await runReplay({
      scenario,
      client: sdk.adapter(),
      runId,
      origin: server.origin,
    });
    const served = server.registry.requests(runId);
    const last = served.at(-1);
    const entryId =
      summary.result.kind === 'error' ? entryIdFor(scenario, last?.stepIndex) : undefined;
    const entry = entryId ? catalog.errors.find((e) => e.id === entryId) : undefined;
    // A modelled SDK: only the classes the catalog lists for its language and this release.
    const modelId = sdkIdForPackage(sdk.packageName, 'TypeScript');
    const model = modelId ? getSdk(modelId) : undefined;
    const listedClasses = (
      entry && model
        ? entryExceptionsFor(entry, { sdk: model, version: sdk.version })
        : (entry?.sdkExceptions ?? []).filter((x) => sdk.catalogNames.includes(x.sdk))
    ).map((x) => x.className);
    const classMatches =
      summary.result.kind !== 'error' || listedClasses.length === 0
        ? null
        : listedClasses.includes(summary.result.className);
    const preset = presetForPackage(sdk.packageName, sdk.version);
    const prediction = preset ? predict(scenario, catalog, preset) : undefined;
    return {
      scenario,
      sdk,
      presetId: preset?.id,
      attempts: summary.attempts,
      waitsMs: actualWaits(summary.events).map((w) => w.ms),
      result: summary.result,
      entryId,
      listedClasses,
      classMatches,
      prediction,
      comparison: prediction ? compare(prediction, summary.events) : undefined,
      virtualMs: summary.virtualMs,
      wallMs: summary.wallMs,
    };
  } finally {
    server.registry.unregister(runId);
  }
}

const ms = (v: number) => (v >= 10_000 ? `${Math.round(v / 100) / 10} s` : `${Math.round(v)} ms`);

/** Markdown: scenario × SDK, attempts, waits, what the caller got, preset agreement. */
export function formatProofTable(rows: readonly ProofRow[]): string {
  const lines = [
    '| scenario | SDK | attempts | waits | caller got | catalog class | preset | predicted | matches |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const got =
      r.result.kind === 'answer'
        ? `answer${r.result.chunks !== undefined ? ` (${r.result.chunks} chunks)` : ''}`
        : `${r.result.className}${r.result.status !== undefined ? ` ${r.result.status}` : ''}`;
    const cls =
      r.classMatches === null
        ? r.result.kind === 'error'
          ? 'not listed'
          : '–'
        : r.classMatches
          ? 'yes'
          : `no (lists ${r.listedClasses.join(', ')})`;
    const p = r.prediction;
    const predicted = p
      ? `${p.attempts.min === p.attempts.max ? p.attempts.min : `${p.attempts.min}–${p.attempts.max}`} [${p.waits.map((w) => fmtRange(w.minMs, w.maxMs)).join(', ')}] ${p.outcome}`
      : '–';
    const matches = r.comparison
      ? r.comparison.ok
        ? 'yes'
        : `**NO**: ${r.comparison.mismatches.join('; ')}`
      : '–';
    lines.push(
      `| ${r.scenario.id} | ${r.sdk.key} ${r.sdk.version} | ${r.attempts} | ${r.waitsMs.map(ms).join(', ') || '–'} | ${got} | ${cls} | ${r.presetId ?? '–'} | ${predicted} | ${matches} |`,
    );
  }
  return lines.join('\n');
}
