/**
 * The client a replay job asks for, loaded on demand inside the replay worker: the official SDKs
 * (both live in `sdk-clients.ts`) or the reference client running the job's policy.
 */
import type { ReplayClientAdapter } from '../../core/replay/run';
import type { ReplayJob } from './worker-protocol';

export async function loadClientAdapter(job: ReplayJob): Promise<ReplayClientAdapter> {
  if (job.client === 'reference') {
    const { referenceAdapter } = await import('../../core/replay/reference-client');
    return referenceAdapter({
      policy: job.policy,
      label: job.presetId === 'custom' ? 'custom policy' : job.presetId,
    });
  }
  const sdk = await import('./sdk-clients');
  return job.client === 'openai' ? sdk.openaiAdapter() : sdk.anthropicAdapter();
}
