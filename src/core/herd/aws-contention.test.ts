import { describe, expect, it } from 'vitest';
import { nextBackoff } from '../retry/policy';
import { requirePreset } from '../retry/presets';
import { constantRng } from '../retry/random';
import {
  AWS_STRATEGIES,
  awsBackoffDelay,
  awsClientStream,
  awsRun,
  awsRunSeed,
  awsStrategyDraws,
  awsSweep,
  type AwsStrategy,
  type AwsSweepResult,
} from './aws-contention';

const ALL: readonly AwsStrategy[] = AWS_STRATEGIES.map((s) => s.id);

/**
 * A literal port of the simulator's message passing (`OccServer`, `OccClient`, `run_sim`): four
 * events per attempt, a versioned row, reads and writes processed in time order. It uses the
 * same per-client streams as the fast path, so both must agree to the last bit.
 */
function literalRun(
  clients: number,
  strategy: AwsStrategy,
  runSeed: number,
): { calls: number; completionMs: number } {
  type Kind = 'read' | 'read_rsp' | 'write' | 'write_rsp';
  interface Msg {
    tm: number;
    kind: Kind;
    client: number;
    payload: number | boolean;
  }
  const streams = Array.from({ length: clients }, (_, c) => awsClientStream(runSeed, c));
  const attempt = new Array<number>(clients).fill(0);
  const sleep = new Array<number>(clients).fill(5);
  const queue: Msg[] = [];
  const stream = (c: number) => streams[c] ?? streams[0]!;
  for (let c = 0; c < clients; c++) {
    queue.push({ tm: 0 + stream(c).hop(), kind: 'read', client: c, payload: 0 });
  }
  let version = 0;
  let calls = 0;
  let tm = 0;
  while (queue.length > 0) {
    let best = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i]!.tm < queue[best]!.tm) best = i;
    const msg = queue.splice(best, 1)[0]!;
    expect(msg.tm).toBeGreaterThanOrEqual(tm); // "Time must move forward"
    tm = msg.tm;
    const c = msg.client;
    const s = stream(c);
    switch (msg.kind) {
      case 'read':
        queue.push({ tm: tm + s.hop(), kind: 'read_rsp', client: c, payload: version });
        break;
      case 'read_rsp':
        queue.push({ tm: tm + s.hop(), kind: 'write', client: c, payload: msg.payload });
        break;
      case 'write': {
        calls++;
        const success = msg.payload === version;
        if (success) version++;
        queue.push({ tm: tm + s.hop(), kind: 'write_rsp', client: c, payload: success });
        break;
      }
      case 'write_rsp':
        if (!msg.payload) {
          attempt[c] = (attempt[c] ?? 0) + 1;
          const d = s.hop();
          const u = awsStrategyDraws(strategy) ? s.uniform() : 0;
          const b = awsBackoffDelay(strategy, attempt[c] ?? 1, u, sleep[c] ?? 5);
          sleep[c] = b;
          queue.push({ tm: tm + d + b, kind: 'read', client: c, payload: 0 });
        }
        break;
    }
  }
  return { calls, completionMs: tm };
}

describe('awsBackoffDelay: the simulator formulas (base 5, cap 2000)', () => {
  it('exponential: min(cap, base·2^attempt) with attempt 1 first', () => {
    const seq = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((a) =>
      awsBackoffDelay('exponential', a, 0.5, 5),
    );
    expect(seq).toEqual([10, 20, 40, 80, 160, 320, 640, 1280, 2000, 2000]);
  });

  it('full / equal jitter ranges and no-backoff', () => {
    expect(awsBackoffDelay('full-jitter', 3, 0.25, 5)).toBe(10);
    expect(awsBackoffDelay('equal-jitter', 3, 0.25, 5)).toBe(25);
    expect(awsBackoffDelay('equal-jitter', 12, 0, 5)).toBe(1000);
    expect(awsBackoffDelay('none', 7, 0.9, 5)).toBe(0);
    expect(awsBackoffDelay('decorrelated-jitter', 1, 0.5, 5)).toBe(5 + 0.5 * (15 - 5));
    expect(awsBackoffDelay('decorrelated-jitter', 9, 0.99, 1500)).toBe(2000);
  });

  it('agrees with the retry engine on the four aws-blog presets', () => {
    for (const info of AWS_STRATEGIES) {
      if (!info.presetId) continue;
      const policy = requirePreset(info.presetId).policy;
      let prev = 5;
      let state: { prevDelayMs?: number } = {};
      for (let a = 1; a <= 14; a++) {
        const u = (a * 0.137) % 1;
        const ours = awsBackoffDelay(info.id, a, u, prev);
        const step = nextBackoff(policy.backoff, a - 1, constantRng(u), state, Infinity);
        expect(ours, `${info.id} attempt ${a}`).toBeCloseTo(step.delayMs, 9);
        prev = ours;
        state = step.prevDelayMs === undefined ? state : { prevDelayMs: step.prevDelayMs };
      }
    }
  });
});

describe('per-client random streams', () => {
  it('the ziggurat normals have the moments and tails of N(0, 1)', () => {
    const s = awsClientStream(12345, 0);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let above196 = 0;
    let belowM128 = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      const z = s.normal();
      sum += z;
      sq += z * z;
      if (z > 1.959964) above196++;
      if (z < -1.281552) belowM128++;
      if (Math.abs(z) > 3.442619855899) tail++;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(sq / n - mean * mean).toBeGreaterThan(0.98);
    expect(sq / n - mean * mean).toBeLessThan(1.02);
    expect(above196 / n).toBeGreaterThan(0.0235);
    expect(above196 / n).toBeLessThan(0.0265);
    expect(belowM128 / n).toBeGreaterThan(0.097);
    expect(belowM128 / n).toBeLessThan(0.103);
    // P(|Z| > R) = 5.77e-4: about 115 of 200 000 draws come from the tail algorithm.
    expect(tail).toBeGreaterThan(70);
    expect(tail).toBeLessThan(170);
  });

  it('a network hop is |N(10, 2)|', () => {
    const s = awsClientStream(7, 3);
    let sum = 0;
    let min = Infinity;
    for (let i = 0; i < 20_000; i++) {
      const h = s.hop();
      min = Math.min(min, h);
      sum += h;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(sum / 20_000).toBeGreaterThan(9.9);
    expect(sum / 20_000).toBeLessThan(10.1);
  });
});

describe('awsRun: the fast path is the simulator, event for event', () => {
  it('matches a literal port of the message passing for every strategy', () => {
    for (const strategy of ALL) {
      for (const [clients, seed] of [
        [1, 3],
        [7, 11],
        [40, 99],
      ] as const) {
        const runSeed = awsRunSeed(seed, clients, 0);
        const fast = awsRun({ clients, strategy, seed: runSeed });
        const slow = literalRun(clients, strategy, runSeed);
        expect(fast.calls, `${strategy} N=${clients}`).toBe(slow.calls);
        expect(fast.completionMs, `${strategy} N=${clients}`).toBe(slow.completionMs);
      }
    }
  });

  it('a single client writes once and finishes after four hops', () => {
    const r = awsRun({ clients: 1, strategy: 'exponential', seed: 5 });
    expect(r.calls).toBe(1);
    expect(r.failures).toBe(0);
    expect(r.completionMs).toBeGreaterThan(20);
    expect(r.completionMs).toBeLessThan(60);
  });

  it('accounts for every write: timeline sums, one success per client, last event = completion', () => {
    const r = awsRun({ clients: 60, strategy: 'full-jitter', seed: 42, bucketMs: 25 });
    const writes = r.timeline.writes.reduce((a, b) => a + b, 0);
    const successes = r.timeline.successes.reduce((a, b) => a + b, 0);
    expect(writes).toBe(r.calls);
    expect(successes).toBe(60);
    expect(r.failures).toBe(r.calls - 60);
    expect(r.failures).toBeGreaterThan(0);
    expect(Math.max(...r.clientDoneMs)).toBe(r.completionMs);
    expect(r.clientDone.max).toBe(r.completionMs);
  });
});

describe('awsSweep: the post’s result at 100 clients (100 runs)', () => {
  const sweep = awsSweep({ clients: [100], runsEach: 100, seed: 2015 });
  const calls = (s: AwsStrategy) => sweep.series.find((x) => x.strategy === s)!.meanCalls[0]!;
  const time = (s: AwsStrategy) => sweep.series.find((x) => x.strategy === s)!.meanCompletionMs[0]!;

  it('plain exponential backoff makes more than twice the calls of Full Jitter', () => {
    expect(calls('exponential')).toBeGreaterThan(2 * calls('full-jitter'));
  });

  it('no backoff makes the most calls of all', () => {
    for (const s of ALL.filter((x) => x !== 'none')) {
      expect(calls('none')).toBeGreaterThan(calls(s));
    }
  });

  it('work: Full Jitter < Equal Jitter < Decorrelated < Exponential', () => {
    expect(calls('full-jitter')).toBeLessThan(calls('equal-jitter'));
    expect(calls('equal-jitter')).toBeLessThan(calls('decorrelated-jitter'));
    expect(calls('decorrelated-jitter')).toBeLessThan(calls('exponential'));
  });

  it('time: every jittered strategy finishes far sooner than exponential; Decorrelated is fastest', () => {
    for (const s of ['full-jitter', 'equal-jitter', 'decorrelated-jitter'] as const) {
      expect(time(s)).toBeLessThan(0.25 * time('exponential'));
    }
    expect(time('decorrelated-jitter')).toBeLessThan(time('full-jitter'));
    expect(time('full-jitter')).toBeLessThan(time('equal-jitter'));
  });

  it('every client writes at least once: calls ≥ clients', () => {
    for (const s of ALL) expect(calls(s)).toBeGreaterThanOrEqual(100);
  });
});

describe('awsSweep: shape, determinism, hooks', () => {
  const small = { clients: [10, 40, 80], runsEach: 20, seed: 9 } as const;

  it('calls grow with the number of clients for every strategy', () => {
    const r = awsSweep(small);
    for (const s of r.series) {
      expect(s.meanCalls[0]!).toBeLessThan(s.meanCalls[1]!);
      expect(s.meanCalls[1]!).toBeLessThan(s.meanCalls[2]!);
      expect(s.callsPerClient[2]).toBeCloseTo(s.meanCalls[2]! / 80, 12);
    }
  });

  it('is a pure function of its seed', () => {
    const a = awsSweep(small);
    const b = awsSweep(small);
    const c = awsSweep({ ...small, seed: 10 });
    expect(b).toEqual(a);
    expect(c.series[2]!.meanCalls).not.toEqual(a.series[2]!.meanCalls);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a); // plain data
  });

  it('reports non-decreasing progress that ends at exactly 1', () => {
    const seen: number[] = [];
    awsSweep(small, { onProgress: (f) => seen.push(f) });
    expect(seen).toHaveLength(3 * 5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen.at(-1)).toBe(1);
  });

  it('stops early when cancelled, leaving the rest NaN', () => {
    let polls = 0;
    const seen: number[] = [];
    const r: AwsSweepResult = awsSweep(small, {
      isCancelled: () => ++polls > 30,
      onProgress: (f) => seen.push(f),
    });
    expect(r.cancelled).toBe(true);
    expect(polls).toBe(31);
    // 30 runs of 20: the first point finished, the second stopped half way.
    expect(r.series[0]!.meanCalls[0]).toBeGreaterThan(0);
    expect(r.series[1]!.meanCalls[0]).toBeNaN();
    expect(r.series[0]!.meanCalls[2]).toBeNaN();
    expect(seen.every((f) => f < 1)).toBe(true);
  });
});
