/** Runs one replay: installs the gated clock, hands the replay fetch to a client adapter, reports events. */
import { ReplayLimitError, createVirtualClock, type VirtualClock } from './clock';
import { DEFAULT_MOCK_ORIGIN, runBaseUrl } from './protocol';
import { createReplayFetch, type FetchLike } from './replay-fetch';
import type {
  ReplayClientId,
  ReplayEvent,
  ReplayResult,
  ReplayScenario,
  ReplaySpeed,
} from './types';

/** What a client adapter gets for one call. */
export interface ReplayCallContext {
  readonly scenario: ReplayScenario;
  /** `<origin>/run/<runId>`: append the SDK's own path prefix. */
  readonly runBaseUrl: string;
  /** The replay fetch: give it to the client as its `fetch`. */
  readonly fetch: FetchLike;
  /** Aborted when the caller stops the run or the clock hits a limit. */
  readonly signal: AbortSignal;
  /** Virtual ms since the run started. */
  now(): number;
  /** Virtual wall clock (epoch ms), what `Date.now()` says inside the realm. */
  epochNow(): number;
  /** Virtual sleep (for clients that sleep through the caller, like the reference client). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Report a line the client logged. */
  log(level: string, message: string): void;
}

/** A client that can be replayed: one of the real SDKs, or the reference client. */
export interface ReplayClientAdapter {
  readonly id: ReplayClientId;
  /** Human label, e.g. `openai 6.49.0`. */
  readonly label: string;
  /** Installed version, for SDKs. */
  readonly version?: string;
  /** Make one API call; resolve with what the caller got (never reject). */
  call(ctx: ReplayCallContext): Promise<ReplayResult>;
}

export interface ReplayOptions {
  readonly scenario: ReplayScenario;
  readonly client: ReplayClientAdapter;
  /** The run id the handler registry knows this scenario under. */
  readonly runId: string;
  /** Default `https://mock.replay.test`. */
  readonly origin?: string;
  readonly speed?: ReplaySpeed;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: ReplayEvent) => void;
  /** The realm the client runs in (fake timers go there). Default `globalThis`. */
  readonly global?: typeof globalThis;
  /** The real fetch. Default: the realm's `fetch`, captured before the clock is installed. */
  readonly fetch?: FetchLike;
  readonly startEpochMs?: number;
  readonly maxVirtualMs?: number;
}

export interface ReplaySummary {
  readonly scenarioId: string;
  readonly client: {
    readonly id: ReplayClientId;
    readonly label: string;
    readonly version?: string;
  };
  readonly result: ReplayResult;
  readonly events: readonly ReplayEvent[];
  /** Requests the client made. */
  readonly attempts: number;
  /** Virtual duration (ms). */
  readonly virtualMs: number;
  /** Real duration (ms). */
  readonly wallMs: number;
}

export interface ReplayHandle {
  readonly done: Promise<ReplaySummary>;
  pause(): void;
  resume(): void;
  setSpeed(speed: ReplaySpeed): void;
  /** Virtual ms since the start (live). */
  now(): number;
}

/** Start a replay; control it through the handle. The clock is uninstalled when it ends. */
export function startReplay(options: ReplayOptions): ReplayHandle {
  const g = options.global ?? globalThis;
  const realFetch: FetchLike = options.fetch ?? g.fetch.bind(g);
  const realNow = g.performance.now.bind(g.performance);
  const wallStart = realNow();
  const events: ReplayEvent[] = [];
  const emit = (e: ReplayEvent) => {
    events.push(e);
    options.onEvent?.(e);
  };
  const clock: VirtualClock = createVirtualClock({
    global: g,
    speed: options.speed ?? 'instant',
    ...(options.startEpochMs !== undefined ? { startEpochMs: options.startEpochMs } : {}),
    ...(options.maxVirtualMs !== undefined ? { maxVirtualMs: options.maxVirtualMs } : {}),
  });
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort(options.signal?.reason ?? new Error('replay stopped'));
  if (options.signal?.aborted) onOuterAbort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const fetch = createReplayFetch({ fetch: realFetch, clock, onEvent: emit });
  const ctx: ReplayCallContext = {
    scenario: options.scenario,
    runBaseUrl: runBaseUrl(options.runId, options.origin ?? DEFAULT_MOCK_ORIGIN),
    fetch,
    signal: stop.signal,
    now: () => clock.now(),
    epochNow: () => clock.epochNow(),
    sleep: (ms, signal) => clock.sleep(ms, signal ?? stop.signal),
    log: (level, message) => emit({ type: 'log', t: clock.now(), level, message }),
  };

  const done = (async (): Promise<ReplaySummary> => {
    let result: ReplayResult;
    try {
      result = await clock.drive(() => options.client.call(ctx));
    } catch (error) {
      stop.abort(error);
      result = {
        kind: 'error',
        className: error instanceof ReplayLimitError ? 'ReplayLimitError' : 'ReplayError',
        message: error instanceof Error ? error.message : String(error),
      };
    } finally {
      options.signal?.removeEventListener('abort', onOuterAbort);
    }
    const virtualMs = clock.now();
    clock.uninstall();
    const wallMs = realNow() - wallStart;
    emit({ type: 'result', t: virtualMs, result });
    emit({ type: 'done', t: virtualMs, wallMs });
    return {
      scenarioId: options.scenario.id,
      client: {
        id: options.client.id,
        label: options.client.label,
        ...(options.client.version ? { version: options.client.version } : {}),
      },
      result,
      events,
      attempts: fetch.attempts,
      virtualMs,
      wallMs,
    };
  })();

  return {
    done,
    pause: () => clock.pause(),
    resume: () => clock.resume(),
    setSpeed: (s) => clock.setSpeed(s),
    now: () => clock.now(),
  };
}

export function runReplay(options: ReplayOptions): Promise<ReplaySummary> {
  return startReplay(options).done;
}

/**
 * The `baseURL` an SDK needs so that appending its own `suffix` (`/chat/completions`,
 * `/v1/messages`, `/v1/chat/completions`) lands on the scenario's path under the run.
 */
export function sdkBaseUrl(
  runBase: string,
  scenarioPath: string,
  suffix: string,
  fallbackPrefix = '',
): string {
  const prefix = scenarioPath.endsWith(suffix)
    ? scenarioPath.slice(0, scenarioPath.length - suffix.length)
    : fallbackPrefix;
  return `${runBase}${prefix}`;
}

/** Sort classes so that subclasses come before their bases (for `instanceof` classification). */
export function mostSpecificFirst<C extends abstract new (...args: never[]) => unknown>(
  classes: readonly (readonly [string, C])[],
): (readonly [string, C])[] {
  const depth = (c: C) => {
    let d = 0;
    for (let p: unknown = c; p; p = Object.getPrototypeOf(p)) d++;
    return d;
  };
  return [...classes].sort((a, b) => depth(b[1]) - depth(a[1]));
}

/** Classify a thrown value by `instanceof` (class names are minified in production builds). */
export function classifyError(
  error: unknown,
  classes: readonly (readonly [string, abstract new (...args: never[]) => unknown])[],
): ReplayResult {
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { status?: unknown } | null)?.status;
  const withStatus = typeof status === 'number' ? { status } : {};
  for (const [name, cls] of classes) {
    if (error instanceof cls) return { kind: 'error', className: name, message, ...withStatus };
  }
  const natives: [string, abstract new (...args: never[]) => unknown][] = [
    ['TypeError', TypeError],
    ['SyntaxError', SyntaxError],
    ['RangeError', RangeError],
  ];
  for (const [name, cls] of natives) {
    if (error instanceof cls) return { kind: 'error', className: name, message, ...withStatus };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { kind: 'error', className: 'AbortError', message, ...withStatus };
  }
  return {
    kind: 'error',
    className: error instanceof Error ? 'Error' : typeof error,
    message,
    ...withStatus,
  };
}
