/** Timeline explanations, verdicts and predictions, on hand-written run events. */
import { describe, expect, it } from 'vitest';
import { requirePreset } from '../retry/presets';
import { loadShippedCatalogs } from '../../testing/catalogs';
import { explainRun } from './explain';
import { getLibraryScenario } from './library';
import { compare, predict, presetForClient, versionCovers } from './predict';
import type { ReplayEvent, ReplayResult } from './types';
import { verdicts } from './verdicts';

const catalogs = new Map(loadShippedCatalogs().map((c) => [c.id, c]));
const openai = catalogs.get('openai')!;

/** Events of a run: each attempt `[requestT, status | 'net', responseHeaders?]`, then the result. */
function events(
  attempts: [number, number | 'net', Record<string, string>?, number?][],
  result: ReplayResult,
): ReplayEvent[] {
  const out: ReplayEvent[] = [];
  attempts.forEach(([t, status, headers = {}, stepIndex = 0], i) => {
    const attempt = i + 1;
    out.push({
      type: 'request',
      t,
      attempt,
      method: 'POST',
      url: 'https://mock.replay.test/run/x/v1/chat/completions',
      headers: { 'x-stainless-retry-count': String(i) },
    });
    if (status === 'net')
      out.push({ type: 'network-error', t, attempt, stepIndex, message: 'reset' });
    else out.push({ type: 'response', t, attempt, stepIndex, status, headers });
  });
  const end = attempts.at(-1)?.[0] ?? 0;
  out.push({ type: 'result', t: end, result }, { type: 'done', t: end, wallMs: 1 });
  return out;
}

const answer: ReplayResult = { kind: 'answer', text: 'hi' };
const err = (className: string, status?: number): ReplayResult => ({
  kind: 'error',
  className,
  message: 'x',
  ...(status ? { status } : {}),
});

describe('explainRun', () => {
  it('says a Retry-After was honoured', () => {
    const { rows, summary } = explainRun(
      events(
        [
          [0, 429, { 'retry-after': '7' }],
          [7000, 200, {}, 1],
        ],
        answer,
      ),
    );
    expect(rows[0]?.reason).toBe('Retry-After 7 s honoured');
    expect(rows[0]?.waitMs).toBe(7000);
    expect(rows[0]?.requestHeaders['x-stainless-retry-count']).toBe('0');
    expect(rows[1]?.reason).toBe('answered');
    expect(summary).toBe('answer after 2 attempts');
  });

  it('says when a hint was not honoured, and names plain backoff', () => {
    const { rows } = explainRun(
      events(
        [
          [0, 429, { 'retry-after': '7' }],
          [450, 503],
          [1300, 503],
        ],
        err('InternalServerError', 503),
      ),
    );
    expect(rows[0]?.reason).toBe('Retry-After 7 s not honoured: waited 450 ms (own backoff)');
    expect(rows[1]?.reason).toBe('503: backoff 850 ms (no Retry-After)');
    expect(rows[2]?.reason).toBe('gave up after 3 attempts');
  });

  it('400 is not retried; x-should-retry: false is named', () => {
    expect(explainRun(events([[0, 400]], err('BadRequestError', 400))).rows[0]?.reason).toBe(
      '400 is not retried',
    );
    expect(
      explainRun(events([[0, 503, { 'x-should-retry': 'false' }]], err('InternalServerError', 503)))
        .rows[0]?.reason,
    ).toBe('x-should-retry: false: 503 is not retried');
  });

  it('connection errors', () => {
    expect(
      explainRun(
        events(
          [
            [0, 'net'],
            [400, 200],
          ],
          answer,
        ),
      ).rows[0]?.reason,
    ).toBe('connection error; retried after 400 ms');
  });
});

describe('verdicts', () => {
  const byId = (v: ReturnType<typeof verdicts>) =>
    Object.fromEntries(v.map((x) => [x.id, x.status]));

  it('pass when the hint is honoured and budget and deadline hold', () => {
    const scenario = getLibraryScenario('429-retry-after-once')!;
    const v = verdicts({
      scenario,
      catalog: openai,
      events: events(
        [
          [0, 429, { 'retry-after': '7' }],
          [7000, 200, {}, 1],
        ],
        answer,
      ),
      maxAttempts: 3,
      deadlineMs: 10_000,
    });
    expect(byId(v)).toEqual({
      'retry-after': 'pass',
      'non-retryable': 'n/a',
      'truncated-stream': 'n/a',
      budget: 'pass',
      deadline: 'pass',
    });
  });

  it('fail when a hint is cut short, a non-retryable error is retried, or the budget is passed', () => {
    const scenario = getLibraryScenario('insufficient-quota')!;
    const ev = events(
      [
        [0, 429, { 'retry-after': '7' }],
        [500, 429],
        [1300, 429],
      ],
      err('RateLimitError', 429),
    );
    expect(
      byId(verdicts({ scenario, catalog: openai, events: ev, maxAttempts: 2, deadlineMs: 1000 })),
    ).toEqual({
      'retry-after': 'fail',
      'non-retryable': 'fail',
      'truncated-stream': 'n/a',
      budget: 'fail',
      deadline: 'fail',
    });
  });

  it('a truncated stream taken for an answer fails', () => {
    const scenario = getLibraryScenario('stream-no-terminator')!;
    const ev: ReplayEvent[] = [
      { type: 'request', t: 0, attempt: 1, method: 'POST', url: 'u', headers: {} },
      { type: 'response', t: 0, attempt: 1, stepIndex: 0, status: 200, headers: {} },
      { type: 'stream-end', t: 80, attempt: 1, how: 'no-terminator' },
      { type: 'result', t: 80, result: { kind: 'answer', text: 'The replay', chunks: 4 } },
    ];
    expect(
      verdicts({ scenario, catalog: openai, events: ev }).find((v) => v.id === 'truncated-stream')
        ?.status,
    ).toBe('fail');
    const errored = ev.map((e) => (e.type === 'result' ? { ...e, result: err('OpenAIError') } : e));
    expect(
      verdicts({ scenario, catalog: openai, events: errored }).find(
        (v) => v.id === 'truncated-stream',
      )?.status,
    ).toBe('pass');
  });
});

describe('predict', () => {
  it('openai 6.49 is modelled by openai-node-7.4, anthropic 1.12 by anthropic-ts-1.12', () => {
    expect(presetForClient('openai', '6.49.0')?.id).toBe('openai-node-7.4');
    expect(presetForClient('openai', '7.5.0')?.id).toBe('openai-node');
    expect(presetForClient('openai', '6.25.1')?.id).toBe('openai-node-6');
    expect(presetForClient('anthropic', '1.12.0')?.id).toBe('anthropic-ts-1.12');
    expect(presetForClient('anthropic', '0.78.0')?.id).toBe('anthropic-ts-0.78');
    expect(presetForClient('openai', '99.0.0')).toBeUndefined();
    expect(versionCovers('0.120.0 (rule since 0.79.0)', '0.100.0')).toBe(true);
  });

  it('predicts attempts and waits as ranges, and flags a mismatch loudly', () => {
    const scenario = getLibraryScenario('503-persistent')!;
    const p = predict(scenario, openai, requirePreset('openai-node-7.4'));
    expect(p.attempts).toEqual({ min: 3, max: 3 });
    expect(p.waits.map((w) => [w.minMs, w.maxMs])).toEqual([
      [375, 500],
      [750, 1000],
    ]);
    expect(p.outcome).toBe('error');
    const good = events(
      [
        [0, 503],
        [400, 503],
        [1300, 503],
      ],
      err('InternalServerError', 503),
    );
    expect(compare(p, good).ok).toBe(true);
    const bad = events(
      [
        [0, 503],
        [2000, 503],
      ],
      err('InternalServerError', 503),
    );
    expect(compare(p, bad).mismatches).toEqual([
      'attempts: predicted 3, actual 2',
      'wait 1: predicted 375 ms–500 ms (backoff), actual 2000 ms',
    ]);
  });

  it('a time span can make the attempt count a range', () => {
    const scenario = {
      ...getLibraryScenario('primary-down-60s')!,
      steps: [
        { kind: 'error' as const, entry: '503-server_is_overloaded', repeat: { forMs: 800 } },
      ],
    };
    const p = predict(scenario, openai, requirePreset('openai-node-7.4'));
    // The 2nd request lands at 375–500 ms (inside the span); the 3rd at 1125–1500 ms (outside).
    expect(p.attempts).toEqual({ min: 3, max: 3 });
    expect(p.outcome).toBe('success');
    const tight = {
      ...scenario,
      steps: [
        { kind: 'error' as const, entry: '503-server_is_overloaded', repeat: { forMs: 450 } },
      ],
    };
    expect(predict(tight, openai, requirePreset('openai-node-7.4')).attempts).toEqual({
      min: 2,
      max: 3,
    });
  });
});
