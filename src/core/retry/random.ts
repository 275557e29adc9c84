/**
 * Seedable uniform random numbers for the retry engine.
 *
 * Every random draw in `src/core/retry` goes through an {@link Rng}: a function returning U in
 * [0, 1), the same contract as `Math.random()` / Python's `random.random()`. Tests pin U with
 * {@link constantRng} or {@link sequenceRng}; simulations use the seeded {@link mulberry32}.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** The largest double below 1: stands in for "U → 1" (the supremum of U) in tests. */
export const U_SUP = 1 - 2 ** -53;

/**
 * mulberry32: a tiny 32-bit PRNG with a 2^32 period. Good enough for simulation (not for
 * cryptography). The same seed always gives the same sequence, on every JS engine.
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hash a string or a list of integers to a 32-bit seed (FNV-1a, then a final avalanche). */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part >>> 0}` : part;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x2c;
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** The murmur3 32-bit finaliser: every input bit flips about half of the output bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded RNG; a string seed is hashed first. */
export function seededRng(seed: number | string): Rng {
  return mulberry32(typeof seed === 'string' ? hashSeed(seed) : seed);
}

function checkU(u: number): number {
  if (!(u >= 0 && u < 1)) throw new RangeError(`U must lie in [0, 1), got ${u}`);
  return u;
}

/** An RNG that always returns `u` (use {@link U_SUP} for "U → 1"). */
export function constantRng(u: number): Rng {
  const value = checkU(u);
  return () => value;
}

/**
 * An RNG that returns the given values in order. Once they run out it returns `fallback`,
 * or throws when no fallback is given (so a test notices an unexpected extra draw).
 */
export function sequenceRng(values: readonly number[], fallback?: number): Rng {
  const checked = values.map(checkU);
  const tail = fallback === undefined ? undefined : checkU(fallback);
  let index = 0;
  return () => {
    const next = checked[index];
    if (next !== undefined) {
      index++;
      return next;
    }
    if (tail === undefined) throw new Error(`sequenceRng exhausted after ${checked.length} draws`);
    return tail;
  };
}

/** Wrap an RNG so that the number of draws can be read (for tests and diagnostics). */
export function countingRng(inner: Rng): { rng: Rng; draws: () => number } {
  let count = 0;
  return {
    rng: () => {
      count++;
      return inner();
    },
    draws: () => count,
  };
}
