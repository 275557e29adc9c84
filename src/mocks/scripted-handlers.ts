/**
 * Scripted-response MSW handlers: each route answers a fixed sequence of responses (503, 503,
 * 200; 429 with `retry-after: 1`; …) and every request's arrival time is recorded, so the retry
 * behaviour of a real client can be measured from the server side.
 *
 * Framework-neutral on purpose: plain MSW `http` handlers, the base URL is a parameter and only
 * web-platform globals are used (`performance`, `Headers`, `URL`). The same factory serves the
 * Node SDK fidelity tests (through `@mswjs/http-middleware`) and the browser replay (through
 * `setupWorker`).
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';

/** One scripted answer. */
export interface ScriptedStep {
  readonly status: number;
  /** Response headers, e.g. `{ 'retry-after': '1' }`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON body (`string` is sent as text). Default: the route's `body`, else a generic one. */
  readonly body?: unknown;
  /** Wait this long before answering (simulated latency). */
  readonly delayMs?: number;
  /** Free text shown in test output / the replay UI. */
  readonly label?: string;
}

export type ScriptedMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ALL';

export interface ScriptedRoute {
  /** Name used in the request log (default `"METHOD path"`). */
  readonly name?: string;
  /** Default `POST`. */
  readonly method?: ScriptedMethod;
  /** Path appended to the base URL, e.g. `/v1/chat/completions`. */
  readonly path: string;
  readonly steps: readonly ScriptedStep[];
  /** What a request beyond the last step gets: the last step again (default), or a 500. */
  readonly whenExhausted?: 'repeat-last' | 'error';
  /** Body for steps without one: a function of the status, or a value for 2xx answers. */
  readonly body?: unknown;
}

/** One request as the mock server saw it. */
export interface RecordedRequest {
  /** 0-based position among all requests this script received. */
  readonly seq: number;
  /** Route name, or `null` for a request no route matched. */
  readonly route: string | null;
  /** 0-based index of the step that answered (`null` when unmatched). */
  readonly step: number | null;
  readonly method: string;
  readonly url: string;
  /** Arrival time from the script's clock (ms; `performance.now()` by default). */
  readonly at: number;
  /** Request headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** Status sent back. */
  readonly status: number;
}

export interface ScriptedHandlersOptions {
  /** Origin plus optional path prefix, e.g. `http://127.0.0.1:4010` or `https://api.x.test/v1`. */
  readonly baseUrl: string;
  readonly routes: readonly ScriptedRoute[];
  /** Clock for arrival times. Default `performance.now()`. */
  readonly now?: () => number;
  /**
   * Add a catch-all handler that records (and answers 404 to) requests no route matched
   * (default true). Turn it off to let other handlers see them.
   */
  readonly recordUnmatched?: boolean;
}

export interface ScriptedHandlers {
  readonly handlers: HttpHandler[];
  /** Every request received so far, in arrival order (the array is live). */
  readonly requests: readonly RecordedRequest[];
  /** Requests of one route (by name), in arrival order. */
  requestsFor(route: string): RecordedRequest[];
  /** Gaps in ms between consecutive requests of one route. */
  gapsFor(route: string): number[];
  /** Forget the log and start every script from its first step again. */
  reset(): void;
}

export function routeName(route: ScriptedRoute): string {
  return route.name ?? `${route.method ?? 'POST'} ${route.path}`;
}

/** Default JSON body: an OpenAI/Anthropic-shaped error for failures, `{ ok: true }` otherwise. */
export function defaultBody(status: number, label?: string): Record<string, unknown> {
  if (status >= 200 && status < 300) return { ok: true };
  const message = label ?? `scripted ${status}`;
  return {
    type: 'error',
    error: { type: status === 529 ? 'overloaded_error' : 'scripted_error', message, code: status },
  };
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function lowerHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

function respond(step: ScriptedStep, routeBody: unknown): Response {
  const headers = new Headers(step.headers);
  let body = step.body;
  if (body === undefined) {
    body =
      typeof routeBody === 'function'
        ? (routeBody as (status: number) => unknown)(step.status)
        : routeBody !== undefined && step.status >= 200 && step.status < 300
          ? routeBody
          : defaultBody(step.status, step.label);
  }
  if (body === null) return new HttpResponse(null, { status: step.status, headers });
  if (typeof body === 'string') return new HttpResponse(body, { status: step.status, headers });
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return new HttpResponse(JSON.stringify(body), { status: step.status, headers });
}

/**
 * Handlers that answer each route's scripted steps in order and log every request.
 *
 * @example
 * const script = createScriptedHandlers({
 *   baseUrl: 'http://127.0.0.1:4010',
 *   routes: [{ path: '/v1/chat/completions', steps: [{ status: 503 }, { status: 200 }] }],
 * });
 * // Node: createServer(...script.handlers); browser: setupWorker(...script.handlers)
 */
export function createScriptedHandlers(options: ScriptedHandlersOptions): ScriptedHandlers {
  const now = options.now ?? (() => performance.now());
  const requests: RecordedRequest[] = [];
  const counters = new Map<string, number>();

  const handlers: HttpHandler[] = options.routes.map((route) => {
    const name = routeName(route);
    const url = joinUrl(options.baseUrl, route.path);
    const method = route.method ?? 'POST';
    const factory =
      method === 'ALL'
        ? http.all
        : http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'];
    return factory(url, async ({ request }) => {
      const at = now();
      const index = counters.get(name) ?? 0;
      counters.set(name, index + 1);
      const last = route.steps.length - 1;
      const exhausted = index > last;
      const step: ScriptedStep | undefined =
        exhausted && route.whenExhausted === 'error'
          ? { status: 500, label: `script for ${name} exhausted after ${route.steps.length} steps` }
          : route.steps[Math.min(index, last)];
      if (!step) throw new Error(`route ${name} has no steps`);
      requests.push({
        seq: requests.length,
        route: name,
        step: exhausted ? last : index,
        method: request.method,
        url: request.url,
        at,
        headers: lowerHeaders(request.headers),
        status: step.status,
      });
      if (step.delayMs) await delay(step.delayMs);
      return respond(step, route.body);
    });
  });

  if (options.recordUnmatched ?? true) {
    handlers.push(
      http.all('*', ({ request }) => {
        requests.push({
          seq: requests.length,
          route: null,
          step: null,
          method: request.method,
          url: request.url,
          at: now(),
          headers: lowerHeaders(request.headers),
          status: 404,
        });
        return HttpResponse.json(defaultBody(404, `no scripted route for ${request.url}`), {
          status: 404,
        });
      }),
    );
  }

  return {
    handlers,
    requests,
    requestsFor: (route) => requests.filter((r) => r.route === route),
    gapsFor(route) {
      const times = requests.filter((r) => r.route === route).map((r) => r.at);
      return times.slice(1).map((t, i) => t - (times[i] ?? t));
    },
    reset() {
      requests.length = 0;
      counters.clear();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Ready-made scripts (steps only; put them on any route)

export const SCRIPTS = {
  /** 503, 503, 200: two retries on the client's own backoff, then success. */
  unavailableTwiceThenOk: [{ status: 503 }, { status: 503 }, { status: 200 }],
  /** 500 forever: the client gives up after its last attempt. */
  alwaysFailing: [{ status: 500 }],
  /** 408 then 409 then 200: request and lock timeouts are retried. */
  timeoutThenConflictThenOk: [{ status: 408 }, { status: 409 }, { status: 200 }],
  /** 529 overloaded (Anthropic) then 200. */
  overloadedThenOk: [{ status: 529 }, { status: 200 }],
  /** 429 with `retry-after: 1` (seconds) then 200. */
  rateLimitedRetryAfter1sThenOk: [
    { status: 429, headers: { 'retry-after': '1' } },
    { status: 200 },
  ],
  /** 429 with `retry-after-ms` then 200. */
  rateLimitedRetryAfterMs: (ms: number, times = 1): ScriptedStep[] => [
    ...Array.from({ length: times }, () => ({
      status: 429,
      headers: { 'retry-after-ms': String(ms) },
    })),
    { status: 200 },
  ],
  /** 429 with an arbitrary `retry-after` value (e.g. above the client's bound) then 200. */
  rateLimitedRetryAfter: (value: string): ScriptedStep[] => [
    { status: 429, headers: { 'retry-after': value } },
    { status: 200 },
  ],
  /** 503 with `x-should-retry: false`: the server forbids a retry. */
  unavailableShouldNotRetry: [
    { status: 503, headers: { 'x-should-retry': 'false' } },
    { status: 200 },
  ],
  /** 400 with `x-should-retry: true`: the server asks for a retry of a client error. */
  badRequestShouldRetry: [{ status: 400, headers: { 'x-should-retry': 'true' } }, { status: 200 }],
  /** 400: not retried. */
  badRequest: [{ status: 400 }, { status: 200 }],
} satisfies Record<string, readonly ScriptedStep[] | ((...args: never[]) => ScriptedStep[])>;
