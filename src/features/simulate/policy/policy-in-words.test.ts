import { describe, expect, it } from 'vitest';
import { PRESETS, requirePreset } from '../../../core/retry/presets';
import { CUSTOM_POLICY } from '../../../core/retry/policy-params';
import { policyInWords } from './policy-in-words';

const units: Record<string, number> = {
  ms: 1,
  s: 1000,
  min: 60_000,
  h: 3_600_000,
  days: 86_400_000,
};
const toMs = (n: string, unit: string) => Number(n.replace(/,/g, '')) * units[unit]!;

describe('policyInWords', () => {
  it('says what the OpenAI-style SDKs do, in the words of the issue', () => {
    expect(policyInWords(requirePreset('anthropic-python').policy)).toMatch(
      /^waits about 500 ms, then 1 s, with up to 25% less at random \(never more than 8 s\); .*gives up after 3 attempts$/,
    );
  });

  it.each([...PRESETS.map((p) => [p.id, p.policy] as const), ['custom', CUSTOM_POLICY] as const])(
    '%s: a sentence without NaN or undefined, ranges low to high',
    (_id, policy) => {
      const text = policyInWords(policy);
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/NaN|undefined|Infinity|null|e[+-]\d/);
      for (const m of text.matchAll(/([\d.,]+) (ms|s|min|h|days)–([\d.,]+) (ms|s|min|h|days)/g)) {
        expect(toMs(m[1]!, m[2]!), m[0]).toBeLessThanOrEqual(toMs(m[3]!, m[4]!));
      }
    },
  );
});
