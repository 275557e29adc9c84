/** Messages between the page and the simulator's Web Worker. */

import type { Job, JobResult } from './job-types';

/** Messages between the page and `simulate.worker.ts`. */
export type WorkerRequest = { readonly type: 'start'; readonly id: number; readonly job: Job };

export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly fraction: number }
  | { readonly type: 'done'; readonly id: number; readonly result: JobResult }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
