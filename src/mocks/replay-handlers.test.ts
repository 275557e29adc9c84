// @vitest-environment node
/** Replay handlers over loopback: declared timing in replay mode, played timing in plain use. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLOCK_HEADER,
  PLAN_HEADER,
  formatClock,
  parseDeclaredPlan,
  runBaseUrl,
} from '../core/replay/protocol';
import type { ReplayScenario } from '../core/replay/types';
import { getResponse } from 'msw';
import { createReplayHandlers } from './replay-handlers';
import { loadCatalogMap, startReplayServer, type ReplayServer } from '../testing/replay-server';

const catalogs = loadCatalogMap();
const openai = catalogs.get('openai')!;
let server: ReplayServer;
let runs = 0;

beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

function scenario(
  steps: ReplayScenario['steps'],
  extra: Partial<ReplayScenario> = {},
): ReplayScenario {
  return {
    schemaVersion: 1,
    id: 't',
    title: 't',
    story: 't',
    provider: 'openai',
    api: 'openai-chat',
    path: '/v1/chat/completions',
    stream: false,
    steps,
    then: 'success',
    ...extra,
  };
}

function register(s: ReplayScenario): string {
  const id = `run-${++runs}`;
  server.registry.register(id, { scenario: s, catalog: openai });
  return `${runBaseUrl(id, server.origin)}/v1/chat/completions`;
}

const post = (
  url: string,
  clock?: { t: number; epochMs: number },
  body: unknown = { model: 'm', messages: [] },
) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(clock ? { [CLOCK_HEADER]: formatClock(clock) } : {}),
    },
    body: JSON.stringify(body),
  });

describe('replay mode (x-replay-clock present)', () => {
  it('answers at once and declares latency; steps advance per request', async () => {
    const url = register(
      scenario([{ kind: 'error', entry: '429-rate_limit_exceeded', latencyMs: 5000 }]),
    );
    const started = performance.now();
    const first = await post(url, { t: 0, epochMs: 0 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(parseDeclaredPlan(first.headers.get(PLAN_HEADER))).toEqual({
      kind: 'http',
      stepIndex: 0,
      latencyMs: 5000,
    });
    await first.text();
    const second = await post(url, { t: 6000, epochMs: 6000 });
    expect(second.status).toBe(200);
    expect(parseDeclaredPlan(second.headers.get(PLAN_HEADER))?.stepIndex).toBe(1);
    expect(await second.json()).toMatchObject({ object: 'chat.completion' });
  });

  it('uses the virtual arrival time for forMs spans', async () => {
    const url = register(
      scenario([{ kind: 'error', entry: '503-server_is_overloaded', repeat: { forMs: 60_000 } }]),
    );
    const at = async (t: number) => (await post(url, { t, epochMs: t })).status;
    expect(await at(0)).toBe(503);
    expect(await at(59_999)).toBe(503);
    expect(await at(60_000)).toBe(200);
  });

  it('declares network errors, no response and stream endings', async () => {
    const url = register(
      scenario(
        [
          { kind: 'network-error', latencyMs: 40 },
          { kind: 'no-response' },
          { kind: 'stream-failure', failure: 'stall', afterChunks: 2, stallMs: 9000 },
        ],
        { stream: true },
      ),
    );
    const plans = [];
    for (const t of [0, 1, 2])
      plans.push(
        parseDeclaredPlan(
          (await post(url, { t, epochMs: t }, { stream: true })).headers.get(PLAN_HEADER),
        ),
      );
    expect(plans).toEqual([
      { kind: 'network-error', stepIndex: 0, latencyMs: 40 },
      { kind: 'no-response', stepIndex: 1 },
      {
        kind: 'http',
        stepIndex: 2,
        latencyMs: 0,
        streamEnd: 'stall',
        chunkIntervalMs: 40,
        stallMs: 9000,
      },
    ]);
  });

  it('records what it served, with the client headers', async () => {
    const url = register(scenario([{ kind: 'error', entry: '500-server_error' }]));
    await (await post(url, { t: 12, epochMs: 12 })).text();
    const id = `run-${runs}`;
    expect(server.registry.requests(id)).toMatchObject([
      { t: 12, method: 'POST', stepIndex: 0, headers: { 'content-type': 'application/json' } },
    ]);
  });

  it('404s an unknown run with a message naming it', async () => {
    const r = await post(`${runBaseUrl('nope', server.origin)}/v1/chat/completions`, {
      t: 0,
      epochMs: 0,
    });
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({
      error: { message: 'no replay run "nope" is registered' },
    });
  });
});

describe('plain mode (no clock header)', () => {
  it('plays latency in real time and sends no plan header', async () => {
    const url = register(scenario([{ kind: 'success', latencyMs: 120 }]));
    const started = performance.now();
    const r = await post(url);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect(r.headers.get(PLAN_HEADER)).toBeNull();
    expect(r.status).toBe(200);
  });

  // A network error cannot cross @mswjs/http-middleware (status 0), so these go through getResponse.
  it('a network error is Response.error(); a cut stream errors mid-body', async () => {
    const { handlers, registry } = createReplayHandlers();
    registry.register('plain', {
      scenario: scenario(
        [{ kind: 'network-error' }, { kind: 'stream-failure', failure: 'cut', afterChunks: 1 }],
        { stream: true },
      ),
      catalog: openai,
    });
    const req = () =>
      new Request(`${runBaseUrl('plain')}/v1/chat/completions`, {
        method: 'POST',
        body: '{"stream":true}',
      });
    expect((await getResponse(handlers, req()))?.type).toBe('error');
    const r = await getResponse(handlers, req());
    expect(r?.status).toBe(200);
    await expect(r?.text()).rejects.toThrow('network error');
  });

  it('no response settles only when the request is aborted', async () => {
    const { handlers, registry } = createReplayHandlers();
    registry.register('hang', { scenario: scenario([{ kind: 'no-response' }]), catalog: openai });
    const abort = new AbortController();
    const pending = getResponse(
      handlers,
      new Request(`${runBaseUrl('hang')}/v1/chat/completions`, {
        method: 'POST',
        body: '{}',
        signal: abort.signal,
      }),
    );
    const raced = await Promise.race([
      pending.then(() => 'settled'),
      new Promise((r) => setTimeout(() => r('pending'), 100)),
    ]);
    expect(raced).toBe('pending');
    abort.abort();
    expect((await pending)?.type).toBe('error');
  });
});
