// @vitest-environment node
/**
 * SDK fidelity: run the REAL official SDKs (installed versions) against a scripted MSW server on
 * 127.0.0.1 and check what they actually do (attempts, gaps between requests, Retry-After
 * handling) against the preset whose version range covers the installed version.
 *
 * - Gaps are measured between request arrivals at the server and must fall in
 *   [min − 20 ms, max + 150 ms] of the preset's wait (`delayRange` for backoff, the exact hint
 *   for an honoured Retry-After).
 * - Attempts, the final outcome and the Retry-After verdict (honoured / own backoff / give up)
 *   must match exactly. Hint values in the scripts are chosen so that "honoured" and "backoff"
 *   windows do not overlap even with the tolerance.
 * - A Retry-After far above the time budget (e.g. 61 s) is not waited out: the one `setTimeout`
 *   of exactly that many ms fires at once, and the test checks that the SDK asked for it.
 * - No request may leave 127.0.0.1 (checked per call and, at the end, for the whole process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRIPTS, type ScriptedStep } from '../../mocks/scripted-handlers';
import {
  ANTHROPIC_0_124_DRIVER,
  ANTHROPIC_DRIVER,
  CEREBRAS_DRIVER,
  createDefaultCerebrasClient,
  expectedRun,
  formatWait,
  installedVersion,
  installNetworkGuard,
  installTimeWarp,
  isLoopbackUrl,
  OPENAI_6_25_DRIVER,
  OPENAI_DRIVER,
  parseVersionRange,
  rangeCovers,
  resolvePreset,
  round1,
  startScriptedServer,
  statusOfError,
  type ExpectedRun,
  type NetworkGuard,
  type SdkDriver,
  type TimeWarp,
} from '../../testing/sdk-fidelity';
import { factsFor, getSdk, modelClassFor, sdkIdForPackage } from '../sdk/choice';
import { delayRange } from './policy';
import type { RetryPolicy } from './types';

/** Allowed lateness of a measured gap (timers, loopback HTTP, request building). */
const LATE_MS = 150;
/** Allowed earliness (timer granularity). */
const EARLY_MS = 20;
/** Expected waits above this are warped instead of waited out. */
const WARP_ABOVE_MS = 5000;

interface SdkUnderTest {
  readonly driver: SdkDriver;
}

const SDKS: readonly SdkUnderTest[] = [
  // 6.49.0 is what npm installs on Node 20 (openai 7 needs Node 22): Retry-After unbounded.
  { driver: OPENAI_DRIVER },
  // 6.25.0 (npm alias openai-6-25): the older rule, honoured only when 0 < RA < 60 s.
  { driver: OPENAI_6_25_DRIVER },
  // 1.12.0: honours only 0 < RA ≤ 2^31 − 1 ms (since 0.125.0) and has its own status classes.
  { driver: ANTHROPIC_DRIVER },
  // 0.124.0 (npm alias anthropic-sdk-0-124): sleeps any Retry-After, 0 included; old classes.
  { driver: ANTHROPIC_0_124_DRIVER },
  { driver: CEREBRAS_DRIVER },
];

/** Statuses whose exception class is measured against the SDK version model. */
const CLASS_STATUSES = [400, 402, 404, 408, 412, 413, 422, 429, 500, 501, 503, 504, 529] as const;

interface Scenario {
  readonly title: string;
  readonly steps: readonly ScriptedStep[];
}

let longHints = 0;
/** A whole number of seconds above `minMs`, different on every call (warps are keyed by ms). */
function longHint(minMs: number): number {
  longHints += 1;
  return Math.floor(minMs / 1000) + longHints;
}

function scenariosFor(policy: RetryPolicy): Scenario[] {
  const maxHint = policy.retryAfter?.maxMs;
  const bounded = maxHint !== undefined && Number.isFinite(maxHint);
  // Above the preset's bound; for an unbounded preset, above the 60 s other clients stop at.
  const aboveBound = String(longHint(bounded ? maxHint : 60_000));
  return [
    { title: '503, 503, 200', steps: SCRIPTS.unavailableTwiceThenOk },
    { title: '500 on every attempt', steps: SCRIPTS.alwaysFailing },
    { title: '408, 409, 200', steps: SCRIPTS.timeoutThenConflictThenOk },
    { title: '529 overloaded, 200', steps: SCRIPTS.overloadedThenOk },
    { title: '429 retry-after: 1, 200', steps: SCRIPTS.rateLimitedRetryAfter1sThenOk },
    // 100 ms keeps the honoured window [80, 250] clear of the first backoff window (375, 500].
    { title: '429 retry-after-ms: 100 twice, 200', steps: SCRIPTS.rateLimitedRetryAfterMs(100, 2) },
    {
      title: `429 retry-after: ${aboveBound} (above ${bounded ? `the ${maxHint} ms bound` : '60 s; preset unbounded'}), 200`,
      steps: SCRIPTS.rateLimitedRetryAfter(aboveBound),
    },
    { title: '429 retry-after: 0, 200', steps: SCRIPTS.rateLimitedRetryAfter('0') },
    { title: '429 retry-after: -1, 200', steps: SCRIPTS.rateLimitedRetryAfter('-1') },
    {
      title: '429 retry-after: "soon" (invalid), 200',
      steps: SCRIPTS.rateLimitedRetryAfter('soon'),
    },
    {
      title: '429 retry-after-ms: 0 with retry-after: 1, 200',
      steps: [
        { status: 429, headers: { 'retry-after-ms': '0', 'retry-after': '1' } },
        { status: 200 },
      ],
    },
    { title: '503 x-should-retry: false', steps: SCRIPTS.unavailableShouldNotRetry },
    { title: '400 x-should-retry: true, 200', steps: SCRIPTS.badRequestShouldRetry },
    { title: '400', steps: SCRIPTS.badRequest },
  ];
}

function describeExpected(e: ExpectedRun): string {
  const waits = e.waits.map(formatWait).join(', ');
  const end = e.outcome === 'success' ? 'success' : `gives up (${e.reason}, ${e.finalStatus})`;
  return `${e.attempts} attempt${e.attempts === 1 ? '' : 's'}${waits ? ` [${waits}]` : ''}, ${end}`;
}

/** Hint values (ms) a script could make an SDK sleep that are too long to wait out. */
function longSleeps(steps: readonly ScriptedStep[]): number[] {
  const out = new Set<number>();
  for (const step of steps) {
    const ms = Number.parseFloat(step.headers?.['retry-after-ms'] ?? '');
    const s = Number.parseFloat(step.headers?.['retry-after'] ?? '');
    if (ms > WARP_ABOVE_MS) out.add(ms);
    if (s * 1000 > WARP_ABOVE_MS) out.add(s * 1000);
  }
  return [...out];
}

function timeoutFor(e: ExpectedRun): number {
  const waits = e.waits.reduce((sum, w) => sum + (w.maxMs > WARP_ABOVE_MS ? 0 : w.maxMs), 0);
  return 5000 + waits + e.attempts * LATE_MS;
}

let guard: NetworkGuard;
let timeWarp: TimeWarp;
let callsMade = 0;
let requestsServed = 0;

beforeAll(() => {
  guard = installNetworkGuard();
  timeWarp = installTimeWarp();
});

afterAll(() => {
  timeWarp.uninstall();
  guard.uninstall();
});

describe('version ranges read from preset.follows.version', () => {
  it.each([
    ['6.26.0 – 7.4.x', '6.49.0', true],
    ['6.26.0 – 7.4.x', '7.4.9', true],
    ['6.26.0 – 7.4.x', '7.5.0', false],
    ['6.26.0 – 7.4.x', '6.25.3', false],
    ['≤ 6.25.x (2023-09 … 2026-03)', '6.25.3', true],
    ['≤ 6.25.x (2023-09 … 2026-03)', '6.26.0', false],
    ['< 0.79.0 (before af66c809)', '0.78.9', true],
    ['< 0.79.0 (before af66c809)', '0.79.0', false],
    ['0.120.0 (rule since 0.79.0)', '0.79.0', true],
    ['0.120.0 (rule since 0.79.0)', '0.120.0', true],
    ['0.120.0 (rule since 0.79.0)', '0.121.0', false],
    ['1.91.0', '1.91.0', true],
    ['1.91.0', '1.91.1', false],
    ['7.5.0', '7.5.0', true],
  ] as const)('"%s" covers %s: %s', (text, version, covered) => {
    const range = parseVersionRange(text);
    expect(range).not.toBeNull();
    expect(range && rangeCovers(range, version)).toBe(covered);
  });

  it('an uncovered version fails with a message naming it', () => {
    const r = resolvePreset('openai', '99.0.0');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^openai 99\.0\.0 is not covered by any preset/);
  });
});

describe.concurrent('real SDKs against scripted loopback responses', () => {
  for (const { driver } of SDKS) {
    const version = installedVersion(driver.packageName, driver.importName);
    const resolution = resolvePreset(driver.packageName, version);
    const modelId = sdkIdForPackage(driver.packageName, 'TypeScript');
    const model = modelId ? getSdk(modelId) : undefined;
    const alias = driver.importName ? ` (as ${driver.importName})` : '';

    describe(`${driver.packageName} ${version}${alias}`, () => {
      it('is covered by a preset', () => {
        if (!resolution.ok) throw new Error(resolution.message);
        expect(resolution.preset.kind).toBe('sdk');
      });
      if (!resolution.ok) return;

      if (model) {
        it('the SDK version model names the same preset for this release', () => {
          expect(factsFor({ sdk: model, version }).retryAfter?.presetId).toBe(resolution.preset.id);
        });

        const exceptions = factsFor({ sdk: model, version }).exceptions;
        it('raises the exception class the SDK version model names, status by status', async ({
          expect,
        }) => {
          expect(exceptions, `${model.id} ${version} has no exception facts`).toBeDefined();
          if (!exceptions) return;
          const server = await startScriptedServer(
            CLASS_STATUSES.map((status) => ({
              name: `s${status}`,
              method: driver.route.method,
              path: `/s${status}${driver.route.path}`,
              steps: [{ status, headers: { 'x-should-retry': 'false' } }],
            })),
          );
          try {
            const measured: string[] = [];
            const expected: string[] = [];
            for (const status of CLASS_STATUSES) {
              const client = driver.createClient(driver.baseUrlFor(`${server.origin}/s${status}`));
              callsMade += 1;
              const error: unknown = await client.call().then(
                () => null,
                (e: unknown) => e,
              );
              const name = (error as { constructor?: { name?: string } } | null)?.constructor?.name;
              measured.push(`${status} ${name ?? 'no error'}`);
              expected.push(
                `${status} ${modelClassFor(exceptions, { status, category: 'unknown' }) ?? '?'}`,
              );
            }
            requestsServed += server.script.requests.length;
            expect(measured).toEqual(expected);
          } finally {
            await server.close();
          }
        });
      }

      const { preset } = resolution;
      for (const scenario of scenariosFor(preset.policy)) {
        const expected = expectedRun(preset.policy, scenario.steps);
        it(
          `[${preset.id}] ${scenario.title} → ${describeExpected(expected)}`,
          async ({ expect }) => {
            const warps = longSleeps(scenario.steps).map((ms) => ({ ms, ...timeWarp.warp(ms) }));
            const server = await startScriptedServer([
              {
                name: 'call',
                method: driver.route.method,
                path: driver.route.path,
                steps: scenario.steps,
                body: driver.successBody,
              },
            ]);
            try {
              const client = driver.createClient(driver.baseUrlFor(server.origin));
              expect(isLoopbackUrl(client.baseURL), client.baseURL).toBe(true);

              callsMade += 1;
              const result = await client.call().then(
                () => ({ ok: true as const }),
                (error: unknown) => ({ ok: false as const, status: statusOfError(error), error }),
              );
              requestsServed += server.script.requests.length;

              const requests = server.script.requestsFor('call');
              const gaps = server.script.gapsFor('call');
              const measured = `measured ${requests.length} attempts, gaps [${gaps.map(round1).join(', ')}] ms`;
              const context = `${measured}; expected ${describeExpected(expected)}`;

              // Every request hit the scripted route on this loopback server.
              expect(
                server.script.requests.filter((r) => r.route === null),
                context,
              ).toEqual([]);
              for (const r of requests) expect(r.url.startsWith(server.origin), r.url).toBe(true);

              expect(requests.length, context).toBe(expected.attempts);
              if (expected.outcome === 'success') {
                expect(result.ok ? 'success' : `error ${String(result.status)}`, context).toBe(
                  'success',
                );
              } else {
                expect(result.ok ? 'success' : result.status, context).toBe(expected.finalStatus);
              }

              // The retry count header the Stainless SDKs send: 0, 1, 2…
              expect(
                requests.map((r) => r.headers['x-stainless-retry-count']),
                context,
              ).toEqual(requests.map((_, i) => String(i)));

              // The scenario must be able to tell an honoured hint from the own backoff.
              for (const wait of expected.waits) {
                if (wait.source !== 'retry-after' || wait.minMs > WARP_ABOVE_MS) continue;
                const backoff = delayRange(preset.policy, wait.retryIndex);
                const apart =
                  wait.maxMs + LATE_MS < backoff.minMs - EARLY_MS ||
                  wait.minMs - EARLY_MS > backoff.maxMs + LATE_MS;
                expect(apart, `${formatWait(wait)} vs backoff window: pick another hint`).toBe(
                  true,
                );
              }

              expected.waits.forEach((wait, i) => {
                const gap = gaps[i] ?? Number.NaN;
                const warp = warps.find((w) => w.ms >= wait.minMs && w.ms <= wait.maxMs);
                const label = `retry ${i + 1}: ${formatWait(wait)}; ${context}`;
                if (wait.minMs > WARP_ABOVE_MS) {
                  // Too long to wait out: the SDK must have asked for exactly this sleep.
                  expect(
                    warp?.hits.length ?? 0,
                    `${label} (SDK never slept ${wait.minMs} ms)`,
                  ).toBe(1);
                  expect(gap, label).toBeLessThanOrEqual(LATE_MS);
                } else {
                  expect(gap, label).toBeGreaterThanOrEqual(wait.minMs - EARLY_MS);
                  expect(gap, label).toBeLessThanOrEqual(wait.maxMs + LATE_MS);
                }
              });
              // A long hint the preset does not expect must not have been slept either.
              for (const w of warps) {
                const expectedToSleep = expected.waits.some(
                  (x) => x.minMs <= w.ms && w.ms <= x.maxMs,
                );
                if (!expectedToSleep)
                  expect(w.hits, `SDK slept ${w.ms} ms; ${context}`).toEqual([]);
              }
            } finally {
              for (const w of warps) w.release();
              await server.close();
            }
          },
          timeoutFor(expected),
        );
      }

      if (driver === CEREBRAS_DRIVER) {
        it('the default constructor sends one GET /v1/tcp_warming that is not retried', async ({
          expect,
        }) => {
          expect(preset.notes.join(' ')).toMatch(/tcp_warming/);
          const server = await startScriptedServer([
            { name: 'warm', method: 'GET', path: '/v1/tcp_warming', steps: [{ status: 503 }] },
          ]);
          try {
            const client = createDefaultCerebrasClient(server.origin);
            expect(isLoopbackUrl(client.baseURL)).toBe(true);
            callsMade += 1;
            // Longer than the first backoff (≤ 500 ms) plus slack: a retry would have arrived.
            await new Promise((resolve) => setTimeout(resolve, 900));
            requestsServed += server.script.requests.length;
            const warm = server.script.requestsFor('warm');
            expect(server.script.requests).toHaveLength(1);
            expect(warm.map((r) => [r.method, r.headers['x-stainless-retry-count']])).toEqual([
              ['GET', '0'],
            ]);
          } finally {
            await server.close();
          }
        });
      }
    });
  }
});

describe('network', () => {
  it('no request left 127.0.0.1', () => {
    expect(callsMade).toBeGreaterThan(0);
    expect(guard.requests.length).toBeGreaterThan(0);
    const off = guard.requests.filter((r) => !isLoopbackUrl(r.url));
    expect(off).toEqual([]);
    // Every outgoing request was received by one of the scripted servers.
    expect(guard.requests.length).toBe(requestsServed);
    const endpoints = guard.endpoints.filter(
      (e) => !/^connect 127\.0\.0\.1$|→ 127\.0\.0\.1$/.test(e),
    );
    expect(endpoints).toEqual([]);
    expect(guard.endpoints.length).toBeGreaterThan(0);
  });
});
