/**
 * The client a replay job asks for, loaded on demand inside the replay worker: one SDK module
 * (both official SDKs live in `sdk-clients.ts`) or the reference client with the job's policy.
 */
import type { ReplayClientAdapter } from '../../core/replay/run';
import type { ReplayJob } from './worker-protocol';

export async function loadClientAdapter(job: ReplayJob): Promise<ReplayClientAdapter> {
  if (job.client === 'reference') {
    throw new Error('reference client: wiring in progress');
  }
  const sdk = await import('./sdk-clients');
  return job.client === 'openai' ? sdk.openaiAdapter() : sdk.anthropicAdapter();
}
