/**
 * Pieces shared by the herd simulations: run hooks (progress / cancellation), per-client
 * random streams, an event heap over typed arrays, and percentile summaries.
 *
 * Everything is pure and allocation-light: the simulations run in a Web Worker, so inputs and
 * outputs are plain data and the hooks are the only functions crossing the boundary.
 */

import { fmix32 } from '../retry/random';

/** Progress and cancellation hooks. Neither is part of the (structured-clonable) config. */
export interface RunHooks {
  /** Called with a fraction in [0, 1], non-decreasing; 1 is sent once a run completes. */
  readonly onProgress?: (fraction: number) => void;
  /** Polled now and then; returning true stops the run early with `cancelled: true`. */
  readonly isCancelled?: () => boolean;
}

/**
 * The 32-bit seed of stream `index` derived from `seed` (murmur3 finaliser over a Weyl step).
 * Each simulated client draws from its own `mulberry32(streamSeed(seed, client))`, so its
 * numbers do not depend on how its events interleave with other clients' events.
 */
export function streamSeed(seed: number, index: number): number {
  return fmix32((seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0);
}

/**
 * A binary min-heap of integer ids ordered by `keys[id]` (ties: smaller id first, so runs are
 * deterministic). Each id may be in the heap at most once; change `keys[top]` and call
 * {@link EventHeap.siftTop} to move the top event later without a pop + push.
 */
export class EventHeap {
  private readonly keys: Float64Array;
  private readonly items: Int32Array;
  private count = 0;

  constructor(keys: Float64Array, capacity: number) {
    this.keys = keys;
    this.items = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  /** The id with the smallest key (undefined behaviour when empty: check `size`). */
  top(): number {
    return this.items[0] ?? -1;
  }

  push(id: number): void {
    const items = this.items;
    const keys = this.keys;
    const key = keys[id] ?? 0;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] ?? 0;
      const pk = keys[p] ?? 0;
      if (pk < key || (pk === key && p < id)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = id;
  }

  /** Remove the top id. */
  pop(): void {
    const last = this.items[--this.count] ?? 0;
    if (this.count > 0) this.siftDown(last);
  }

  /** Re-place the top id after its key grew. */
  siftTop(): void {
    this.siftDown(this.items[0] ?? 0);
  }

  private siftDown(id: number): void {
    const items = this.items;
    const keys = this.keys;
    const n = this.count;
    const key = keys[id] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let c = items[child] ?? 0;
      let ck = keys[c] ?? 0;
      const right = child + 1;
      if (right < n) {
        const r = items[right] ?? 0;
        const rk = keys[r] ?? 0;
        if (rk < ck || (rk === ck && r < c)) {
          child = right;
          c = r;
          ck = rk;
        }
      }
      if (key < ck || (key === ck && id < c)) break;
      items[i] = c;
      i = child;
    }
    items[i] = id;
  }
}

/** Nearest-rank summary of a sample (NaN fields when empty). */
export interface Percentiles {
  readonly count: number;
  readonly mean: number;
  readonly min: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

function rank(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const r = Math.min(n, Math.max(1, Math.ceil(p * n)));
  return sorted[r - 1] ?? Number.NaN;
}

/** Nearest-rank percentiles (the same convention as `src/core/retry/simulate.ts`). */
export function percentiles(values: Float64Array): Percentiles {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const n = sorted.length;
  return {
    count: n,
    mean: n ? sum / n : Number.NaN,
    min: n ? (sorted[0] ?? Number.NaN) : Number.NaN,
    p50: rank(sorted, 0.5),
    p90: rank(sorted, 0.9),
    p95: rank(sorted, 0.95),
    p99: rank(sorted, 0.99),
    max: n ? (sorted[n - 1] ?? Number.NaN) : Number.NaN,
  };
}

/** Bucket widths a chart can name: 10 ms … 1 h. */
const NICE_BUCKETS_MS = [
  10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000,
  300_000, 600_000, 900_000, 1_800_000, 3_600_000,
];

/**
 * The bucket width that fits `spanMs` into at most `maxBuckets`: the narrowest round width (at
 * least `minBucketMs`, a whole multiple of the recorded `recordedMs`) that does.
 */
export function niceBucketMs(
  spanMs: number,
  recordedMs: number,
  { maxBuckets = 100, minBucketMs = 0 }: { maxBuckets?: number; minBucketMs?: number } = {},
): number {
  const fits = (w: number) =>
    w >= recordedMs &&
    w >= minBucketMs &&
    w % recordedMs === 0 &&
    Math.ceil(spanMs / w) <= maxBuckets;
  return (
    NICE_BUCKETS_MS.find(fits) ??
    recordedMs * Math.max(1, Math.ceil(spanMs / recordedMs / maxBuckets))
  );
}

/** Sum every `factor` consecutive counts into one. */
export function mergeBuckets(counts: readonly number[], factor: number): number[] {
  const out = new Array<number>(Math.ceil(counts.length / factor)).fill(0);
  counts.forEach((v, i) => (out[Math.floor(i / factor)]! += v));
  return out;
}
