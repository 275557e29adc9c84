/** The replay fetch against a stub server: declared timing played on the virtual clock, events, stripping. */
import { describe, expect, it } from 'vitest';
import { realm } from '../../testing/replay-realm';
import { createVirtualClock, type VirtualClock } from './clock';
import { CLOCK_HEADER, PLAN_HEADER, parseClock, type DeclaredPlan } from './protocol';
import { createReplayFetch, type FetchLike } from './replay-fetch';
import type { ReplayEvent } from './types';

interface Served {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly plan?: DeclaredPlan;
}

/** A fake server: answers each request with the next canned response after a real 5 ms. */
function stubFetch(responses: Served[], seen: Request[]): FetchLike {
  return async (input, init) => {
    const req = new Request(input, init);
    seen.push(req);
    await new Promise((r) => setTimeout(r, 5));
    const next = responses.shift() ?? { status: 500 };
    const headers = new Headers(next.headers);
    if (next.plan) headers.set(PLAN_HEADER, JSON.stringify(next.plan));
    headers.set('x-replay-debug', 'strip me');
    return new Response(next.body ?? null, { status: next.status ?? 200, headers });
  };
}

async function withClock<T>(
  fn: (clock: VirtualClock, g: typeof globalThis) => Promise<T>,
): Promise<T> {
  const g = realm();
  const clock = createVirtualClock({ global: g });
  try {
    return await clock.drive(() => fn(clock, g));
  } finally {
    clock.uninstall();
  }
}

const URL_ = 'https://mock.replay.test/run/x/v1/chat/completions';
const post = { method: 'POST', headers: { 'x-stainless-retry-count': '0' }, body: '{}' };

describe('createReplayFetch', () => {
  it('stamps the virtual time, plays latency, strips x-replay-* and reports request and response', async () => {
    const seen: Request[] = [];
    const events: ReplayEvent[] = [];
    const out = await withClock(async (clock) => {
      const f = createReplayFetch({
        clock,
        onEvent: (e) => events.push(e),
        fetch: stubFetch(
          [
            {
              status: 429,
              headers: { 'retry-after': '7' },
              body: '{"e":1}',
              plan: { kind: 'http', stepIndex: 0, latencyMs: 250 },
            },
          ],
          seen,
        ),
      });
      await clock.sleep(1000);
      const r = await f(URL_, post);
      return {
        status: r.status,
        body: await r.text(),
        headers: [...r.headers.keys()],
        t: clock.now(),
      };
    });
    expect(out).toEqual({
      status: 429,
      body: '{"e":1}',
      headers: ['content-type', 'retry-after'],
      t: 1250,
    });
    expect(parseClock(seen[0]?.headers.get(CLOCK_HEADER))?.t).toBe(1000);
    expect(events.map((e) => [e.type, e.t])).toEqual([
      ['request', 1000],
      ['response', 1250],
    ]);
    expect(events[0]).toMatchObject({
      attempt: 1,
      method: 'POST',
      headers: { 'x-stainless-retry-count': '0' },
    });
    expect(events[1]).toMatchObject({ status: 429, stepIndex: 0, headers: { 'retry-after': '7' } });
  });

  it('a declared network error throws TypeError after its latency', async () => {
    const events: ReplayEvent[] = [];
    const err = await withClock(async (clock) => {
      const f = createReplayFetch({
        clock,
        onEvent: (e) => events.push(e),
        fetch: stubFetch([{ plan: { kind: 'network-error', stepIndex: 2, latencyMs: 40 } }], []),
      });
      return f(URL_, post).then(
        () => null,
        (e: unknown) => e,
      );
    });
    expect(err).toBeInstanceOf(TypeError);
    expect(events.at(-1)).toMatchObject({ type: 'network-error', t: 40, stepIndex: 2 });
  });

  it('no response: pending until the client aborts (here its 600 s timeout)', async () => {
    const events: ReplayEvent[] = [];
    const out = await withClock(async (clock, g) => {
      const f = createReplayFetch({
        clock,
        onEvent: (e) => events.push(e),
        fetch: stubFetch([{ plan: { kind: 'no-response', stepIndex: 0 } }], []),
      });
      const abort = new AbortController();
      g.setTimeout(() => abort.abort(new Error('timed out')), 600_000);
      const e = await f(URL_, { ...post, signal: abort.signal }).then(
        () => null,
        (x: Error) => x.message,
      );
      return { e, t: clock.now() };
    });
    expect(out).toEqual({ e: 'timed out', t: 600_000 });
    expect(events.map((e) => e.type)).toEqual(['request', 'abort']);
  });

  it('plays a stream chunk by chunk and cuts it as declared', async () => {
    const events: ReplayEvent[] = [];
    const out = await withClock(async (clock) => {
      const f = createReplayFetch({
        clock,
        onEvent: (e) => events.push(e),
        fetch: stubFetch(
          [
            {
              headers: { 'content-type': 'text/event-stream' },
              body: 'data: 1\n\ndata: 2\n\ndata: 3\n\n',
              plan: {
                kind: 'http',
                stepIndex: 0,
                latencyMs: 0,
                streamEnd: 'stall',
                chunkIntervalMs: 40,
                stallMs: 5000,
              },
            },
          ],
          [],
        ),
      });
      const r = await f(URL_, post);
      const reader = r.body!.getReader();
      const got: string[] = [];
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          got.push(new TextDecoder().decode(value));
        }
      } catch (e) {
        got.push(`error ${(e as Error).name} at ${clock.now()}`);
      }
      return got;
    });
    expect(out).toEqual(['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n', 'error TypeError at 5080']);
    expect(events.filter((e) => e.type === 'chunk').map((e) => e.t)).toEqual([0, 40, 80]);
    expect(events.at(-1)).toMatchObject({ type: 'stream-end', how: 'stall', t: 5080 });
  });

  it('a stream no one reads schedules nothing', async () => {
    const t = await withClock(async (clock) => {
      const f = createReplayFetch({
        clock,
        onEvent: () => {},
        fetch: stubFetch(
          [
            {
              body: 'data: 1\n\ndata: 2\n\n',
              plan: {
                kind: 'http',
                stepIndex: 0,
                latencyMs: 0,
                streamEnd: 'stall',
                chunkIntervalMs: 40,
                stallMs: 30_000,
              },
            },
          ],
          [],
        ),
      });
      const r = await f(URL_, post);
      await r.body?.cancel();
      return clock.now();
    });
    expect(t).toBe(0);
  });

  it('passes a response without a plan through untouched (apart from x-replay-*)', async () => {
    const out = await withClock(async (clock) => {
      const f = createReplayFetch({
        clock,
        onEvent: () => {},
        fetch: stubFetch([{ status: 204 }], []),
      });
      const r = await f(URL_, post);
      return [r.status, r.headers.has('x-replay-debug'), f.attempts];
    });
    expect(out).toEqual([204, false, 1]);
  });
});
