/** Tests of the chart and table models: delay ranges, timelines, histograms, ride-out. */

import { describe, expect, it } from 'vitest';
import { requirePreset } from '../../../core/retry/presets';
import type { OutagePoint } from '../../../core/retry/simulate';
import {
  MAX_SHOWN_RETRIES,
  attemptTimes,
  delayTable,
  histogramBars,
  rideOut,
  sampledRun,
  timelineModel,
} from './chart-data';
import { resolvePolicy } from '../../../core/retry/policy-params';

const policy = (id: string) => requirePreset(id).policy;

describe('delayTable', () => {
  it('Stainless SDKs: (0.75·b, b], exact medians, cumulative ranges', () => {
    const t = delayTable(policy('openai-node'));
    expect(t.end).toBe('attempts');
    expect(t.rows.map((r) => [r.minMs, r.medianMs, r.maxMs])).toEqual([
      [375, 437.5, 500],
      [750, 875, 1000],
    ]);
    expect(t.rows[0]).toMatchObject({ minInclusive: false, maxInclusive: true, medianExact: true });
    expect(t.rows[1]).toMatchObject({
      cumMinMs: 1125,
      cumMaxMs: 1500,
      startMinMs: 375,
      startMaxMs: 500,
    });
    expect(t.rows[0]!.cumMedianMs).toBe(437.5);
    // The estimated cumulative median lies inside its range, near 437.5 + 875.
    expect(t.rows[1]!.cumMedianMs).toBeGreaterThan(1125);
    expect(t.rows[1]!.cumMedianMs).toBeLessThan(1500);
    expect(Math.abs(t.rows[1]!.cumMedianMs - 1312.5)).toBeLessThan(20);
  });

  it('marks waits at the cap', () => {
    const t = delayTable(resolvePolicy({ preset: 'openai-node', attempts: '7' }).policy);
    expect(t.rows.map((r) => r.capped)).toEqual(['no', 'no', 'no', 'no', 'always', 'always']);
    expect(t.capMs).toBe(8000);
  });

  it('a deterministic recipe: tenacity max(4, min(2^(n−1), 60)) s', () => {
    const t = delayTable(policy('tenacity-seed'));
    expect(t.rows.map((r) => r.medianMs / 1000)).toEqual([4, 4, 4, 8, 16, 32]);
    expect(t.rows.map((r) => r.cumMedianMs / 1000)).toEqual([4, 8, 12, 20, 36, 68]);
    expect(t.anyEstimated).toBe(false);
  });

  it('per-status backoffs follow the failure', () => {
    const on500 = delayTable(policy('wandb-advice'), {
      outcome: { kind: 'response', status: 500 },
    });
    const on503 = delayTable(policy('wandb-advice'));
    expect([on500.rows[0]!.minMs, on500.rows[0]!.maxMs]).toEqual([30_000, 60_000]);
    expect([on503.rows[0]!.minMs, on503.rows[0]!.maxMs]).toEqual([60_000, 120_000]);
  });

  it('stops at the display limit without an attempt limit, and at a deadline', () => {
    const unlimited = delayTable(policy('aws-blog-full-jitter'));
    expect(unlimited.rows).toHaveLength(MAX_SHOWN_RETRIES);
    expect(unlimited.end).toBe('display-limit');
    // 1, 2, 4, 8 s: the 4th retry would start at 15 s, past a 10 s deadline.
    const p = resolvePolicy({ preset: 'custom', jitter: 'none', attempts: 'inf', deadline: '10' });
    const t = delayTable(p.policy);
    expect(t.end).toBe('deadline');
    expect(t.rows.map((r) => r.deadline)).toEqual(['before', 'before', 'before', 'after']);
    // Full jitter can always be short, so google-api-core's 120 s deadline is only "maybe".
    const google = delayTable(policy('google-api-core'));
    expect(google.rows[0]!.deadline).toBe('before');
    expect(google.rows.some((r) => r.deadline === 'maybe')).toBe(true);
    // …and the list stops once the median next attempt is past it.
    expect(google.end).toBe('deadline');
    expect(google.rows[google.rows.length - 1]!.nextMedianMs).toBeGreaterThan(120_000);
    expect(google.rows[google.rows.length - 2]!.nextMedianMs).toBeLessThanOrEqual(120_000);
  });

  it('adds attempt time to when waits start', () => {
    const t = delayTable(policy('tenacity-seed'), { latencyMs: 1000 });
    expect(t.rows.map((r) => r.startMinMs / 1000)).toEqual([1, 6, 11, 16, 25, 42]);
    expect(t.rows[0]!.nextMedianMs).toBe(5000);
  });

  it('estimates medians of decorrelated jitter from seeded draws (repeatably)', () => {
    const a = delayTable(policy('aws-blog-decorrelated'), { limit: 5 });
    const b = delayTable(policy('aws-blog-decorrelated'), { limit: 5 });
    expect(a).toEqual(b);
    expect(a.anyEstimated).toBe(true);
    for (const r of a.rows) {
      expect(r.medianExact).toBe(false);
      expect(r.medianMs).toBeGreaterThanOrEqual(r.minMs);
      expect(r.medianMs).toBeLessThanOrEqual(r.maxMs);
    }
  });

  it('a single-attempt policy has no waits', () => {
    expect(delayTable(policy('mistral-ts-default')).rows).toEqual([]);
  });
});

describe('sampledRun and timelineModel', () => {
  it('lays out one seeded run and the waits on one axis', () => {
    const p = policy('openai-node');
    const run = sampledRun(p, { seed: 7 });
    expect(run.requests).toBe(3);
    expect(run.stopReason).toBe('max-attempts');
    expect(sampledRun(p, { seed: 7 })).toEqual(run);
    const model = timelineModel(p, delayTable(p), run);
    expect(model.bars).toHaveLength(2);
    expect(model.marks.map((m) => m.label)).toEqual(['503', '503', '503']);
    expect(model.marks[0]!.waitSource).toBe('backoff');
    expect(model.domainMs).toBeGreaterThanOrEqual(1500);
    expect(model.attemptTimeout).toEqual({ ms: 600_000, onChart: false });
    expect(model.end).toMatchObject({ ok: false, text: 'gives up' });
  });

  it('shows a nearby deadline', () => {
    const p = resolvePolicy({
      preset: 'openai-node',
      deadline: '1.2',
      deadlinecheck: 'before-sleep',
    }).policy;
    const model = timelineModel(p, delayTable(p), sampledRun(p));
    expect(model.deadlines).toEqual([{ ms: 1200, check: 'before-sleep', onChart: true }]);
  });

  it('cuts a run without limits at the display limit', () => {
    const run = sampledRun(policy('aws-blog-expo'));
    expect(run.stopReason).toBe('simulation-limit');
    expect(run.requests).toBe(MAX_SHOWN_RETRIES + 1);
  });

  it('attemptTimes starts at 0 and follows the table', () => {
    const times = attemptTimes(delayTable(policy('tenacity-seed')));
    expect(times.map((t) => t.medianMs / 1000)).toEqual([0, 4, 8, 12, 20, 36, 68]);
  });
});

describe('histogramBars and rideOut', () => {
  it('turns edges and counts into bars', () => {
    expect(histogramBars({ edges: [0, 1, 2], counts: [3, 4] })).toEqual([
      { x0: 0, x1: 1, count: 3 },
      { x0: 1, x1: 2, count: 4 },
    ]);
  });

  it('finds the longest survived and the first fatal outage', () => {
    const pt = (outageMs: number, successRate: number) =>
      ({ outageMs, successRate }) as OutagePoint;
    expect(rideOut([pt(0, 1), pt(1000, 1), pt(1500, 0.5), pt(2000, 0)])).toEqual({
      survivesMs: 1000,
      failsMs: 2000,
    });
    expect(rideOut([pt(0, 1), pt(300_000, 1)])).toEqual({
      survivesMs: 300_000,
      failsMs: undefined,
    });
  });
});
