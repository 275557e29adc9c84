/** A retry policy's behaviour in one plain sentence, beside the formulas of the form. */

import { backoffFor, clampDelay, delayRange } from '../../../core/retry/policy';
import type { Jitter, RetryPolicy } from '../../../core/retry/types';
import { formatCount, formatDuration } from '../../../lib/format';

/** How many waits the sentence spells out before "…". */
const SHOWN_WAITS = 3;

const pct = (fraction: number) => `${formatCount(Math.round(fraction * 1000) / 10)}%`;

/** `from`–`to` as a range that reads low to high. */
function range(loMs: number, hiMs: number): string {
  const [lo, hi] = loMs <= hiMs ? [loMs, hiMs] : [hiMs, loMs];
  return lo === hi ? formatDuration(lo) : `${formatDuration(lo)}–${formatDuration(hi)}`;
}

/** What the jitter does to each wait, or undefined when it replaces the schedule. */
function jitterWords(jitter: Jitter): string | undefined {
  switch (jitter.kind) {
    case 'none':
      return '';
    case 'full':
      return 'each drawn at random between 0 and that';
    case 'equal':
      return 'each drawn at random between half of that and all of it';
    case 'additive':
      return `plus up to ${formatDuration(jitter.maxMs)} at random`;
    case 'multiplicative': {
      const lo = Math.min(jitter.from, jitter.to);
      const hi = Math.max(jitter.from, jitter.to);
      if (lo === hi) return lo === 1 ? '' : `times ${formatCount(lo)}`;
      if (hi <= 1) return `with up to ${pct(1 - lo)} less at random`;
      if (lo >= 1) return `with up to ${pct(hi - 1)} more at random`;
      return `with ${pct(1 - lo)} less to ${pct(hi - 1)} more at random`;
    }
    case 'decorrelated':
    case 'decorrelated-v2':
      return undefined;
  }
}

/**
 * "waits about 0.5 s, then 1 s, with up to 25% less at random; gives up after 3 attempts".
 * Ranges read low to high; nothing is NaN, undefined or e-notation (unit-tested over every
 * preset).
 */
export function policyInWords(policy: RetryPolicy): string {
  const retries = Number.isFinite(policy.maxAttempts)
    ? Math.max(0, policy.maxAttempts - 1)
    : Infinity;
  const parts: string[] = [];
  if (retries === 0) parts.push('makes a single attempt and never retries');
  else {
    const spec = backoffFor(policy);
    const shown = Math.min(SHOWN_WAITS, retries);
    const more = retries > shown ? ', …' : '';
    const jitter = jitterWords(spec.jitter);
    if (jitter === undefined) {
      const waits = Array.from({ length: shown }, (_, i) => {
        const r = delayRange(policy, i);
        return range(r.minMs, r.maxMs);
      });
      parts.push(`waits a random ${waits.join(', then ')}${more}`);
    } else {
      // Enough waits to tell "4 s each time" from "4 s, 4 s, 4 s, then 8 s".
      const waits = Array.from({ length: Math.min(retries, 30) }, (_, i) => {
        const r = delayRange(policy, i);
        return formatDuration(Math.max(0, clampDelay(spec, r.nominalMs)));
      });
      const same = waits.every((w) => w === waits[0]) && (retries <= 30 || waits.length > 1);
      const list =
        same && waits.length > 1
          ? `${waits[0]} each time`
          : `${waits.slice(0, shown).join(', then ')}${more}`;
      parts.push(`waits ${jitter === '' ? '' : 'about '}${list}${jitter ? `, ${jitter}` : ''}`);
    }
    const cap = spec.maxDelayMs;
    if (cap !== undefined && Number.isFinite(cap))
      parts[0] += ` (never more than ${formatDuration(cap)})`;
    if (policy.retryAfter) parts.push('a server’s Retry-After can set the wait instead');
  }
  const limits: string[] = [];
  if (Number.isFinite(policy.maxAttempts) && retries > 0)
    limits.push(`after ${formatCount(policy.maxAttempts)} attempts`);
  for (const d of policy.deadlines ?? []) limits.push(`after ${formatDuration(d.ms)} in all`);
  if (retries > 0)
    parts.push(limits.length > 0 ? `gives up ${limits.join(' or ')}` : 'never gives up on its own');
  return parts.join('; ');
}
