/** Words and paths for the timeline's attempt rows (the rows come from the engine's explainRun). */
import type { StreamFailure } from '../../core/replay/types';

/** The path (and query) of a request URL, without the mock host and the run prefix. */
export function displayPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname.replace(/^\/run\/[^/]+/, '')}${u.search}`;
  } catch {
    return url;
  }
}

export const streamEndWords: Record<StreamFailure | 'complete', string> = {
  complete: 'complete',
  'error-event': 'error event',
  cut: 'cut',
  stall: 'stalled',
  'malformed-chunk': 'malformed chunk',
  'no-terminator': 'ended without terminator',
};
