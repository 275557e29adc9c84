/** The simulator's address resolved into its state, with what it did not understand. */

import { getPreset } from '../../core/retry/presets';
import type { Outcome, RetryPolicy } from '../../core/retry/types';
import {
  CUSTOM_ID,
  CUSTOM_POLICY,
  resolvePolicy,
  secondsToMs,
  type ResolvedPolicy,
} from '../../core/retry/policy-params';
import type { ExportTargetId } from '../../core/retry-export/types';
import { DEFAULT_SEQUENCE, parseSequence } from './sequence';
import type { SimulateSearch } from './search-params';
import { policyLabel } from '../../lib/preset-groups';
import { groupThousands } from '../../lib/format';

export const views = ['policy', 'runs', 'sequence', 'compare', 'herd', 'export'] as const;
export type View = (typeof views)[number];

export const scenarios = ['random', 'always', 'outage'] as const;
export type ScenarioKind = (typeof scenarios)[number];

/** The edited policy in lists of policies (`compare=current,wandb-advice`). */
export const CURRENT = 'current';
export const NONE = 'none';

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;
export const DEFAULT_COMPARE = [CURRENT, 'wandb-advice'] as const;
export const DEFAULT_LAYERS = {
  gateway: 'litellm-router',
  sdk: 'openai-python-2',
  app: 'tenacity-seed',
} as const;
export type LayerRole = keyof typeof DEFAULT_LAYERS;
export const layerRoles: readonly LayerRole[] = ['gateway', 'sdk', 'app'];

export const herdModels = ['rate', 'aws'] as const;
export type HerdModel = (typeof herdModels)[number];
export const serverRetryAfterFormats = ['seconds', 'ms', 'both', 'none'] as const;
export type ServerRetryAfterFormat = (typeof serverRetryAfterFormats)[number];

export const HERD_DEFAULTS = {
  clients: 1000,
  capacity: 100,
  awsClients: 100,
  awsRuns: 100,
} as const;
export const MAX_HERD_CLIENTS = 10_000;
export const MAX_AWS_CLIENTS = 1000;

export interface HerdState {
  readonly model: HerdModel;
  readonly clients: number;
  readonly capacityPerSec: number;
  /** The 503 window (ms), if any. */
  readonly window: { readonly startMs: number; readonly endMs: number } | undefined;
  /** A preset id or `current`. */
  readonly policyRef: string;
  readonly serverRetryAfter: ServerRetryAfterFormat;
  readonly spreadMs: number;
  readonly awsClients: number;
  readonly awsRuns: number;
}

/** The export targets (kept in step with `EXPORT_TARGETS` by a unit test). */
export const exportTargetIds = [
  'tenacity',
  'openai-python',
  'openai-ts',
  'anthropic-python',
  'anthropic-ts',
  'cockatiel',
  'p-retry',
  'litellm',
  'portkey',
] as const satisfies readonly ExportTargetId[];
export const DEFAULT_TARGET: ExportTargetId = 'tenacity';

export const MAX_RUNS = 1_000_000;
export const DEFAULT_RUNS = 10_000;

export interface SimulateState {
  readonly view: View;
  readonly policy: ResolvedPolicy;
  /** What every attempt of the timeline, table and layers fails with. */
  readonly failure: Outcome;
  readonly failureText: string;
  readonly latencyMs: number;
  readonly seed: number;
  /** The raw sequence text (parsed by the sequence panel, which reports its errors). */
  readonly sequence: string;
  readonly scenario: ScenarioKind;
  readonly failureProbability: number;
  readonly outageMs: number;
  readonly runs: number;
  /** 2–4 ids: presets or `current`. */
  readonly compare: string[];
  /** A preset id, `current`, or `none`, per layer. */
  readonly layers: Readonly<Record<LayerRole, string>>;
  readonly herd: HerdState;
  readonly target: ExportTargetId;
  readonly problems: string[];
}

function resolveTarget(target: string | undefined, problems: string[]): ExportTargetId {
  if (target === undefined) return DEFAULT_TARGET;
  if ((exportTargetIds as readonly string[]).includes(target)) return target as ExportTargetId;
  problems.push(
    `"target=${target}" is not a known export target (expected ${exportTargetIds.join(', ')}); tenacity is shown.`,
  );
  return DEFAULT_TARGET;
}

/** `5-15` (seconds) → a window; `none` → undefined; anything else → null (not understood). */
export function parseWindow(text: string): { startMs: number; endMs: number } | undefined | null {
  const v = text.trim().toLowerCase();
  if (v === 'none' || v === '') return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)$/.exec(v);
  if (!m) return null;
  const startMs = secondsToMs(Number(m[1]));
  const endMs = secondsToMs(Number(m[2]));
  return endMs > startMs ? { startMs, endMs } : null;
}

function resolveHerd(search: SimulateSearch, problems: string[]): HerdState {
  const bad = (key: keyof SimulateSearch, expected: string, fallback: string) =>
    problems.push(`"${key}=${search[key]}" is not understood (expected ${expected}); ${fallback}.`);
  const int = (key: keyof SimulateSearch, lo: number, hi: number, fallback: number): number => {
    const v = search[key];
    if (v === undefined) return fallback;
    if (/^\d+$/.test(v) && Number(v) >= lo && Number(v) <= hi) return Number(v);
    bad(
      key,
      `a whole number from ${lo} to ${groupThousands(hi)}`,
      `${groupThousands(fallback)} is used`,
    );
    return fallback;
  };
  let model: HerdModel = 'rate';
  if (search.herd !== undefined) {
    if ((herdModels as readonly string[]).includes(search.herd)) model = search.herd as HerdModel;
    else bad('herd', herdModels.join(' or '), 'the rate-limited endpoint is shown');
  }
  const clients = int('clients', 1, MAX_HERD_CLIENTS, HERD_DEFAULTS.clients);
  let capacityPerSec: number = HERD_DEFAULTS.capacity;
  if (search.capacity !== undefined) {
    const n = Number(search.capacity);
    if (search.capacity.trim() !== '' && n >= 1 && n <= 1_000_000) capacityPerSec = n;
    else
      bad(
        'capacity',
        'requests per second from 1 to 1,000,000',
        `${HERD_DEFAULTS.capacity}/s is used`,
      );
  }
  let window: HerdState['window'];
  if (search.window !== undefined) {
    const w = parseWindow(search.window);
    if (w === null)
      bad('window', 'seconds "from-to", e.g. 5-15, or none', 'there is no 503 window');
    else window = w;
  }
  let policyRef: string = CURRENT;
  if (search.herdpolicy !== undefined) {
    if (isPolicyRef(search.herdpolicy)) policyRef = search.herdpolicy;
    else bad('herdpolicy', 'a preset id or "current"', 'the policy above is used');
  }
  let serverRetryAfter: ServerRetryAfterFormat = 'seconds';
  if (search.herdra !== undefined) {
    if ((serverRetryAfterFormats as readonly string[]).includes(search.herdra))
      serverRetryAfter = search.herdra as ServerRetryAfterFormat;
    else bad('herdra', serverRetryAfterFormats.join(', '), 'Retry-After is sent in seconds');
  }
  let spreadMs = 0;
  if (search.spread !== undefined) {
    const n = Number(search.spread);
    if (search.spread.trim() !== '' && n >= 0 && n <= 3600) spreadMs = secondsToMs(n);
    else bad('spread', 'seconds from 0 to 3600', 'every client starts at once');
  }
  return {
    model,
    clients,
    capacityPerSec,
    window,
    policyRef,
    serverRetryAfter,
    spreadMs,
    awsClients: int('awsclients', 1, MAX_AWS_CLIENTS, HERD_DEFAULTS.awsClients),
    awsRuns: int('awsruns', 1, 100, HERD_DEFAULTS.awsRuns),
  };
}

const splitList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A policy reference: a preset id or the edited policy. */
export function isPolicyRef(id: string): boolean {
  return id === CURRENT || id === CUSTOM_ID || getPreset(id) !== undefined;
}

export interface NamedPolicy {
  readonly id: string;
  readonly label: string;
  readonly policy: RetryPolicy;
}

/** A compare / layer reference → a policy with a label. */
export function policyRef(id: string, state: SimulateState): NamedPolicy | undefined {
  if (id === CURRENT) {
    const edited = state.policy.edited.size > 0;
    return {
      id,
      label: `${policyLabel(state.policy.presetId)}${edited ? ' (edited)' : ''} (above)`,
      policy: state.policy.policy,
    };
  }
  if (id === CUSTOM_ID) return { id, label: 'Custom policy (defaults)', policy: CUSTOM_POLICY };
  const preset = getPreset(id);
  return preset ? { id, label: preset.label, policy: preset.policy } : undefined;
}

/** `503`, `timeout` or `conn` → an outcome. */
export function parseFailure(text: string): Outcome | undefined {
  const v = text.trim().toLowerCase();
  if (v === 'timeout') return { kind: 'timeout' };
  if (v === 'conn' || v === 'connection') return { kind: 'connection-error' };
  if (/^\d{3}$/.test(v)) {
    const status = Number(v);
    if (status >= 300 && status <= 599) return { kind: 'response', status };
  }
  return undefined;
}

export function resolveSimulate(search: SimulateSearch): SimulateState {
  const policy = resolvePolicy(search);
  const problems = [...policy.problems];
  const bad = (key: keyof SimulateSearch, expected: string, fallback: string) =>
    problems.push(`"${key}=${search[key]}" is not understood (expected ${expected}); ${fallback}.`);

  let view: View = 'policy';
  if (search.view !== undefined) {
    if ((views as readonly string[]).includes(search.view)) view = search.view as View;
    else bad('view', views.join(', '), 'the policy view is shown');
  }

  let failure: Outcome = { kind: 'response', status: 503 };
  let failureText = '503';
  if (search.fail !== undefined) {
    const f = parseFailure(search.fail);
    if (f) {
      failure = f;
      failureText = search.fail.trim().toLowerCase();
    } else bad('fail', 'a failing status 300–599, timeout or conn', 'a 503 is assumed');
  }

  let latencyMs = 0;
  if (search.lat !== undefined) {
    const n = Number(search.lat);
    if (search.lat.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 3600)
      latencyMs = secondsToMs(n);
    else bad('lat', 'seconds per attempt, 0–3600', 'attempts take no time');
  }

  let seed = 1;
  if (search.seed !== undefined) {
    if (/^\d{1,10}$/.test(search.seed) && Number(search.seed) <= 0xffffffff)
      seed = Number(search.seed);
    else bad('seed', 'a whole number from 0 to 4294967295', 'seed 1 is used');
  }

  let scenario: ScenarioKind = 'random';
  if (search.scenario !== undefined) {
    if ((scenarios as readonly string[]).includes(search.scenario))
      scenario = search.scenario as ScenarioKind;
    else bad('scenario', scenarios.join(', '), 'random failures are used');
  }
  let failureProbability = 0.5;
  if (search.p !== undefined) {
    const n = Number(search.p);
    if (search.p.trim() !== '' && n >= 0 && n <= 1) failureProbability = n;
    else bad('p', 'a probability from 0 to 1', '0.5 is used');
  }
  let outageMs = 30_000;
  if (search.outage !== undefined) {
    const n = Number(search.outage);
    if (search.outage.trim() !== '' && n >= 0 && n <= 86_400) outageMs = secondsToMs(n);
    else bad('outage', 'seconds from 0 to 86400', 'a 30 s outage is used');
  }
  let runs = DEFAULT_RUNS;
  if (search.runs !== undefined) {
    if (/^\d+$/.test(search.runs) && Number(search.runs) >= 1 && Number(search.runs) <= MAX_RUNS)
      runs = Number(search.runs);
    else
      bad('runs', `a whole number from 1 to ${groupThousands(MAX_RUNS)}`, '10,000 runs are used');
  }

  let compare: string[] = [...DEFAULT_COMPARE];
  if (search.compare !== undefined) {
    const ids = splitList(search.compare);
    const unknown = ids.filter((id) => !isPolicyRef(id));
    if (unknown.length > 0)
      problems.push(`"compare" names unknown presets (${unknown.join(', ')}); they are ignored.`);
    const known = [...new Set(ids.filter(isPolicyRef))];
    if (known.length > MAX_COMPARE) {
      problems.push(
        `"compare" names ${known.length} policies; only the first ${MAX_COMPARE} are compared.`,
      );
      compare = known.slice(0, MAX_COMPARE);
    } else if (known.length < MIN_COMPARE) {
      problems.push(
        `"compare" must name ${MIN_COMPARE} to ${MAX_COMPARE} policies; it names ${known.length}, so the default pair is compared.`,
      );
    } else compare = known;
  }

  const layers = { ...DEFAULT_LAYERS } as Record<LayerRole, string>;
  for (const role of layerRoles) {
    const v = search[role];
    if (v === undefined) continue;
    if (v === NONE || isPolicyRef(v)) layers[role] = v;
    else
      problems.push(
        `"${role}=${v}" is not a known preset (or "current" / "none"); ${DEFAULT_LAYERS[role]} is used.`,
      );
  }

  if (search.sequence !== undefined) {
    const parsed = parseSequence(search.sequence);
    if (!parsed.ok) problems.push(`"sequence" is not understood: ${parsed.error}`);
  }

  return {
    view,
    policy,
    failure,
    failureText,
    latencyMs,
    seed,
    sequence: search.sequence ?? DEFAULT_SEQUENCE,
    scenario,
    failureProbability,
    outageMs,
    runs,
    compare,
    layers,
    herd: resolveHerd(search, problems),
    target: resolveTarget(search.target, problems),
    problems,
  };
}
