/** The reference client runs simulator policies exactly as the engine decides, on virtual time. */
import { describe, expect, it } from 'vitest';
import { requirePreset } from '../retry/presets';
import { constantRng } from '../retry/random';
import type { RetryPolicy } from '../retry/types';
import { loadShippedCatalogs } from '../../testing/catalogs';
import { inProcessServer } from '../../testing/replay-inprocess';
import { getLibraryScenario } from './library';
import { actualWaits, compare, predict } from './predict';
import { referenceAdapter } from './reference-client';
import { runReplay } from './run';
import type { ReplayScenario } from './types';

const catalogs = new Map(loadShippedCatalogs().map((c) => [c.id, c]));

function realm(fetch: typeof globalThis.fetch): typeof globalThis {
  return {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
    setImmediate: globalThis.setImmediate,
    Date: globalThis.Date,
    performance: globalThis.performance,
    fetch,
  } as unknown as typeof globalThis;
}

async function run(scenario: ReplayScenario, policy: RetryPolicy, u = 0) {
  const catalog = catalogs.get(scenario.provider)!;
  const server = inProcessServer(scenario, catalog);
  const summary = await runReplay({
    scenario,
    runId: 'ref',
    client: referenceAdapter({ policy, rng: constantRng(u) }),
    global: realm(server.fetch as typeof fetch),
  });
  return { summary, server, catalog };
}

const fixed: RetryPolicy = {
  maxAttempts: 4,
  backoff: { strategy: { kind: 'constant', delayMs: 2000 }, jitter: { kind: 'none' } },
  retryOn: { statuses: [429, { from: 500, to: 599 }], connectionErrors: true, timeouts: true },
  attemptTimeoutMs: 10_000,
};

describe('referenceAdapter', () => {
  it('retries on its own backoff and gives up after maxAttempts', async () => {
    const { summary } = await run(getLibraryScenario('503-persistent')!, fixed);
    expect(summary.attempts).toBe(4);
    expect(actualWaits(summary.events).map((w) => w.ms)).toEqual([2000, 2000, 2000]);
    expect(summary.result).toMatchObject({ kind: 'error', className: 'HTTPError', status: 503 });
    expect(summary.result.kind === 'error' && summary.result.message).toMatch(/max-attempts/);
  });

  it('its per-attempt timeout ends a no-response attempt on the virtual clock', async () => {
    const { summary } = await run(getLibraryScenario('no-response')!, fixed);
    const requests = summary.events.filter((e) => e.type === 'request').map((e) => e.t);
    expect(requests).toEqual([0, 12_000, 24_000, 36_000]);
    expect(summary.result).toMatchObject({ className: 'TimeoutError' });
  });

  it('does not retry a stream that started, and spots a missing terminator', async () => {
    const cut = await run(getLibraryScenario('stream-cut')!, fixed);
    expect(cut.summary.attempts).toBe(1);
    expect(cut.summary.result).toMatchObject({ className: 'StreamCutError' });
    const trunc = await run(getLibraryScenario('stream-no-terminator')!, fixed);
    expect(trunc.summary.result).toMatchObject({ className: 'TruncatedStreamError' });
  });

  it.each([
    '429-retry-after-once',
    'retry-after-http-date',
    'wandb-overloaded-2-minutes',
    'connection-reset',
    'context-length-exceeded',
  ])(
    'the openai-node-7.4 preset run as a reference client matches its own prediction: %s',
    async (id) => {
      const preset = requirePreset('openai-node-7.4');
      const scenario = getLibraryScenario(id)!;
      for (const u of [0, 0.5, 0.999]) {
        const { summary, catalog } = await run(scenario, preset.policy, u);
        const c = compare(predict(scenario, catalog, preset), summary.events);
        expect(c.mismatches).toEqual([]);
      }
    },
  );

  it('a 2-minute storm against a patient policy replays exactly and fast', async () => {
    const patient: RetryPolicy = {
      ...fixed,
      maxAttempts: 100,
      backoff: { strategy: { kind: 'constant', delayMs: 10_000 }, jitter: { kind: 'none' } },
    };
    const { summary } = await run(getLibraryScenario('wandb-overloaded-2-minutes')!, patient);
    expect(summary.result.kind).toBe('answer');
    // 503 for requests arriving before 120 s: 0, 10 s … 120 s is the first outside the span.
    expect(summary.attempts).toBe(13);
    expect(summary.virtualMs).toBe(120_000);
  });
});
