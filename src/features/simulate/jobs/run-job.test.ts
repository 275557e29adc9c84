/** Tests of the worker's jobs: many runs, outage sweeps, herds, cancel, job keys. */

import { describe, expect, it } from 'vitest';
import { requirePreset } from '../../../core/retry/presets';
import { monteCarlo, type Scenario } from '../../../core/retry/simulate';
import { JobCancelled, jobKey, runJob } from './run-job';
import type { HerdAwsResult, HerdRateResult, OutageResult, RunsResult } from './job-types';
import { herdAwsJob, herdRateJob } from './job-requests';
import { resolveSimulate } from '../search-state';

const policy = (id: string) => requirePreset(id).policy;
const scenario: Scenario = { kind: 'bernoulli', failureProbability: 0.5 };

describe('runJob', () => {
  it('many runs: monteCarlo with progress and Cancel passed through', () => {
    const job = {
      kind: 'runs',
      policy: policy('openai-node'),
      scenario,
      runs: 1200,
      seed: 9,
      latencyMs: 0,
      bins: 20,
    } as const;
    const progress: number[] = [];
    const r = runJob(job, { onProgress: (f) => progress.push(f) }) as RunsResult;
    expect(r.result).toEqual(monteCarlo(job.policy, scenario, { runs: 1200, seed: 9 }));
    expect(progress).toEqual([0, 500 / 1200, 1000 / 1200, 1]);
    expect(() => runJob(job, { isCancelled: () => true })).toThrow(JobCancelled);
  });

  it('outage sweep: the OpenAI SDK gives up within ~1.5 s, the W&B advice rides out minutes', () => {
    const r = runJob({
      kind: 'outage',
      series: [
        { id: 'a', label: 'OpenAI', policy: policy('openai-node') },
        { id: 'b', label: 'W&B', policy: policy('wandb-advice') },
      ],
      outagesMs: [0, 1000, 2000, 120_000],
      runsEach: 200,
      seed: 1,
      latencyMs: 0,
    }) as OutageResult;
    expect(r.series.map((s) => s.points.map((p) => p.successRate))).toEqual([
      [1, 1, 0, 0],
      [1, 1, 1, 1],
    ]);
  });

  it('herd against a rate-limited endpoint', () => {
    const r = runJob({
      kind: 'herd-rate',
      config: { clients: 200, capacityPerSec: 50, policy: policy('aws-blog-full-jitter'), seed: 2 },
    }) as HerdRateResult;
    expect(r.result.succeeded).toBe(200);
    expect(Math.max(...r.result.series.accepted)).toBeLessThanOrEqual(50);
  });

  it('AWS contention: the sweep and one run per strategy', () => {
    const fractions: number[] = [];
    const r = runJob(
      { kind: 'herd-aws', sweepClients: [10, 20], runsEach: 2, clients: 15, seed: 1, bucketMs: 50 },
      { onProgress: (f) => fractions.push(f) },
    ) as HerdAwsResult;
    expect(r.runs.map((x) => x.strategy)).toEqual([
      'none',
      'exponential',
      'full-jitter',
      'equal-jitter',
      'decorrelated-jitter',
    ]);
    expect(r.runs.every((x) => x.clients === 15)).toBe(true);
    expect(r.sweep.clients).toEqual([10, 20]);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});

describe('jobKey', () => {
  it('tells settings apart, unlimited attempts included', () => {
    const a = {
      kind: 'runs',
      policy: policy('aws-blog-expo'),
      scenario,
      runs: 10,
      seed: 1,
      latencyMs: 0,
    } as const;
    expect(jobKey(a)).toBe(jobKey({ ...a }));
    expect(jobKey(a)).not.toBe(jobKey({ ...a, seed: 2 }));
    expect(jobKey(a)).toContain('Infinity');
  });

  it('the herd chart’s buckets fit the run: fine for a 3 s herd, coarse for an hour-long one', () => {
    const herd = (search: Record<string, string>) => {
      const job = herdRateJob(resolveSimulate(search))!;
      const r = (runJob(job) as HerdRateResult).result;
      const spanMs = r.series.offered.length * r.series.bucketMs;
      const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);
      expect(sum(r.series.offered)).toBe(r.totalRequests);
      expect(sum(r.series.accepted)).toBe(r.accepted);
      return { r, spanMs, buckets: r.series.offered.length };
    };
    // 300 clients against 100/s: done within a few seconds.
    const short = herd({ clients: '300', capacity: '100', herdpolicy: 'openai-node' });
    expect(short.r.lastSuccessMs).toBeLessThan(10_000);
    expect(short.buckets).toBeGreaterThanOrEqual(20);
    expect(short.buckets).toBeLessThanOrEqual(120);
    expect(short.r.series.bucketMs).toBeLessThan(1000);
    // A policy that never gives up against a 503 window of 50 minutes: an hour-long herd.
    const long = herd({ clients: '50', window: '0-3000', herdpolicy: 'aws-blog-expo' });
    expect(long.spanMs).toBeGreaterThan(3_000_000);
    expect(long.buckets).toBeLessThanOrEqual(120);
    expect(long.r.series.bucketMs).toBeGreaterThanOrEqual(30_000);
  });

  it('the AWS model’s load chart shares one bucket width that fits its longest run', () => {
    for (const clients of ['10', '1000']) {
      const job = herdAwsJob(resolveSimulate({ awsclients: clients, awsruns: '1' }), [10]);
      const { runs } = runJob(job) as HerdAwsResult;
      const widths = new Set(runs.map((r) => r.timeline.bucketMs));
      expect(widths.size).toBe(1);
      const longest = Math.max(...runs.map((r) => r.timeline.writes.length));
      expect(longest, `${clients} clients`).toBeGreaterThanOrEqual(20);
      expect(longest, `${clients} clients`).toBeLessThanOrEqual(100);
      for (const r of runs) expect(r.timeline.writes.reduce((a, b) => a + b, 0)).toBe(r.calls);
    }
  });
});
