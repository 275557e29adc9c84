/** Property tests: any Retry-After value, under every preset, gives a finite decision or a stated refusal. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty, hostileString } from '../../testing/properties';
import { decide, initialRetryState } from './policy';
import { PRESETS } from './presets';
import { constantRng } from './random';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);

/** Retry-After values as servers send them, and as they should not. */
const retryAfterValue = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc
    .date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)) })
    .map((d) => (Number.isNaN(d.getTime()) ? 'Thu, 01 Jan 1970 00:00:00 GMT' : d.toUTCString())),
  fc.integer({ min: 0, max: 10 ** 12 }).map((ms) => `${ms}`),
  fc.constantFrom('1e308', '-0', '0', ' 7 ', '7s', '0x10', '1_000', 'inf', '-inf', 'nan'),
  hostileString(60),
);

const headerName = fc.constantFrom(
  'retry-after',
  'retry-after-ms',
  'x-ms-retry-after-ms',
  'grpc-retry-pushback-ms',
);

describe('Retry-After under every preset', () => {
  it('never throws; a retry always has a finite, non-negative delay', () => {
    checkProperty(
      `Retry-After values × ${PRESETS.length} presets (decide)`,
      fc.property(
        fc.constantFrom(...PRESETS),
        headerName,
        retryAfterValue,
        fc.constantFrom(429, 503, 529, 500),
        fc.integer({ min: 1, max: 5 }),
        (preset, name, value, status, attempt) => {
          const policy = preset.policy;
          const decision = decide(
            policy,
            attempt,
            { kind: 'response', status, headers: { [name]: value } },
            0,
            constantRng(0.5),
            { state: initialRetryState(policy), nowMs: NOW },
          );
          expect(decision.why).toMatch(/\S/);
          if (decision.action === 'retry') {
            expect(Number.isFinite(decision.delayMs)).toBe(true);
            expect(decision.delayMs).toBeGreaterThanOrEqual(0);
          }
          if (decision.action === 'give-up') {
            expect(Number.isFinite(decision.trailingWaitMs)).toBe(true);
          }
        },
      ),
      3000,
    );
  });
});
