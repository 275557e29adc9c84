/** The gated virtual clock: exact virtual waits, no advance during I/O, pause, speed, limits. */
import { withGlobal } from '@sinonjs/fake-timers';
import { describe, expect, it } from 'vitest';
import { realm } from '../../testing/replay-realm';
import { DEFAULT_START_EPOCH_MS, ReplayLimitError, createVirtualClock, nextTimerAt } from './clock';

const realDelay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('nextTimerAt (fake-timers internals, pinned version)', () => {
  it('finds the earliest pending timer and nothing when none is left', () => {
    const g = realm();
    const clock = withGlobal(g).install({ now: 1000, toFake: ['setTimeout', 'clearTimeout'] });
    try {
      expect(nextTimerAt(clock)).toBeUndefined();
      g.setTimeout(() => {}, 500);
      const id = g.setTimeout(() => {}, 20);
      expect(nextTimerAt(clock)).toBe(1020);
      g.clearTimeout(id);
      expect(nextTimerAt(clock)).toBe(1500);
      clock.next();
      expect(nextTimerAt(clock)).toBeUndefined();
    } finally {
      clock.uninstall();
    }
  });
});

describe('createVirtualClock', () => {
  it('drives timers of the realm in virtual time, exactly', async () => {
    const g = realm();
    const clock = createVirtualClock({ global: g });
    try {
      const seen: number[] = [];
      const result = await clock.drive(async () => {
        for (const ms of [1000, 60_000, 7]) {
          await new Promise((r) => g.setTimeout(r, ms));
          seen.push(g.Date.now() - DEFAULT_START_EPOCH_MS);
        }
        return 'done';
      });
      expect(result).toBe('done');
      expect(seen).toEqual([1000, 61_000, 61_007]);
      expect(clock.now()).toBe(61_007);
    } finally {
      clock.uninstall();
    }
  });

  it('does not advance while real I/O is in flight', async () => {
    const g = realm();
    const clock = createVirtualClock({ global: g });
    try {
      let timedOut = false;
      await clock.drive(async () => {
        const timer = g.setTimeout(() => {
          timedOut = true;
        }, 5);
        const end = clock.beginIo();
        await realDelay(60); // real work while a 5 ms virtual timer is pending
        end();
        expect(timedOut).toBe(false);
        g.clearTimeout(timer);
      });
      expect(clock.now()).toBe(0);
    } finally {
      clock.uninstall();
    }
  });

  it('sleep() rejects when its signal aborts', async () => {
    const g = realm();
    const clock = createVirtualClock({ global: g });
    try {
      const abort = new AbortController();
      const outcome = await clock.drive(async () => {
        g.setTimeout(() => abort.abort(new Error('stop')), 100);
        return clock.sleep(10_000, abort.signal).then(
          () => 'slept',
          (e: Error) => e.message,
        );
      });
      expect(outcome).toBe('stop');
      expect(clock.now()).toBe(100);
    } finally {
      clock.uninstall();
    }
  });

  it('pauses and resumes', async () => {
    const g = realm();
    const clock = createVirtualClock({ global: g });
    try {
      clock.pause();
      const running = clock.drive(() => clock.sleep(1000).then(() => clock.now()));
      await realDelay(50);
      expect(clock.now()).toBe(0);
      clock.resume();
      expect(await running).toBe(1000);
    } finally {
      clock.uninstall();
    }
  });

  it('at 10× a 300 ms virtual wait takes about 30 ms of real time', async () => {
    const g = realm();
    const clock = createVirtualClock({ global: g, speed: 10 });
    try {
      const started = performance.now();
      await clock.drive(() => clock.sleep(300));
      expect(performance.now() - started).toBeGreaterThanOrEqual(25);
      expect(clock.now()).toBe(300);
    } finally {
      clock.uninstall();
    }
  });

  it('stops a run that would loop forever or wait forever', async () => {
    const g = realm();
    const clock = createVirtualClock({ global: g, maxVirtualMs: 10_000 });
    try {
      const loop = clock.drive(async () => {
        for (;;) await new Promise((r) => g.setTimeout(r, 1000));
      });
      await expect(loop).rejects.toThrow(ReplayLimitError);
    } finally {
      clock.uninstall();
    }
    const g2 = realm();
    const clock2 = createVirtualClock({ global: g2 });
    try {
      await expect(clock2.drive(() => new Promise(() => {}))).rejects.toThrow(/wait forever/);
    } finally {
      clock2.uninstall();
    }
  });
});
