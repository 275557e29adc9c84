/** Response plans: catalog errors with overrides, real-shaped answers and stream failures. */
import { describe, expect, it } from 'vitest';
import { loadShippedCatalogs } from '../../testing/catalogs';
import { apiOfPath, resolvePlan, streamErrorInfo } from './resolve';
import { createSequencer, type StepPick } from './sequencer';
import type { ReplayApi, ReplayScenario, ReplayStep, ResponsePlan } from './types';

const catalogs = new Map(loadShippedCatalogs().map((c) => [c.id, c]));
const cat = (id: string) => {
  const c = catalogs.get(id);
  if (!c) throw new Error(id);
  return c;
};
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const pick = (step: ReplayStep, stepIndex = 0, request = 0): StepPick => ({
  step,
  stepIndex,
  request,
  repetition: 0,
});
const plan = (
  provider: string,
  step: ReplayStep,
  opts: { api?: ReplayApi; stream?: boolean } = {},
): Extract<ResponsePlan, { kind: 'http' }> => {
  const p = resolvePlan(
    { api: opts.api ?? 'openai-chat', stream: opts.stream ?? false },
    cat(provider),
    pick(step),
    { nowEpochMs: NOW },
  );
  if (p.kind !== 'http') throw new Error(p.kind);
  return p;
};
/** The JSON payloads of the `data:` lines of SSE blocks. */
const dataOf = (chunks: readonly string[] | undefined) =>
  (chunks ?? []).map((c) => /^data: (.*)$/m.exec(c)?.[1] ?? '');
const eventsOf = (chunks: readonly string[] | undefined) =>
  (chunks ?? []).map((c) => /^event: (.*)$/m.exec(c)?.[1] ?? '');

describe('error plans from catalog entries', () => {
  it('uses the entry status, example headers and body', () => {
    const p = plan('openai', { kind: 'error', entry: '429-rate_limit_exceeded' });
    expect(p.status).toBe(429);
    expect(p.headers['retry-after']).toBe('1');
    expect(p.headers['x-ratelimit-remaining-requests']).toBe('0');
    expect(p.headers['content-type']).toBe('application/json');
    expect(JSON.parse(p.body ?? '')).toMatchObject({ error: { code: 'rate_limit_exceeded' } });
    expect(p.latencyMs).toBe(0);
  });

  it('applies status, header, removal, body and latency overrides', () => {
    const p = plan('openai', {
      kind: 'error',
      entry: '503-server_is_overloaded',
      status: 502,
      headers: { 'X-Should-Retry': 'false', 'retry-after-ms': '1500' },
      removeHeaders: ['X-Request-Id'],
      body: 'upstream gone',
      latencyMs: 250,
    });
    expect(p.status).toBe(502);
    expect(p.headers['x-should-retry']).toBe('false');
    expect(p.headers['retry-after-ms']).toBe('1500');
    expect(p.headers['x-request-id']).toBeUndefined();
    expect(p.body).toBe('upstream gone');
    expect(p.headers['content-type']).toMatch(/^text\/plain/);
    expect(p.latencyMs).toBe(250);
  });

  it('writes Retry-After as an HTTP date relative to the virtual response time', () => {
    const p = plan('openai', {
      kind: 'error',
      entry: '429-rate_limit_exceeded',
      retryAfterDateInMs: 20_000,
      latencyMs: 1000,
    });
    expect(p.headers['retry-after']).toBe('Thu, 01 Jan 2026 12:00:21 GMT');
  });

  it('keeps the Anthropic body shape and request-id header', () => {
    const p = plan(
      'anthropic',
      { kind: 'error', entry: '529-overloaded_error' },
      { api: 'anthropic-messages' },
    );
    expect(p.status).toBe(529);
    expect(p.headers['request-id']).toBeDefined();
    expect(JSON.parse(p.body ?? '')).toMatchObject({
      type: 'error',
      error: { type: 'overloaded_error' },
    });
  });
});

describe('successes', () => {
  it('openai-chat: a chat.completion', () => {
    const p = plan('openai', { kind: 'success' });
    expect(p.status).toBe(200);
    const body = JSON.parse(p.body ?? '') as {
      object: string;
      choices: { finish_reason: string }[];
    };
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]?.finish_reason).toBe('stop');
  });

  it('openai-chat stream: chunks ending with finish_reason and data: [DONE]', () => {
    const p = plan('openai', { kind: 'success' }, { stream: true });
    expect(p.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(p.streamEnd).toBe('complete');
    const data = dataOf(p.chunks);
    expect(data.at(-1)).toBe('[DONE]');
    const parsed = data.slice(0, -1).map(
      (d) =>
        JSON.parse(d) as {
          object: string;
          choices: { finish_reason: string | null; delta: { content?: string } }[];
        },
    );
    expect(parsed.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(parsed.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(parsed.map((c) => c.choices[0]?.delta.content ?? '').join('')).toMatch(
      /^The replay says hello/,
    );
    for (const c of p.chunks ?? []) expect(c.endsWith('\n\n')).toBe(true);
  });

  it('anthropic-messages: a message, and the SSE event sequence', () => {
    const p = plan('anthropic', { kind: 'success' }, { api: 'anthropic-messages' });
    expect(JSON.parse(p.body ?? '')).toMatchObject({
      type: 'message',
      role: 'assistant',
      stop_reason: 'end_turn',
    });
    const s = plan('anthropic', { kind: 'success' }, { api: 'anthropic-messages', stream: true });
    const events = eventsOf(s.chunks);
    expect(events[0]).toBe('message_start');
    expect(events[1]).toBe('content_block_start');
    expect(events.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(events.filter((e) => e === 'content_block_delta')).toHaveLength(8);
  });
});

describe('stream failures', () => {
  const failing = (
    failure: 'error-event' | 'cut' | 'stall' | 'malformed-chunk' | 'no-terminator',
    api: ReplayApi,
    entry?: string,
  ) =>
    plan(
      api === 'openai-chat' ? 'openai' : 'anthropic',
      { kind: 'stream-failure', failure, afterChunks: 2, ...(entry ? { entry } : {}) },
      { api, stream: true },
    );

  it('anthropic error event carries overloaded_error from the catalog entry', () => {
    const p = failing('error-event', 'anthropic-messages', 'stream-error-overloaded_error');
    expect(p.streamEnd).toBe('error-event');
    expect(eventsOf(p.chunks)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'error',
    ]);
    expect(JSON.parse(dataOf(p.chunks).at(-1) ?? '')).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
  });

  it('openai error chunk is data: {"error": {...}}', () => {
    const p = failing('error-event', 'openai-chat', 'stream-error-server_is_overloaded');
    expect(JSON.parse(dataOf(p.chunks).at(-1) ?? '')).toEqual({
      error: {
        message: 'Our servers are currently overloaded. Please try again later.',
        type: 'server_is_overloaded',
        param: null,
        code: 'server_is_overloaded',
      },
    });
  });

  it('cut, stall and no-terminator stop after the good chunks without a terminator', () => {
    for (const how of ['cut', 'stall', 'no-terminator'] as const) {
      const p = failing(how, 'openai-chat');
      expect(p.streamEnd).toBe(how);
      expect(p.chunks).toHaveLength(3); // role chunk + 2 content chunks
      expect(dataOf(p.chunks)).not.toContain('[DONE]');
    }
    expect(failing('stall', 'openai-chat').stallMs).toBe(30_000);
    const a = failing('no-terminator', 'anthropic-messages');
    expect(eventsOf(a.chunks)).not.toContain('message_stop');
  });

  it('malformed chunk is not JSON', () => {
    for (const api of ['openai-chat', 'anthropic-messages'] as const) {
      const p = failing('malformed-chunk', api);
      expect(() => JSON.parse(dataOf(p.chunks).at(-1) ?? '') as unknown).toThrow(SyntaxError);
    }
  });

  it('streamErrorInfo falls back to a generic overload', () => {
    expect(streamErrorInfo(undefined)).toEqual({
      type: 'overloaded_error',
      message: 'Overloaded',
      code: null,
    });
  });
});

describe('network failures and dialects', () => {
  it('network-error and no-response plans', () => {
    const s: Pick<ReplayScenario, 'api' | 'stream'> = { api: 'openai-chat', stream: false };
    expect(
      resolvePlan(s, cat('openai'), pick({ kind: 'network-error', latencyMs: 40 }, 3), {
        nowEpochMs: NOW,
      }),
    ).toEqual({ kind: 'network-error', stepIndex: 3, latencyMs: 40 });
    expect(
      resolvePlan(s, cat('openai'), pick({ kind: 'no-response' }, 1), { nowEpochMs: NOW }),
    ).toEqual({ kind: 'no-response', stepIndex: 1 });
  });

  it('apiOfPath reads the dialect from the request path', () => {
    expect(apiOfPath('/run/x/v1/messages', 'openai-chat')).toBe('anthropic-messages');
    expect(apiOfPath('/run/x/v1/chat/completions', 'anthropic-messages')).toBe('openai-chat');
    expect(apiOfPath('/run/x/v5/prompts/call', 'openai-chat')).toBe('openai-chat');
  });

  it('a whole scenario resolves step by step', () => {
    const seq = createSequencer({
      steps: [{ kind: 'error', entry: '500-server_error', repeat: { count: 2 } }],
      then: 'success',
    });
    const statuses = [0, 1, 2].map((t) => {
      const p = resolvePlan({ api: 'openai-chat', stream: false }, cat('openai'), seq.next(t), {
        nowEpochMs: NOW,
      });
      return p.kind === 'http' ? p.status : p.kind;
    });
    expect(statuses).toEqual([500, 500, 200]);
  });
});
