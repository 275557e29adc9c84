import { describe, expect, it } from 'vitest';
import { DEFAULT_LATENCY } from '../../../core/herd/rate-limited';
import { herdAssumptions } from './herd-words';

describe('herdAssumptions', () => {
  it('names the latencies, the limiter and the bucket size', () => {
    const text = herdAssumptions({
      latency: DEFAULT_LATENCY,
      limiter: { kind: 'fixed-window', windowMs: 1000 },
      capacityPerSec: 100,
      bucketMs: 100,
    });
    expect(text).toContain(
      'a 200 takes about 1 s and a 429 or 503 about 50 ms (each ±20% at random)',
    );
    expect(text).toContain('the first 100 requests of each 1 s window');
    expect(text).toContain('in 100 ms buckets');
    expect(text).toContain('burst above the capacity line');
  });

  it('says nothing of buckets before a run, and describes a token bucket', () => {
    const text = herdAssumptions({
      latency: { successMs: 2000, errorMs: 10, jitter: 0 },
      limiter: { kind: 'token-bucket', burst: 20 },
      capacityPerSec: 150,
    });
    expect(text).toBe(
      'Assumed: a 200 takes about 2 s and a 429 or 503 about 10 ms; the endpoint is a token bucket of 20 refilled at 150/s.',
    );
  });
});
