/** Tests of the response-sequence syntax. */

import { describe, expect, it } from 'vitest';
import { formatStep, parseDuration, parseSequence } from './sequence';

describe('parseSequence', () => {
  it('reads statuses, timeouts, connection errors and Retry-After', () => {
    const r = parseSequence('503, 503, 429 ra=7, 200');
    expect(r).toEqual({
      ok: true,
      steps: [
        { kind: 'response', status: 503 },
        { kind: 'response', status: 503 },
        { kind: 'response', status: 429, headers: { 'retry-after': '7' } },
        { kind: 'response', status: 200 },
      ],
    });
    expect(parseSequence('timeout; conn\n200')).toEqual({
      ok: true,
      steps: [{ kind: 'timeout' }, { kind: 'connection-error' }, { kind: 'response', status: 200 }],
    });
  });

  it('keeps header values raw, quoted dates included, and reads the other attributes', () => {
    const r = parseSequence(
      '429 ra="Thu, 01 Jan 2026 00:00:30 GMT", 429 ra-ms=1500 should-retry=false, 503 pushback=100 took=250ms',
    );
    expect(r.ok && r.steps).toEqual([
      {
        kind: 'response',
        status: 429,
        headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' },
      },
      {
        kind: 'response',
        status: 429,
        headers: { 'retry-after-ms': '1500', 'x-should-retry': 'false' },
      },
      {
        kind: 'response',
        status: 503,
        headers: { 'grpc-retry-pushback-ms': '100' },
        durationMs: 250,
      },
    ]);
    // A value a client cannot parse is still passed on: the client decides.
    expect(parseSequence('429 ra=1.5').ok).toBe(true);
  });

  it('repeats a response', () => {
    for (const text of ['503 x3, 200', '503x3, 200', '503*3, 200']) {
      const r = parseSequence(text);
      expect(r.ok && r.steps.map((s) => (s.kind === 'response' ? s.status : s.kind))).toEqual([
        503, 503, 503, 200,
      ]);
    }
  });

  it('names the bad token and its position', () => {
    const r = parseSequence('503, 5O3, 200');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.token).toBe('5O3');
    expect(r.position).toBe(2);
    expect(r.error).toMatch(/Response 2, "5O3"/);
    expect(r.error).toMatch(/not a status code/);
  });

  it('explains each kind of mistake', () => {
    const error = (text: string) => {
      const r = parseSequence(text);
      return r.ok ? '' : r.error;
    };
    expect(error('')).toMatch(/empty/);
    expect(error('700')).toMatch(/outside the HTTP status range/);
    expect(error('503 503')).toMatch(/separate responses with commas/);
    expect(error('429 wait=3')).toMatch(/"wait" is not a known attribute/);
    expect(error('timeout ra=3')).toMatch(/needs an HTTP response/);
    expect(error('429 ra=')).toMatch(/has no value/);
    expect(error('503 took=soon')).toMatch(/took=soon is not a duration/);
    expect(error('503 should-retry=maybe')).toMatch(/true or false/);
    expect(error('503 x0')).toMatch(/repeat count/);
    expect(error('503 x150, 503 x100')).toMatch(/longer than 200/);
  });
});

describe('parseDuration', () => {
  it('reads ms, s and minutes; a bare number is seconds', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1.1s')).toBe(1100);
    expect(parseDuration('2')).toBe(2000);
    expect(parseDuration('1.5min')).toBe(90_000);
    expect(parseDuration('soon')).toBeNaN();
  });
});

describe('formatStep', () => {
  it('writes a step back as a token', () => {
    expect(formatStep({ kind: 'response', status: 429, headers: { 'retry-after': '7' } })).toBe(
      '429 ra=7',
    );
    expect(formatStep({ kind: 'timeout', durationMs: 250 })).toBe('timeout took=250ms');
    expect(
      formatStep({ kind: 'response', status: 429, headers: { 'retry-after': 'Thu, 01 Jan 2026' } }),
    ).toBe('429 ra="Thu, 01 Jan 2026"');
  });
});
