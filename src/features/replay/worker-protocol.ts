/** Replay: the messages between the page and replay.worker.ts. */
import type {
  ReplayClientId,
  ReplayEvent,
  ReplayScenario,
  ReplaySpeed,
} from '../../core/replay/types';
import type { RetryPolicy } from '../../core/retry/types';

/** One replay, as the page hands it to `replay.worker.ts`. */
export interface ReplayJob {
  readonly runId: string;
  readonly scenario: ReplayScenario;
  readonly client: ReplayClientId;
  /** The reference client's policy (ignored by the SDKs). */
  readonly policy: RetryPolicy;
  /** The simulator preset the policy came from, or `custom`. */
  readonly presetId: string;
  readonly speed: ReplaySpeed;
}

/** Messages from the page to the worker. Cancel terminates the worker. */
export type ReplayWorkerRequest =
  | { readonly type: 'start'; readonly job: ReplayJob }
  | { readonly type: 'speed'; readonly speed: ReplaySpeed }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' };

/** Messages from the worker: events in order (batched), or a failure of the run itself. */
export type ReplayWorkerResponse =
  | { readonly type: 'events'; readonly runId: string; readonly events: readonly ReplayEvent[] }
  | { readonly type: 'failed'; readonly runId: string; readonly message: string };
