/**
 * Node-only helpers for `src/core/retry/sdk-fidelity.test.ts`: run the real SDKs against a
 * loopback MSW server, pick the preset that covers the installed SDK version, and compute what
 * that preset expects.
 *
 * Nothing here is imported by the app.
 */

import Anthropic from '@anthropic-ai/sdk';
import Anthropic0124 from 'anthropic-sdk-0-124';
import Cerebras from '@cerebras/cerebras_cloud_sdk';
import { createServer } from '@mswjs/http-middleware';
import diagnosticsChannel from 'node:diagnostics_channel';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import OpenAI from 'openai';
import OpenAI625 from 'openai-6-25';
import {
  createScriptedHandlers,
  type ScriptedHandlers,
  type ScriptedRoute,
  type ScriptedStep,
} from '../mocks/scripted-handlers';
import { decide, delayRange, initialRetryState } from '../core/retry/policy';
import { PRESETS, type RetryPreset } from '../core/retry/presets';
import { constantRng, U_SUP } from '../core/retry/random';
import type { GiveUpReason, Outcome, RetryPolicy } from '../core/retry/types';

// ---------------------------------------------------------------------------------------------
// Installed versions

const require = createRequire(import.meta.url);

/**
 * The `version` of the installed package, read from its own package.json. `importName` is the
 * name it is installed under when that differs (an npm alias such as `openai-6-25`).
 */
export function installedVersion(packageName: string, importName = packageName): string {
  let dir = dirname(require.resolve(importName));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === packageName && json.version) return json.version;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`package.json of ${packageName} not found`);
    dir = up;
  }
}

// ---------------------------------------------------------------------------------------------
// Version ranges read from `preset.follows.version`

type Triple = readonly [number, number, number];

interface Bound {
  readonly v: Triple;
  readonly inclusive: boolean;
}

export interface VersionRange {
  readonly min?: Bound;
  readonly max?: Bound;
}

interface Spec {
  readonly v: Triple;
  /** `7.4.x`: the next version outside the wildcard, e.g. 7.5.0. */
  readonly next?: Triple;
}

function parseSpec(text: string): Spec | null {
  const m = /^v?(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?$/.exec(text.trim());
  if (!m) return null;
  const major = Number(m[1]);
  if (m[2] === undefined || m[2] === 'x') return { v: [major, 0, 0], next: [major + 1, 0, 0] };
  const minor = Number(m[2]);
  if (m[3] === undefined || m[3] === 'x') {
    return { v: [major, minor, 0], next: [major, minor + 1, 0] };
  }
  return { v: [major, minor, Number(m[3])] };
}

const lower = (s: Spec): Bound => ({ v: s.v, inclusive: true });
const upper = (s: Spec): Bound =>
  s.next ? { v: s.next, inclusive: false } : { v: s.v, inclusive: true };

/**
 * Read a preset's `follows.version` as a range. Understood forms (a parenthesised remark is
 * ignored unless it says "since X", which sets the lower bound):
 * `1.91.0` (that release only), `7.4.x`, `6.26.0 – 7.4.x`, `≤ 6.25.x`, `< 0.79.0`, `≥ 2.0.0`,
 * `0.120.0 (rule since 0.79.0)` (0.79.0 … 0.120.0). Anything else: `null` (covers nothing).
 */
export function parseVersionRange(text: string): VersionRange | null {
  const since = /\bsince\s+v?(\d+(?:\.(?:\d+|x)){0,2})/i.exec(text);
  const sinceSpec = since?.[1] ? parseSpec(since[1]) : null;
  const main = text.replace(/\([^)]*\)/g, ' ').trim();
  let m = /^(\S+)\s*[–—-]\s*(\S+)$/.exec(main);
  if (m?.[1] && m[2]) {
    const a = parseSpec(m[1]);
    const b = parseSpec(m[2]);
    return a && b ? { min: lower(a), max: upper(b) } : null;
  }
  m = /^(≤|<=|<|≥|>=|>)\s*(\S+)$/.exec(main);
  if (m?.[1] && m[2]) {
    const s = parseSpec(m[2]);
    if (!s) return null;
    switch (m[1]) {
      case '≤':
      case '<=':
        return { ...(sinceSpec ? { min: lower(sinceSpec) } : {}), max: upper(s) };
      case '<':
        return {
          ...(sinceSpec ? { min: lower(sinceSpec) } : {}),
          max: { v: s.v, inclusive: false },
        };
      case '≥':
      case '>=':
        return { min: lower(s) };
      default:
        return { min: { v: s.next ?? s.v, inclusive: !!s.next } };
    }
  }
  const exact = parseSpec(main);
  if (!exact) return null;
  return { min: sinceSpec ? lower(sinceSpec) : lower(exact), max: upper(exact) };
}

function compare(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function rangeCovers(range: VersionRange, version: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const v: Triple = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (range.min) {
    const c = compare(v, range.min.v);
    if (c < 0 || (c === 0 && !range.min.inclusive)) return false;
  }
  if (range.max) {
    const c = compare(v, range.max.v);
    if (c > 0 || (c === 0 && !range.max.inclusive)) return false;
  }
  return true;
}

/** `openai (npm)` → `openai`; a package from another registry (`openai (PyPI)`) → `null`. */
export function npmPackageOf(preset: RetryPreset): string | null {
  const m = /^(\S+)(?:\s+\((\w+)\))?$/.exec(preset.follows.package.trim());
  if (!m?.[1] || (m[2] !== undefined && m[2].toLowerCase() !== 'npm')) return null;
  return m[1];
}

/** HTTP-client presets of an npm package (the Responses WebSocket reconnect preset is left out). */
export function presetsForPackage(packageName: string): RetryPreset[] {
  return PRESETS.filter(
    (p) => p.kind === 'sdk' && npmPackageOf(p) === packageName && !/websocket/i.test(p.label),
  );
}

export type PresetResolution =
  | { readonly ok: true; readonly preset: RetryPreset }
  | { readonly ok: false; readonly message: string };

/** The one preset whose `follows.version` range covers `version`, or why there is none. */
export function resolvePreset(packageName: string, version: string): PresetResolution {
  const candidates = presetsForPackage(packageName);
  const covering = candidates.filter((p) => {
    const range = parseVersionRange(p.follows.version);
    return range !== null && rangeCovers(range, version);
  });
  const listed = candidates.map((p) => `${p.id} ("${p.follows.version}")`).join(', ') || 'none';
  const [first, ...rest] = covering;
  if (!first) {
    return {
      ok: false,
      message: `${packageName} ${version} is not covered by any preset (presets for ${packageName}: ${listed})`,
    };
  }
  if (rest.length > 0) {
    return {
      ok: false,
      message: `${packageName} ${version} is covered by several presets: ${covering.map((p) => p.id).join(', ')}`,
    };
  }
  return { ok: true, preset: first };
}

// ---------------------------------------------------------------------------------------------
// What the preset expects for a script

export interface ExpectedWait {
  /** 0-based retry index. */
  readonly retryIndex: number;
  readonly source: 'backoff' | 'retry-after';
  readonly minMs: number;
  readonly maxMs: number;
  readonly why: string;
}

export interface ExpectedRun {
  readonly attempts: number;
  readonly outcome: 'success' | 'error';
  /** Status of the last attempt. */
  readonly finalStatus: number;
  readonly reason: 'success' | GiveUpReason;
  readonly waits: readonly ExpectedWait[];
  readonly why: string;
}

function outcomeOf(step: ScriptedStep): Outcome {
  return { kind: 'response', status: step.status, headers: { ...step.headers } };
}

/**
 * Replay a script through the preset's `decide`. Backoff waits are given as
 * `delayRange(policy, i)` bounds; an honoured hint as its exact value (or the range of values
 * it can take when the rule adds jitter). Steps past the end repeat the last one.
 */
export function expectedRun(
  policy: RetryPolicy,
  steps: readonly ScriptedStep[],
  nowMs = Date.now(),
): ExpectedRun {
  let state = initialRetryState(policy);
  const waits: ExpectedWait[] = [];
  for (let attempt = 1; attempt <= 50; attempt++) {
    const step = steps[Math.min(attempt - 1, steps.length - 1)];
    if (!step) throw new Error('empty script');
    const outcome = outcomeOf(step);
    const backoffIndex = state.backoffIndex;
    const ctx = { state, nowMs };
    const low = decide(policy, attempt, outcome, 0, constantRng(0), ctx);
    if (low.action === 'stop') {
      return {
        attempts: attempt,
        outcome: 'success',
        finalStatus: step.status,
        reason: 'success',
        waits,
        why: low.why,
      };
    }
    if (low.action === 'give-up') {
      return {
        attempts: attempt,
        outcome: 'error',
        finalStatus: step.status,
        reason: low.reason,
        waits,
        why: low.why,
      };
    }
    if (low.source === 'backoff') {
      const r = delayRange(policy, backoffIndex, outcome);
      waits.push({
        retryIndex: low.retryIndex,
        source: 'backoff',
        minMs: r.minMs,
        maxMs: r.maxMs,
        why: low.why,
      });
    } else {
      const high = decide(policy, attempt, outcome, 0, constantRng(U_SUP), ctx);
      const hi = high.action === 'retry' ? high.delayMs : low.delayMs;
      waits.push({
        retryIndex: low.retryIndex,
        source: 'retry-after',
        minMs: Math.min(low.delayMs, hi),
        maxMs: Math.max(low.delayMs, hi),
        why: low.why,
      });
    }
    state = low.state;
  }
  throw new Error('the preset never stops on this script');
}

// ---------------------------------------------------------------------------------------------
// Loopback MSW server

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly script: ScriptedHandlers;
  close(): Promise<void>;
}

/**
 * Serve scripted MSW handlers over real HTTP on 127.0.0.1 (an ephemeral port) with
 * `@mswjs/http-middleware`. The socket is bound first so the handlers can be built for the
 * exact origin; then the middleware app (`createServer(...handlers)`) answers its requests.
 * (`msw/node`'s `setupServer` is not used: on Node 20 cancelling a mocked body never settles,
 * and the SDKs cancel the body before every retry.)
 */
export async function startScriptedServer(
  routes: readonly ScriptedRoute[],
): Promise<ScriptedServer> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  if (address.address !== '127.0.0.1') throw new Error(`bound to ${address.address}`);
  const origin = `http://127.0.0.1:${address.port}`;
  const script = createScriptedHandlers({ baseUrl: origin, routes });
  const app = createServer(...script.handlers) as unknown as http.RequestListener;
  server.on('request', app);
  return {
    origin,
    script,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function isLoopbackUrl(url: string): boolean {
  const { hostname, protocol } = new URL(url);
  return protocol === 'http:' && hostname === '127.0.0.1';
}

// ---------------------------------------------------------------------------------------------
// Network guard: every HTTP request and TCP connection made in this process

export interface OutgoingRequest {
  readonly via: 'undici' | 'http';
  readonly url: string;
}

export interface NetworkGuard {
  readonly requests: readonly OutgoingRequest[];
  /** Hosts looked up and addresses connected to by client sockets. */
  readonly endpoints: readonly string[];
  uninstall(): void;
}

/**
 * Watch Node's diagnostics channels: `undici:request:create` (global fetch),
 * `http.client.request.start` (node:http, used by node-fetch) and `net.client.socket`
 * (every client TCP socket: its DNS lookup and the address it connects to).
 */
export function installNetworkGuard(): NetworkGuard {
  const requests: OutgoingRequest[] = [];
  const endpoints: string[] = [];
  const onUndici = (message: unknown) => {
    const req = (message as { request: { origin: string; path: string } }).request;
    requests.push({ via: 'undici', url: `${req.origin}${req.path}` });
  };
  const onHttp = (message: unknown) => {
    const req = (message as { request: http.ClientRequest }).request;
    const host = String(req.getHeader('host') ?? req.host);
    requests.push({ via: 'http', url: `${req.protocol}//${host}${req.path}` });
  };
  const onSocket = (message: unknown) => {
    const socket = (message as { socket: Socket }).socket;
    socket.once('lookup', (_err: Error | null, address: string, _family: unknown, host: string) => {
      endpoints.push(`lookup ${host} → ${address}`);
    });
    socket.once('connect', () => endpoints.push(`connect ${socket.remoteAddress ?? '?'}`));
  };
  diagnosticsChannel.subscribe('undici:request:create', onUndici);
  diagnosticsChannel.subscribe('http.client.request.start', onHttp);
  diagnosticsChannel.subscribe('net.client.socket', onSocket);
  return {
    requests,
    endpoints,
    uninstall() {
      diagnosticsChannel.unsubscribe('undici:request:create', onUndici);
      diagnosticsChannel.unsubscribe('http.client.request.start', onHttp);
      diagnosticsChannel.unsubscribe('net.client.socket', onSocket);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Time warp: skip one long, exactly known sleep

type TimerFn = (
  handler: (...args: unknown[]) => void,
  timeout?: number,
  ...args: unknown[]
) => unknown;

export interface TimeWarp {
  /**
   * From now on, a `setTimeout` of exactly `ms` fires at once instead; each such call is
   * recorded in `hits`. Used for honoured Retry-After values far above a test's time budget:
   * the SDK's decision (the exact sleep it asks for) is observed, only the wait is skipped.
   */
  warp(ms: number): { readonly hits: readonly number[]; release(): void };
  uninstall(): void;
}

export function installTimeWarp(): TimeWarp {
  const holder = globalThis as unknown as { setTimeout: TimerFn };
  const original = holder.setTimeout;
  const entries = new Map<number, number[]>();
  const wrapped: TimerFn = (handler, timeout, ...args) => {
    const hits = typeof timeout === 'number' ? entries.get(timeout) : undefined;
    if (hits) {
      hits.push(performance.now());
      return original(handler, 0, ...args);
    }
    return original(handler, timeout, ...args);
  };
  for (const key of Reflect.ownKeys(original)) {
    const desc = Object.getOwnPropertyDescriptor(original, key);
    if (typeof key === 'symbol' && desc) Object.defineProperty(wrapped, key, desc);
  }
  holder.setTimeout = wrapped;
  return {
    warp(ms) {
      if (entries.has(ms)) throw new Error(`${ms} ms is already warped`);
      const hits: number[] = [];
      entries.set(ms, hits);
      return { hits, release: () => void entries.delete(ms) };
    },
    uninstall() {
      holder.setTimeout = original;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// SDK drivers

export interface SdkClient {
  readonly baseURL: string;
  /** One API call with the SDK's default retry settings. */
  call(): Promise<unknown>;
}

export interface SdkDriver {
  readonly packageName: string;
  /** The name the package is installed under, when it is an npm alias (`openai-6-25`). */
  readonly importName?: string;
  /** The route the call hits, relative to the server origin. */
  readonly route: { readonly method: 'POST'; readonly path: string };
  /** A 200 body the SDK accepts. */
  readonly successBody: unknown;
  /** The `baseURL` to give the client for a server at `origin`. */
  baseUrlFor(origin: string): string;
  createClient(baseURL: string): SdkClient;
}

/** Obviously fake; the clients only ever talk to 127.0.0.1. */
export const DUMMY_API_KEY = 'test-dummy-key-not-a-real-secret';

const MESSAGES = [{ role: 'user' as const, content: 'ping' }];

export const OPENAI_DRIVER: SdkDriver = {
  packageName: 'openai',
  route: { method: 'POST', path: '/v1/chat/completions' },
  successBody: {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 0,
    model: 'gpt-test',
    choices: [{ index: 0, message: { role: 'assistant', content: 'pong' }, finish_reason: 'stop' }],
  },
  baseUrlFor: (origin) => `${origin}/v1`,
  createClient(baseURL) {
    const client = new OpenAI({ apiKey: DUMMY_API_KEY, baseURL });
    return {
      baseURL: client.baseURL,
      call: () => client.chat.completions.create({ model: 'gpt-test', messages: MESSAGES }),
    };
  },
};

/**
 * openai 6.25.0 through the npm alias `openai-6-25`: the last release of the "0 < Retry-After
 * < 60 s" rule (4.25 – 6.25), next to the installed 6.49 (no bound). openai 7 needs Node 22.
 */
export const OPENAI_6_25_DRIVER: SdkDriver = {
  ...OPENAI_DRIVER,
  importName: 'openai-6-25',
  createClient(baseURL) {
    const client = new OpenAI625({ apiKey: DUMMY_API_KEY, baseURL });
    return {
      baseURL: client.baseURL,
      call: () => client.chat.completions.create({ model: 'gpt-test', messages: MESSAGES }),
    };
  },
};

export const ANTHROPIC_DRIVER: SdkDriver = {
  packageName: '@anthropic-ai/sdk',
  route: { method: 'POST', path: '/v1/messages' },
  successBody: {
    id: 'msg_test',
    type: 'message',
    role: 'assistant',
    model: 'claude-test',
    content: [{ type: 'text', text: 'pong' }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 1, output_tokens: 1 },
  },
  baseUrlFor: (origin) => origin,
  createClient(baseURL) {
    const client = new Anthropic({ apiKey: DUMMY_API_KEY, baseURL });
    return {
      baseURL: client.baseURL,
      call: () =>
        client.messages.create({ model: 'claude-test', max_tokens: 16, messages: MESSAGES }),
    };
  },
};

/**
 * @anthropic-ai/sdk 0.124.0 through the npm alias `anthropic-sdk-0-124`: the last release that
 * sleeps any Retry-After (0 included) and the old status classes (before 1.5.0).
 */
export const ANTHROPIC_0_124_DRIVER: SdkDriver = {
  ...ANTHROPIC_DRIVER,
  importName: 'anthropic-sdk-0-124',
  createClient(baseURL) {
    const client = new Anthropic0124({ apiKey: DUMMY_API_KEY, baseURL });
    return {
      baseURL: client.baseURL,
      call: () =>
        client.messages.create({ model: 'claude-test', max_tokens: 16, messages: MESSAGES }),
    };
  },
};

export const CEREBRAS_DRIVER: SdkDriver = {
  packageName: '@cerebras/cerebras_cloud_sdk',
  route: { method: 'POST', path: '/v1/chat/completions' },
  successBody: OPENAI_DRIVER.successBody,
  baseUrlFor: (origin) => origin,
  createClient(baseURL) {
    // The constructor's GET /v1/tcp_warming has its own test; keep it out of the retry counts.
    const client = new Cerebras({ apiKey: DUMMY_API_KEY, baseURL, warmTCPConnection: false });
    return {
      baseURL: client.baseURL,
      call: () => client.chat.completions.create({ model: 'llama-test', messages: MESSAGES }),
    };
  },
};

/** A Cerebras client with every default, TCP warming included (its constructor sends a GET). */
export function createDefaultCerebrasClient(baseURL: string): { readonly baseURL: string } {
  return new Cerebras({ apiKey: DUMMY_API_KEY, baseURL });
}

/** The HTTP status of an SDK error (`APIError.status`), if any. */
export function statusOfError(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

export function formatWait(w: ExpectedWait): string {
  const range =
    w.minMs === w.maxMs ? `${round1(w.minMs)}` : `${round1(w.minMs)}–${round1(w.maxMs)}`;
  return `${w.source} ${range} ms`;
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
