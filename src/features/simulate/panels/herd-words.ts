/** What the rate-limited herd model assumes, in words: latencies, limiter and chart buckets. */

import type { LatencyModel, Limiter } from '../../../core/herd/rate-limited';
import { formatCount, formatDuration } from '../../../lib/format';

export function herdAssumptions({
  latency,
  limiter,
  capacityPerSec,
  bucketMs,
}: {
  latency: Required<LatencyModel>;
  limiter: Required<Limiter>;
  capacityPerSec: number;
  /** The chart's bucket width, once there is a chart. */
  bucketMs?: number;
}): string {
  const spread =
    latency.jitter > 0
      ? ` (each ±${formatCount(Math.round(latency.jitter * 100))}% at random)`
      : '';
  const parts = [
    `a 200 takes about ${formatDuration(latency.successMs)} and a 429 or 503 about ${formatDuration(latency.errorMs)}${spread}`,
  ];
  if (limiter.kind === 'fixed-window') {
    const perWindow = Math.floor((capacityPerSec * limiter.windowMs) / 1000 + 1e-9);
    parts.push(
      `the endpoint accepts the first ${formatCount(perWindow)} requests of each ${formatDuration(limiter.windowMs)} window`,
    );
  } else
    parts.push(
      `the endpoint is a token bucket of ${formatCount(limiter.burst)} refilled at ${formatCount(capacityPerSec)}/s`,
    );
  if (bucketMs !== undefined) {
    parts.push(
      `the chart counts requests in ${formatDuration(bucketMs)} buckets, scaled to per second`,
    );
    if (limiter.kind === 'fixed-window' && bucketMs < limiter.windowMs)
      parts.push(
        'buckets shorter than the window show each window’s burst above the capacity line',
      );
  }
  return `Assumed: ${parts.join('; ')}.`;
}
