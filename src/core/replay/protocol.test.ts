/** The handler ↔ fetch wire contract: clock header, declared plans, SSE block splitting. */
import { describe, expect, it } from 'vitest';
import {
  declarePlan,
  formatClock,
  parseClock,
  parseDeclaredPlan,
  runBaseUrl,
  splitSseBlocks,
} from './protocol';

describe('protocol', () => {
  it('round-trips the clock header and rejects junk', () => {
    expect(parseClock(formatClock({ t: 12.5, epochMs: 1767225600000 }))).toEqual({
      t: 12.5,
      epochMs: 1767225600000,
    });
    expect(parseClock('t=1')).toBeUndefined();
    expect(parseClock(null)).toBeUndefined();
  });

  it('declares only timing and round-trips it', () => {
    const d = declarePlan({
      kind: 'http',
      stepIndex: 2,
      status: 200,
      headers: {},
      chunks: ['data: 1\n\n'],
      streamEnd: 'cut',
      latencyMs: 5,
      chunkIntervalMs: 40,
    });
    expect(d).toEqual({
      kind: 'http',
      stepIndex: 2,
      latencyMs: 5,
      streamEnd: 'cut',
      chunkIntervalMs: 40,
    });
    expect(parseDeclaredPlan(JSON.stringify(d))).toEqual(d);
    expect(parseDeclaredPlan('{"kind":"http","stepIndex":1,"latencyMs":-1}')).toBeUndefined();
    expect(
      parseDeclaredPlan('{"kind":"http","stepIndex":1,"latencyMs":0,"streamEnd":"explode"}'),
    ).toEqual({ kind: 'http', stepIndex: 1, latencyMs: 0 });
    expect(parseDeclaredPlan('not json')).toBeUndefined();
  });

  it('splits SSE blocks keeping their blank lines', () => {
    expect(splitSseBlocks('data: a\n\nevent: x\ndata: b\n\ndata: tail')).toEqual([
      'data: a\n\n',
      'event: x\ndata: b\n\n',
      'data: tail',
    ]);
  });

  it('builds run URLs', () => {
    expect(runBaseUrl('a b')).toBe('https://mock.replay.test/run/a%20b');
  });
});
