import { describe, expect, it } from 'vitest';
import { formatDuration, groupThousands } from './format';

describe('formatDuration', () => {
  it('keeps everyday durations as they were', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(437.5)).toBe('437.5 ms');
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(formatDuration(150_000)).toBe('2.5 min');
    expect(formatDuration(4_320_000)).toBe('1.2 h');
  });

  it('says a tiny positive duration is tiny instead of rounding it to zero', () => {
    expect(formatDuration(0.001)).toBe('< 0.01 ms');
    expect(formatDuration(1e-300)).toBe('< 0.01 ms');
    expect(formatDuration(0.25)).toBe('0.25 ms');
  });

  it('puts days and years in their own units', () => {
    expect(formatDuration(3 * 86_400_000)).toBe('3 days');
    expect(formatDuration(36 * 3_600_000)).toBe('36 h');
    expect(formatDuration(2 * 365.25 * 86_400_000)).toBe('2 years');
    expect(formatDuration(1234 * 365.25 * 86_400_000)).toBe('1,234 years');
  });

  it('prints huge values as a power of ten of years, never in e-notation', () => {
    // 2.57e+188 h: what attempts=1000 without a cap once printed.
    const huge = 2.57e188 * 3_600_000;
    const text = formatDuration(huge);
    expect(text).toBe('2.9 × 10¹⁸⁴ years');
    for (const ms of [1e15, 1e20, 1e100, huge, Number.MAX_VALUE]) {
      const t = formatDuration(ms);
      expect(t).not.toMatch(/e[+-]?\d/);
      expect(t).not.toMatch(/NaN|undefined|Infinity/);
    }
    expect(formatDuration(1e15)).toBe('31,688 years');
    expect(formatDuration(Infinity)).toBe('∞');
  });

  it('formats negative durations with their sign', () => {
    expect(formatDuration(-1500)).toBe('-1.5 s');
    expect(formatDuration(-3 * 86_400_000)).toBe('-3 days');
  });
});

describe('groupThousands', () => {
  it('writes whole numbers as en-US does, without Intl', () => {
    for (const n of [0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, 31_688, -1_234_567, 2 ** 53])
      expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
  });
});
