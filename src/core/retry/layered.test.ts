import { describe, expect, it } from 'vitest';
import { requirePreset } from './presets';
import { runRng } from './simulate';
import { layeredCall, layeredSummary } from './layered';

const policy = (id: string) => requirePreset(id).policy;
const s503 = { kind: 'response', status: 503 } as const;

describe('layered retries', () => {
  it('without layers one failure is one request', () => {
    expect(layeredCall([], s503, runRng(1, 0))).toEqual({
      requests: 1,
      elapsedMs: 0,
      hitLimit: false,
    });
  });

  it('multiplies attempts: SDK inside the tenacity recipe = 3 × 7', () => {
    const r = layeredCall([policy('openai-python-2'), policy('tenacity-seed')], s503, runRng(1, 0));
    expect(r.requests).toBe(21);
    // tenacity waits 4+4+4+8+16+32 s; each SDK call adds 0.75–1.5 s of its own waits.
    expect(r.elapsedMs).toBeGreaterThan(68_000 + 7 * 1125);
    expect(r.elapsedMs).toBeLessThanOrEqual(68_000 + 7 * 1500);
  });

  it('an outer layer that does not retry the failure adds nothing', () => {
    const r = layeredCall(
      [policy('openai-python-2'), policy('tenacity-seed')],
      { kind: 'response', status: 429 },
      runRng(1, 0),
    );
    expect(r.requests).toBe(3);
  });

  it('summarises seeded runs and the worst case', () => {
    const s = layeredSummary(
      [policy('litellm-router'), policy('openai-python-2'), policy('tenacity-seed')],
      s503,
      { runs: 20 },
    );
    expect(s.worstCase).toBe(63);
    expect(s.requests).toEqual({ min: 63, p50: 63, max: 63 });
    expect(s.elapsedMs.min).toBeLessThanOrEqual(s.elapsedMs.p50);
    expect(s.elapsedMs.p95).toBeLessThanOrEqual(s.elapsedMs.max);
    expect(s.hitLimit).toBe(false);
  });

  it('stops at the request limit when a layer never gives up', () => {
    const s = layeredSummary([policy('aws-blog-expo')], s503, { runs: 2, maxRequests: 50 });
    expect(s.worstCase).toBe(Infinity);
    expect(s.requests.max).toBe(50);
    expect(s.hitLimit).toBe(true);
  });
});
