/** Tests: steps described in words. */
import { describe, expect, it } from 'vitest';
import { changeKind, describeStep, formatVirtual, parseHeaderLines } from './step-words';

describe('step words', () => {
  it('formats virtual time exactly', () => {
    expect(formatVirtual(0)).toBe('0.000 s');
    expect(formatVirtual(7000)).toBe('7.000 s');
    expect(formatVirtual(62_500)).toBe('1:02.500');
  });

  it('describes steps in words', () => {
    expect(
      describeStep(
        {
          kind: 'error',
          entry: '503-x',
          repeat: { forMs: 120_000 },
          headers: { 'retry-after': '7' },
        },
        { stream: false },
      ),
    ).toBe('503-x (+ retry-after), for 120 s');
    expect(
      describeStep(
        { kind: 'stream-failure', failure: 'cut', afterChunks: 1, latencyMs: 250 },
        {
          stream: true,
        },
      ),
    ).toBe('200 stream, cut after 1 chunk, once, after 0.25 s');
  });

  it('keeps latency, repeat and note when a step changes kind', () => {
    expect(
      changeKind(
        { kind: 'success', latencyMs: 5, repeat: { count: 3 }, note: 'n' },
        'error',
        '500-a',
      ),
    ).toEqual({ kind: 'error', entry: '500-a', latencyMs: 5, repeat: { count: 3 }, note: 'n' });
  });

  it('reads header lines and reports the ones that are not headers', () => {
    expect(parseHeaderLines('Retry-After: 7\n\nx-should-retry:false\nnot a header')).toEqual({
      headers: { 'retry-after': '7', 'x-should-retry': 'false' },
      bad: ['not a header'],
    });
  });
});
