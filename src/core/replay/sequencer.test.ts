/** The sequencer: counts, time spans measured from a step's first answer, and what comes after. */
import { describe, expect, it } from 'vitest';
import { createSequencer } from './sequencer';
import type { ReplayStep } from './types';

const e = (entry: string, repeat?: ReplayStep['repeat']): ReplayStep =>
  repeat ? { kind: 'error', entry, repeat } : { kind: 'error', entry };

describe('createSequencer', () => {
  it('serves counts in order, then success', () => {
    const seq = createSequencer({ steps: [e('a', { count: 2 }), e('b')], then: 'success' });
    const picks = [0, 1, 2, 3, 4].map((t) => seq.next(t));
    expect(picks.map((p) => p.stepIndex)).toEqual([0, 0, 1, 2, 2]);
    expect(picks[3]?.step.kind).toBe('success');
    expect(picks.map((p) => p.request)).toEqual([0, 1, 2, 3, 4]);
    expect(picks.map((p) => p.repetition)).toEqual([0, 1, 0, 0, 1]);
    expect(seq.requests).toBe(5);
  });

  it('repeat-last keeps the last step', () => {
    const seq = createSequencer({ steps: [e('a'), e('b')], then: 'repeat-last' });
    expect([0, 1, 2, 3].map((t) => seq.next(t).stepIndex)).toEqual([0, 1, 1, 1]);
  });

  it('a forMs span starts at the first request it answers and excludes its end', () => {
    const seq = createSequencer({ steps: [e('x'), e('storm', { forMs: 1000 })], then: 'success' });
    expect(seq.next(0).stepIndex).toBe(0);
    expect(seq.next(500).stepIndex).toBe(1); // span 500 … 1500
    expect(seq.next(1499).stepIndex).toBe(1);
    expect(seq.next(1500).stepIndex).toBe(2);
  });

  it('a span answers at least the request that opened it, even after a long gap', () => {
    const seq = createSequencer({
      steps: [e('a', { forMs: 10 }), e('b', { forMs: 10 })],
      then: 'success',
    });
    expect([0, 100, 105, 200].map((t) => seq.next(t).stepIndex)).toEqual([0, 1, 1, 2]);
  });
});
