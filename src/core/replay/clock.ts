/**
 * The gated virtual clock: fake timers installed on the realm where the client runs, advanced to
 * the next timer ONLY when no real I/O is in flight (the replay fetch counts it).
 */
import { withGlobal } from '@sinonjs/fake-timers';
import type { ReplaySpeed } from './types';

/** 2026-01-01T00:00:00Z: virtual t = 0 (the simulator's default start too). */
export const DEFAULT_START_EPOCH_MS = Date.UTC(2026, 0, 1);
/** A run may not pass this much virtual time (6 h) … */
export const DEFAULT_MAX_VIRTUAL_MS = 6 * 3_600_000;
/** … nor fire more timers than this. */
export const DEFAULT_MAX_TIMERS = 20_000;

export class ReplayLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayLimitError';
  }
}

export interface VirtualClockOptions {
  /** The realm's global object (`globalThis`, a worker's `self`). */
  readonly global: typeof globalThis;
  readonly speed?: ReplaySpeed;
  readonly startEpochMs?: number;
  readonly maxVirtualMs?: number;
  readonly maxTimers?: number;
}

export interface VirtualClock {
  /** Virtual ms since the clock was installed. */
  now(): number;
  /** Virtual wall clock (what `Date.now()` returns inside the realm). */
  epochNow(): number;
  /** Mark real I/O as in flight; call the returned function when it is over (idempotent). */
  beginIo(): () => void;
  /** Real I/O in flight right now. */
  readonly ioInFlight: number;
  /** Sleep `ms` of virtual time; rejects with the signal's reason if it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Drive the clock until `task` settles; returns its result. Only one drive at a time. */
  drive<T>(task: () => Promise<T>): Promise<T>;
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  setSpeed(speed: ReplaySpeed): void;
  /** Timers fired so far. */
  readonly timersFired: number;
  /** Restore the realm's real timers and Date. */
  uninstall(): void;
}

type InstalledClock = ReturnType<ReturnType<typeof withGlobal>['install']>;

type RealTimeout = (fn: () => void, ms: number) => unknown;

interface TimerLike {
  readonly callAt: number;
}

/**
 * When the next fake timer fires (epoch ms), or `undefined` if none. fake-timers has no public
 * API for this: 15.x keeps a heap (`timerHeap.peek()`) and a Map (`timers`); older versions a
 * plain object. The version is pinned and `clock.test.ts` guards this lookup.
 */
export function nextTimerAt(clock: InstalledClock): number | undefined {
  const internal = clock as unknown as {
    timerHeap?: { peek(): TimerLike | undefined };
    timers?: Map<number, TimerLike> | Record<string, TimerLike>;
  };
  const peeked = internal.timerHeap?.peek?.();
  if (peeked) return peeked.callAt;
  const timers = internal.timers;
  if (!timers) return undefined;
  const values = timers instanceof Map ? [...timers.values()] : Object.values(timers);
  let min: number | undefined;
  for (const t of values) if (min === undefined || t.callAt < min) min = t.callAt;
  return min;
}

function realTurnFactory(g: typeof globalThis): () => Promise<void> {
  // Captured before the fake timers go in: a real macrotask lets promise chains settle.
  const immediate = (g as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') {
    const bound = immediate.bind(g);
    return () => new Promise((resolve) => void bound(resolve));
  }
  if (typeof g.MessageChannel === 'function') {
    const channel = new g.MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(0);
      });
  }
  const timeout = g.setTimeout.bind(g) as RealTimeout;
  return () => new Promise((resolve) => void timeout(resolve, 0));
}

/** Install fake timers on `options.global` and return the gated clock that drives them. */
export function createVirtualClock(options: VirtualClockOptions): VirtualClock {
  const g = options.global;
  const startEpochMs = options.startEpochMs ?? DEFAULT_START_EPOCH_MS;
  const maxVirtualMs = options.maxVirtualMs ?? DEFAULT_MAX_VIRTUAL_MS;
  const maxTimers = options.maxTimers ?? DEFAULT_MAX_TIMERS;
  const realTimeout = g.setTimeout.bind(g) as RealTimeout;
  const realTurn = realTurnFactory(g);
  const realNow = (() => {
    const perf = g.performance;
    const fn = perf.now.bind(perf);
    return () => fn();
  })();

  const fake = withGlobal(g).install({
    now: startEpochMs,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
    loopLimit: maxTimers,
    ignoreMissingTimers: true,
  });

  let speed: ReplaySpeed = options.speed ?? 'instant';
  let io = 0;
  let ioWaiters: (() => void)[] = [];
  let paused = false;
  let resumeWaiters: (() => void)[] = [];
  let fired = 0;
  let driving = false;
  let installed = true;

  const wakeIo = () => {
    const w = ioWaiters;
    ioWaiters = [];
    for (const f of w) f();
  };
  const untilIoIdle = () =>
    io === 0 ? Promise.resolve() : new Promise<void>((resolve) => ioWaiters.push(resolve));
  const untilResumed = () =>
    paused ? new Promise<void>((resolve) => resumeWaiters.push(resolve)) : Promise.resolve();
  const realSleep = (ms: number) => new Promise<void>((resolve) => void realTimeout(resolve, ms));

  /** Wait for promise chains to settle: real macrotask turns until no I/O is in flight. */
  async function settle(): Promise<void> {
    for (;;) {
      await realTurn();
      await realTurn();
      if (io === 0) return;
      await untilIoIdle();
    }
  }

  /** At 1× / 10×, spend (virtual gap / speed) of real time first; pausing stops the wait. */
  async function pace(gapMs: number): Promise<void> {
    let remaining = gapMs;
    while (remaining > 0 && speed !== 'instant') {
      await untilResumed();
      // `speed` may have changed while paused.
      if ((speed as ReplaySpeed) === 'instant') return;
      const slice = Math.min(50, remaining / speed);
      const before = realNow();
      await realSleep(slice);
      remaining -= (realNow() - before) * speed;
    }
  }

  const clock: VirtualClock = {
    now: () => fake.now - startEpochMs,
    epochNow: () => fake.now,
    beginIo() {
      io++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        io--;
        if (io === 0) wakeIo();
      };
    },
    get ioInFlight() {
      return io;
    },
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason as Error);
          return;
        }
        const onAbort = () => {
          fake.clearTimeout(id);
          reject(signal?.reason as Error);
        };
        const id = fake.setTimeout(
          () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          Math.max(0, ms),
        );
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    async drive<T>(task: () => Promise<T>): Promise<T> {
      if (driving) throw new Error('the virtual clock is already driving a task');
      driving = true;
      let settled = false;
      let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
      const run = (async () => task())().then(
        (value) => {
          result = { ok: true, value };
        },
        (error: unknown) => {
          result = { ok: false, error };
        },
      );
      void run.finally(() => {
        settled = true;
      });
      try {
        for (;;) {
          await settle();
          if (settled) break;
          await untilResumed();
          const next = nextTimerAt(fake);
          if (next === undefined) {
            // Nothing scheduled and no I/O: give stragglers a few more turns, then give up.
            for (let i = 0; i < 10 && !settled && nextTimerAt(fake) === undefined; i++) {
              await realTurn();
              if (io > 0) await settle();
            }
            if (settled || nextTimerAt(fake) !== undefined) continue;
            throw new ReplayLimitError(
              'the client is waiting with no timer and no I/O in flight: it would wait forever',
            );
          }
          if (next - startEpochMs > maxVirtualMs) {
            throw new ReplayLimitError(
              `the run would pass ${Math.round(maxVirtualMs / 60_000)} minutes of virtual time`,
            );
          }
          if (fired >= maxTimers) {
            throw new ReplayLimitError(`the run fired ${maxTimers} timers without finishing`);
          }
          await pace(next - fake.now);
          await untilResumed();
          if (io > 0) continue;
          fake.next();
          fired++;
        }
      } finally {
        driving = false;
      }
      if (!result) throw new Error('task settled without a result');
      if (!result.ok) throw result.error;
      return result.value;
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      const w = resumeWaiters;
      resumeWaiters = [];
      for (const f of w) f();
    },
    get paused() {
      return paused;
    },
    setSpeed(s) {
      speed = s;
    },
    get timersFired() {
      return fired;
    },
    uninstall() {
      if (!installed) return;
      installed = false;
      fake.uninstall();
    },
  };
  return clock;
}
