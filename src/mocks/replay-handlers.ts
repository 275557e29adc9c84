/**
 * MSW replay handlers: one catch-all for `<origin>/run/:runId/*` that serves each registered run's
 * scenario, answering AT ONCE and declaring the timing in `x-replay-plan` for the replay fetch to
 * play on the virtual clock. Without the replay fetch's `x-replay-clock` header (plain use in
 * someone's own tests) it plays latency, stalls, cuts and network errors itself in real time.
 * Same handlers for Node (`@mswjs/http-middleware`) and the browser (`setupWorker`).
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { ProviderCatalog } from '../core/catalog/schema';
import {
  CLOCK_HEADER,
  DEFAULT_MOCK_ORIGIN,
  PLAN_HEADER,
  declarePlan,
  parseClock,
} from '../core/replay/protocol';
import { apiOfPath, resolvePlan } from '../core/replay/resolve';
import { createSequencer, type Sequencer } from '../core/replay/sequencer';
import type { ReplayScenario, ResponsePlan } from '../core/replay/types';

export interface ReplayRunSetup {
  readonly scenario: ReplayScenario;
  readonly catalog: ProviderCatalog;
}

/** One request as the handler saw it. */
export interface ReplayServedRequest {
  readonly runId: string;
  /** Virtual arrival time (ms since the run's start; real elapsed time in plain use). */
  readonly t: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly stepIndex: number;
  readonly plan: ResponsePlan;
}

export interface ReplayRegistry {
  register(runId: string, setup: ReplayRunSetup): void;
  unregister(runId: string): void;
  has(runId: string): boolean;
  /** Requests served for a run (live array; empty for unknown runs). */
  requests(runId: string): readonly ReplayServedRequest[];
}

export interface ReplayHandlersOptions {
  /** Default `https://mock.replay.test`. */
  readonly origin?: string;
  /** Real clock for plain use (ms). Default `performance.now()`. */
  readonly now?: () => number;
}

interface Run extends ReplayRunSetup {
  readonly sequencer: Sequencer;
  readonly served: ReplayServedRequest[];
  startedAt: number | undefined;
}

const CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-expose-headers': '*',
};

function lowerHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

async function wantsStream(request: Request, fallback: boolean): Promise<boolean> {
  if (request.method === 'GET' || request.method === 'HEAD') return fallback;
  try {
    const body = JSON.parse(await request.text()) as { stream?: unknown };
    return typeof body.stream === 'boolean' ? body.stream : fallback;
  } catch {
    return fallback;
  }
}

/** Replay mode: everything at once; the replay fetch plays the declared timing. */
function declaredResponse(plan: ResponsePlan): Response {
  const declared = { [PLAN_HEADER]: JSON.stringify(declarePlan(plan)), ...CORS };
  if (plan.kind !== 'http') return new HttpResponse(null, { status: 200, headers: declared });
  const body = plan.chunks ? plan.chunks.join('') : (plan.body ?? null);
  return new HttpResponse(body, { status: plan.status, headers: { ...plan.headers, ...declared } });
}

/** Plain mode (no virtual clock): play the timing here, in real time. */
async function playedResponse(plan: ResponsePlan, signal: AbortSignal): Promise<Response> {
  if (plan.kind === 'no-response') {
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
    return HttpResponse.error();
  }
  if (plan.latencyMs > 0) await delay(plan.latencyMs);
  if (plan.kind === 'network-error') return HttpResponse.error();
  const headers = { ...plan.headers, ...CORS };
  if (!plan.chunks) return new HttpResponse(plan.body ?? null, { status: plan.status, headers });
  const chunks = plan.chunks;
  const end = plan.streamEnd ?? 'complete';
  const stallMs = plan.stallMs ?? 0;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (end === 'stall') await delay(stallMs);
      if (end === 'cut' || end === 'stall') controller.error(new TypeError('network error'));
      else controller.close();
    },
  });
  return new HttpResponse(stream, { status: plan.status, headers });
}

/**
 * @example
 * const { handlers, registry } = createReplayHandlers();
 * registry.register('r1', { scenario, catalog });
 * // browser: setupWorker(...handlers); the client's baseURL is runBaseUrl('r1') + '/v1'
 */
export function createReplayHandlers(options: ReplayHandlersOptions = {}): {
  readonly handlers: HttpHandler[];
  readonly registry: ReplayRegistry;
} {
  const origin = (options.origin ?? DEFAULT_MOCK_ORIGIN).replace(/\/+$/, '');
  const now = options.now ?? (() => performance.now());
  const runs = new Map<string, Run>();

  const registry: ReplayRegistry = {
    register(runId, setup) {
      runs.set(runId, {
        ...setup,
        sequencer: createSequencer(setup.scenario),
        served: [],
        startedAt: undefined,
      });
    },
    unregister(runId) {
      runs.delete(runId);
    },
    has: (runId) => runs.has(runId),
    requests: (runId) => runs.get(runId)?.served ?? [],
  };

  const handler = http.all(`${origin}/run/:runId/*`, async ({ request, params }) => {
    if (request.method === 'OPTIONS') return new HttpResponse(null, { status: 204, headers: CORS });
    const runId = String(params.runId);
    const run = runs.get(runId);
    if (!run) {
      return HttpResponse.json(
        { error: { message: `no replay run "${runId}" is registered`, type: 'replay_error' } },
        { status: 404, headers: CORS },
      );
    }
    const clock = parseClock(request.headers.get(CLOCK_HEADER));
    const realNow = now();
    run.startedAt ??= realNow;
    const t = clock?.t ?? realNow - run.startedAt;
    const epochMs = clock?.epochMs ?? Date.now();
    const url = new URL(request.url);
    const stream = await wantsStream(request, run.scenario.stream);
    const pick = run.sequencer.next(t);
    const plan = resolvePlan(run.scenario, run.catalog, pick, {
      api: apiOfPath(url.pathname, run.scenario.api),
      stream,
      nowEpochMs: epochMs,
    });
    run.served.push({
      runId,
      t,
      method: request.method,
      url: request.url,
      headers: lowerHeaders(request.headers),
      stepIndex: pick.stepIndex,
      plan,
    });
    return clock ? declaredResponse(plan) : playedResponse(plan, request.signal);
  });

  return { handlers: [handler], registry };
}
