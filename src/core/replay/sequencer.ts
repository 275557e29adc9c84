/** Which scenario step answers the n-th request arriving at virtual time t (counts, spans, then). */
import type { ReplayScenario, ReplayStep } from './types';

/** The step a request gets. `stepIndex === steps.length` is the scenario's `then: 'success'`. */
export interface StepPick {
  readonly stepIndex: number;
  readonly step: ReplayStep;
  /** 0-based position of this request among all requests of the run. */
  readonly request: number;
  /** How many requests this step had answered before this one. */
  readonly repetition: number;
}

export interface Sequencer {
  /** The step for the next request, which arrives at virtual time `t` (ms since the run start). */
  next(t: number): StepPick;
  /** Requests answered so far. */
  readonly requests: number;
}

export const THEN_SUCCESS: ReplayStep = { kind: 'success', note: 'after the last step' };

/**
 * A step with `repeat: {count: n}` answers n requests; with `repeat: {forMs: d}` it answers every
 * request arriving less than `d` ms after the first request it answered (the span starts when the
 * step is first used, not at t = 0). After the last step: `then: 'success'` answers with a success,
 * `then: 'repeat-last'` keeps answering with the last step.
 */
export function createSequencer(scenario: Pick<ReplayScenario, 'steps' | 'then'>): Sequencer {
  let index = 0;
  let served = 0;
  let spanStart = 0;
  let requests = 0;
  const { steps } = scenario;
  return {
    get requests() {
      return requests;
    },
    next(t) {
      const request = requests++;
      while (index < steps.length) {
        const step = steps[index];
        if (!step) break;
        const repeat = step.repeat ?? { count: 1 };
        let take: boolean;
        if ('count' in repeat) take = served < repeat.count;
        else take = served === 0 || t - spanStart < repeat.forMs;
        if (take) {
          if (served === 0) spanStart = t;
          return { stepIndex: index, step, request, repetition: served++ };
        }
        index++;
        served = 0;
      }
      const last = steps[steps.length - 1];
      if (scenario.then === 'repeat-last' && last) {
        return { stepIndex: steps.length - 1, step: last, request, repetition: served++ };
      }
      return { stepIndex: steps.length, step: THEN_SUCCESS, request, repetition: served++ };
    },
  };
}
