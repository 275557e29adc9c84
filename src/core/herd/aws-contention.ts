/**
 * The contention model of "Exponential Backoff And Jitter" (Marc Brooker, AWS Architecture
 * Blog, 2015), as its public simulator implements it
 * (https://github.com/aws-samples/aws-arch-backoff-simulator/blob/66cb1692/src/backoff_simulator.py).
 *
 * The simulator, step by step (every hop is one network delay `|N(10, 2)|` ms):
 * 1. N clients start at t = 0. Each sends a *read* of one OCC row (one hop to the server).
 * 2. The server answers with the row's current version (one hop back).
 * 3. The client sends a *write* conditioned on that version (one hop).
 * 4. The server counts a call; the write succeeds iff the version is unchanged, which bumps it.
 *    The answer takes one hop back.
 * 5. On failure the client increments `attempt` (first failure → attempt 1) and sends the next
 *    read after one hop plus `backoff(attempt)`; on success it stops.
 * Backoffs (base 5 ms, cap 2000 ms): none (0), exponential `min(cap, base·2^attempt)`, full
 * jitter `U(0, expo)`, equal jitter `expo/2 + U(0, expo/2)`, decorrelated
 * `sleep = min(cap, U(base, sleep·3))` with `sleep` starting at base (per client).
 * Calls = writes only (reads are not counted); completion time = time of the last event, i.e.
 * when the last successful client receives its answer. Each point averages 100 runs.
 *
 * Exact equivalences used for speed (the result is the same model, not an approximation):
 * - client-side hops are folded into the next server event, and a read needs no event of its
 *   own: a write succeeds iff no other write succeeded between its read and itself, i.e. iff the
 *   last successful write happened before its read. So one heap event per write.
 * Inferred (not in the simulator): Python's global Mersenne Twister and `normalvariate` are
 * replaced by a seeded mulberry32 stream per client and ziggurat normals (same distribution,
 * different numbers); each client draws in the simulator's order (read hop, read reply, write
 * hop, write reply, then on failure: hop, backoff U, …). Runs use common random numbers across
 * strategies (the run seed depends on seed, N and run index only). Equal timestamps
 * (probability 0 with continuous delays) count the read as first. The stored simulator
 * versions loop over 10…50 clients; the 10…190 sweep follows the notes (@66cb1692).
 */

import { hashSeed } from '../retry/random';
import { EventHeap, percentiles, streamSeed, type Percentiles, type RunHooks } from './common';

/** The five strategies of the post. */
export type AwsStrategy =
  'none' | 'exponential' | 'full-jitter' | 'equal-jitter' | 'decorrelated-jitter';

export interface AwsStrategyInfo {
  readonly id: AwsStrategy;
  /** The simulator's friendly name (`backoff_types`). */
  readonly label: string;
  /** The simulator's class. */
  readonly pythonClass: string;
  /** The matching preset in `src/core/retry/presets.ts` (none for "no backoff"). */
  readonly presetId?: string;
}

export const AWS_STRATEGIES: readonly AwsStrategyInfo[] = [
  { id: 'none', label: 'None', pythonClass: 'NoBackoff' },
  {
    id: 'exponential',
    label: 'Exponential',
    pythonClass: 'ExpoBackoff',
    presetId: 'aws-blog-expo',
  },
  {
    id: 'full-jitter',
    label: 'FullJitter',
    pythonClass: 'ExpoBackoffFullJitter',
    presetId: 'aws-blog-full-jitter',
  },
  {
    id: 'equal-jitter',
    label: 'EqualJitter',
    pythonClass: 'ExpoBackoffEqualJitter',
    presetId: 'aws-blog-equal-jitter',
  },
  {
    id: 'decorrelated-jitter',
    label: 'Decorr',
    pythonClass: 'ExpoBackoffDecorr',
    presetId: 'aws-blog-decorrelated',
  },
];

/** The simulator's constants. */
export const AWS_DEFAULTS = {
  baseMs: 5,
  capMs: 2000,
  network: { meanMs: 10, sdMs: 2 },
  clients: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190],
  runsEach: 100,
} as const;

export interface AwsModelOptions {
  /** Backoff base (ms). Default 5. */
  readonly baseMs?: number;
  /** Backoff cap (ms). Default 2000. */
  readonly capMs?: number;
  /** One network hop is `|N(meanMs, sdMs)|`. Default N(10, 2). */
  readonly network?: { readonly meanMs: number; readonly sdMs: number };
}

const STRATEGY_CODE: Readonly<Record<AwsStrategy, number>> = {
  none: 0,
  exponential: 1,
  'full-jitter': 2,
  'equal-jitter': 3,
  'decorrelated-jitter': 4,
};

/** Whether the strategy draws a uniform number per backoff (none and exponential do not). */
export function awsStrategyDraws(strategy: AwsStrategy): boolean {
  return STRATEGY_CODE[strategy] >= 2;
}

/**
 * The simulator's `backoff(n)` for `attempt` n ≥ 1 (1 after the first failure), given U and,
 * for decorrelated jitter, the previous sleep (`base` before the first backoff). U is ignored by
 * the strategies that do not draw.
 */
export function awsBackoffDelay(
  strategy: AwsStrategy,
  attempt: number,
  u: number,
  prevSleepMs: number,
  baseMs: number = AWS_DEFAULTS.baseMs,
  capMs: number = AWS_DEFAULTS.capMs,
): number {
  const expo = Math.min(capMs, 2 ** attempt * baseMs);
  return backoffByCode(STRATEGY_CODE[strategy], expo, u, prevSleepMs, baseMs, capMs);
}

/** `expo` is the simulator's `expo(attempt) = min(cap, 2^attempt·base)`. */
function backoffByCode(
  code: number,
  expo: number,
  u: number,
  prev: number,
  base: number,
  cap: number,
): number {
  switch (code) {
    case 0:
      return 0;
    case 1:
      return expo;
    case 2:
      return u * expo;
    case 3:
      return expo / 2 + (u * expo) / 2;
    default:
      return Math.min(cap, base + u * (prev * 3 - base));
  }
}

/** `expo(a)` for a = 0‥63 (later attempts use the last entry, which is the cap by then). */
function expoTable(base: number, cap: number): Float64Array {
  const t = new Float64Array(64);
  for (let a = 0; a < 64; a++) t[a] = Math.min(cap, 2 ** a * base);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Per-client random streams: mulberry32 (inlined over a Uint32Array of states) and standard
// normals by the ziggurat method (Marsaglia & Tsang 2000, 128 layers). Unlike their RNOR, the
// layer index (low 7 bits) and the value (high 25 bits) come from disjoint bits of one draw.

function nextU32(states: Uint32Array, c: number): number {
  const a = ((states[c] ?? 0) + 0x6d2b79f5) >>> 0;
  states[c] = a;
  let t = Math.imul(a ^ (a >>> 15), a | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

function uniform(states: Uint32Array, c: number): number {
  return nextU32(states, c) / 4294967296;
}

const ZIG_R = 3.442619855899;
const ZIG_M = 16777216; // 2^24: the value is a signed 25-bit integer
const ZIG_K = new Float64Array(128);
const ZIG_W = new Float64Array(128);
const ZIG_F = new Float64Array(128);
{
  const vn = 9.91256303526217e-3;
  let dn = ZIG_R;
  let tn = dn;
  const q = vn / Math.exp(-0.5 * dn * dn);
  ZIG_K[0] = (dn / q) * ZIG_M;
  ZIG_K[1] = 0;
  ZIG_W[0] = q / ZIG_M;
  ZIG_W[127] = dn / ZIG_M;
  ZIG_F[0] = 1;
  ZIG_F[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    ZIG_K[i + 1] = (dn / tn) * ZIG_M;
    tn = dn;
    ZIG_F[i] = Math.exp(-0.5 * dn * dn);
    ZIG_W[i] = dn / ZIG_M;
  }
}

function standardNormal(states: Uint32Array, c: number): number {
  for (;;) {
    const u = nextU32(states, c);
    const i = u & 127;
    const j = (u | 0) >> 7;
    const x = j * (ZIG_W[i] ?? 0);
    if (Math.abs(j) < (ZIG_K[i] ?? 0)) return x;
    if (i === 0) {
      // The tail beyond R (Marsaglia 1964).
      let tx: number;
      let ty: number;
      do {
        tx = -Math.log(1 - uniform(states, c)) / ZIG_R;
        ty = -Math.log(1 - uniform(states, c));
      } while (ty + ty < tx * tx);
      return j > 0 ? ZIG_R + tx : -ZIG_R - tx;
    }
    const f0 = ZIG_F[i - 1] ?? 0;
    const f1 = ZIG_F[i] ?? 0;
    if (f1 + uniform(states, c) * (f0 - f1) < Math.exp(-0.5 * x * x)) return x;
  }
}

/** One network hop: `|N(mean, sd)|` (the simulator's `abs(random.normalvariate(mean, sd))`). */
function hop(states: Uint32Array, c: number, mean: number, sd: number): number {
  return Math.abs(mean + sd * standardNormal(states, c));
}

/**
 * Client `c`'s random stream, as the fast path draws it: `uniform()` is
 * `mulberry32(awsClientSeed(runSeed, c))`, `normal()` a ziggurat N(0, 1) from the same stream
 * and `hop()` is `|N(mean, sd)|` = `|mean + sd·normal()|`. For
 * reference implementations and tests; the simulation itself inlines the same arithmetic.
 */
export function awsClientStream(
  runSeed: number,
  client: number,
  mean: number = AWS_DEFAULTS.network.meanMs,
  sd: number = AWS_DEFAULTS.network.sdMs,
): {
  readonly uniform: () => number;
  readonly normal: () => number;
  readonly hop: () => number;
} {
  const st = Uint32Array.of(streamSeed(runSeed, client));
  return {
    uniform: () => uniform(st, 0),
    normal: () => standardNormal(st, 0),
    hop: () => hop(st, 0, mean, sd),
  };
}

// ---------------------------------------------------------------------------------------------
// One run

interface Scratch {
  readonly rng: Uint32Array;
  expo: { base: number; cap: number; table: Float64Array };
  readonly tRead: Float64Array;
  readonly tWrite: Float64Array;
  readonly sleep: Float64Array;
  readonly attempt: Int32Array;
  readonly heap: EventHeap;
  calls: number;
  completionMs: number;
}

function makeScratch(size: number): Scratch {
  const tWrite = new Float64Array(size);
  return {
    rng: new Uint32Array(size),
    tRead: new Float64Array(size),
    tWrite,
    sleep: new Float64Array(size),
    attempt: new Int32Array(size),
    heap: new EventHeap(tWrite, size),
    expo: { base: Number.NaN, cap: Number.NaN, table: new Float64Array(64) },
    calls: 0,
    completionMs: 0,
  };
}

interface Trace {
  readonly doneMs: Float64Array;
  readonly writes: number[];
  readonly writeOk: boolean[];
}

/** The seed of client `c`'s stream in a run with `runSeed`. */
export function awsClientSeed(runSeed: number, client: number): number {
  return streamSeed(runSeed, client);
}

function runOnce(
  n: number,
  code: number,
  base: number,
  cap: number,
  mean: number,
  sd: number,
  runSeed: number,
  sc: Scratch,
  trace: Trace | undefined,
): void {
  const { rng, tRead, tWrite, sleep, attempt, heap } = sc;
  heap.clear();
  for (let c = 0; c < n; c++) {
    rng[c] = streamSeed(runSeed, c);
    attempt[c] = 0;
    sleep[c] = base;
    const read = hop(rng, c, mean, sd);
    tRead[c] = read;
    const reply = hop(rng, c, mean, sd);
    tWrite[c] = read + reply + hop(rng, c, mean, sd);
    heap.push(c);
  }
  const draws = code >= 2;
  if (sc.expo.base !== base || sc.expo.cap !== cap) {
    sc.expo = { base, cap, table: expoTable(base, cap) };
  }
  const expo = sc.expo.table;
  let lastSuccess = Number.NEGATIVE_INFINITY;
  let calls = 0;
  let completion = 0;
  while (heap.size > 0) {
    const c = heap.top();
    const tw = tWrite[c] ?? 0;
    calls++;
    const answer = hop(rng, c, mean, sd);
    const ok = lastSuccess < (tRead[c] ?? 0);
    if (trace) {
      trace.writes.push(tw);
      trace.writeOk.push(ok);
    }
    if (ok) {
      lastSuccess = tw;
      const done = tw + answer;
      if (done > completion) completion = done;
      if (trace) trace.doneMs[c] = done;
      heap.pop();
      continue;
    }
    const a = (attempt[c] ?? 0) + 1;
    attempt[c] = a;
    const sendHop = hop(rng, c, mean, sd);
    const u = draws ? uniform(rng, c) : 0;
    const b = backoffByCode(code, expo[a < 64 ? a : 63] ?? cap, u, sleep[c] ?? base, base, cap);
    if (code === 4) sleep[c] = b;
    const read = tw + answer + sendHop + b;
    tRead[c] = read;
    const reply = hop(rng, c, mean, sd);
    tWrite[c] = read + reply + hop(rng, c, mean, sd);
    heap.siftTop();
  }
  sc.calls = calls;
  sc.completionMs = completion;
}

/** Seed of run `run` at `clients` in a sweep with `seed` (shared by all strategies). */
export function awsRunSeed(seed: number, clients: number, run: number): number {
  return hashSeed(seed, 'aws-contention', clients, run);
}

// ---------------------------------------------------------------------------------------------
// Public API: one run

export interface AwsRunOptions extends AwsModelOptions {
  readonly clients: number;
  readonly strategy: AwsStrategy;
  /** 32-bit run seed (e.g. {@link awsRunSeed}); client c draws from `streamSeed(seed, c)`. */
  readonly seed: number;
  /** Bucket width of the write timeline (ms). Default 50. */
  readonly bucketMs?: number;
}

export interface AwsRunResult {
  readonly clients: number;
  readonly strategy: AwsStrategy;
  /** Writes made (the simulator's `stats.calls`). */
  readonly calls: number;
  /** Failed writes (`stats.failures` = calls − clients). */
  readonly failures: number;
  /** Time of the last event: when the last client got its success answer (ms). */
  readonly completionMs: number;
  /** Per-client completion times (ms from t = 0), by client index. */
  readonly clientDoneMs: readonly number[];
  readonly clientDone: Percentiles;
  /** Writes reaching the server per bucket (the simulator's `ts_*` files, binned). */
  readonly timeline: {
    readonly bucketMs: number;
    readonly writes: readonly number[];
    readonly successes: readonly number[];
  };
}

function positiveInt(v: number, name: string): number {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be an integer ≥ 1`);
  return v;
}

function modelOf(o: AwsModelOptions): { base: number; cap: number; mean: number; sd: number } {
  const base = o.baseMs ?? AWS_DEFAULTS.baseMs;
  const cap = o.capMs ?? AWS_DEFAULTS.capMs;
  const mean = o.network?.meanMs ?? AWS_DEFAULTS.network.meanMs;
  const sd = o.network?.sdMs ?? AWS_DEFAULTS.network.sdMs;
  if (!(base > 0) || !(cap >= 0) || !(mean >= 0) || !(sd >= 0)) {
    throw new RangeError('baseMs must be > 0; capMs, network.meanMs and network.sdMs ≥ 0');
  }
  return { base, cap, mean, sd };
}

/** One run of the simulator with per-client detail and a write timeline. */
export function awsRun(options: AwsRunOptions): AwsRunResult {
  const n = positiveInt(options.clients, 'clients');
  const { base, cap, mean, sd } = modelOf(options);
  const code = STRATEGY_CODE[options.strategy];
  const sc = makeScratch(n);
  const trace: Trace = { doneMs: new Float64Array(n), writes: [], writeOk: [] };
  runOnce(n, code, base, cap, mean, sd, options.seed >>> 0, sc, trace);
  const bucketMs = options.bucketMs ?? 50;
  const buckets = Math.max(1, Math.ceil(sc.completionMs / bucketMs));
  const writes = new Array<number>(buckets).fill(0);
  const successes = new Array<number>(buckets).fill(0);
  for (let i = 0; i < trace.writes.length; i++) {
    const b = Math.min(buckets - 1, Math.floor((trace.writes[i] ?? 0) / bucketMs));
    writes[b] = (writes[b] ?? 0) + 1;
    if (trace.writeOk[i]) successes[b] = (successes[b] ?? 0) + 1;
  }
  return {
    clients: n,
    strategy: options.strategy,
    calls: sc.calls,
    failures: sc.calls - n,
    completionMs: sc.completionMs,
    clientDoneMs: Array.from(trace.doneMs),
    clientDone: percentiles(trace.doneMs),
    timeline: { bucketMs, writes, successes },
  };
}

// ---------------------------------------------------------------------------------------------
// Public API: the sweep

export interface AwsSweepOptions extends AwsModelOptions {
  /** Client counts. Default 10, 20, … 190 (the simulator's sweep). */
  readonly clients?: readonly number[];
  /** Strategies. Default all five. */
  readonly strategies?: readonly AwsStrategy[];
  /** Runs averaged per point. Default 100. */
  readonly runsEach?: number;
  /** Default 1. */
  readonly seed?: number;
}

export interface AwsSweepSeries {
  readonly strategy: AwsStrategy;
  readonly label: string;
  /** Mean writes per run, by client count (NaN where a cancelled sweep did not get to). */
  readonly meanCalls: readonly number[];
  /** Mean completion time per run (ms), by client count. */
  readonly meanCompletionMs: readonly number[];
  /** Mean writes per client (= meanCalls / clients). */
  readonly callsPerClient: readonly number[];
}

export interface AwsSweepResult {
  readonly clients: readonly number[];
  readonly runsEach: number;
  readonly seed: number;
  readonly baseMs: number;
  readonly capMs: number;
  readonly network: { readonly meanMs: number; readonly sdMs: number };
  readonly series: readonly AwsSweepSeries[];
  readonly cancelled: boolean;
}

/**
 * The simulator's sweep: for every client count and strategy, the mean calls and mean
 * completion time over `runsEach` runs. Progress is reported per point (weighted by clients).
 */
export function awsSweep(options: AwsSweepOptions = {}, hooks: RunHooks = {}): AwsSweepResult {
  const clients = (options.clients ?? AWS_DEFAULTS.clients).map((c) => positiveInt(c, 'clients'));
  const strategies = options.strategies ?? AWS_STRATEGIES.map((s) => s.id);
  const runs = positiveInt(options.runsEach ?? AWS_DEFAULTS.runsEach, 'runsEach');
  const seed = (options.seed ?? 1) >>> 0;
  const { base, cap, mean, sd } = modelOf(options);
  const sc = makeScratch(Math.max(1, ...clients));
  const calls = strategies.map(() => new Array<number>(clients.length).fill(Number.NaN));
  const times = strategies.map(() => new Array<number>(clients.length).fill(Number.NaN));
  let totalUnits = 0;
  for (const n of clients) totalUnits += n * strategies.length;
  let doneUnits = 0;
  let cancelled = false;
  outer: for (let ci = 0; ci < clients.length; ci++) {
    const n = clients[ci] ?? 1;
    for (let si = 0; si < strategies.length; si++) {
      const code = STRATEGY_CODE[strategies[si] ?? 'none'];
      let sumCalls = 0;
      let sumTime = 0;
      for (let r = 0; r < runs; r++) {
        if (hooks.isCancelled?.()) {
          cancelled = true;
          break outer;
        }
        runOnce(n, code, base, cap, mean, sd, awsRunSeed(seed, n, r), sc, undefined);
        sumCalls += sc.calls;
        sumTime += sc.completionMs;
      }
      (calls[si] ?? [])[ci] = sumCalls / runs;
      (times[si] ?? [])[ci] = sumTime / runs;
      doneUnits += n;
      hooks.onProgress?.(doneUnits / totalUnits);
    }
  }
  return {
    clients,
    runsEach: runs,
    seed,
    baseMs: base,
    capMs: cap,
    network: { meanMs: mean, sdMs: sd },
    series: strategies.map((s, si) => {
      const meanCalls = calls[si] ?? [];
      return {
        strategy: s,
        label: AWS_STRATEGIES.find((x) => x.id === s)?.label ?? s,
        meanCalls,
        meanCompletionMs: times[si] ?? [],
        callsPerClient: meanCalls.map((v, i) => v / (clients[i] ?? 1)),
      };
    }),
    cancelled,
  };
}
