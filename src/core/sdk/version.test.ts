import { describe, expect, it } from 'vitest';
import { compareVersions, describeRange, parseRange, parseVersion, satisfies } from './version';

describe('parseVersion', () => {
  it('reads MAJOR.MINOR.PATCH, ignoring a v and a pre-release tail', () => {
    expect(parseVersion('1.12.0')).toEqual([1, 12, 0]);
    expect(parseVersion('v6.49.0')).toEqual([6, 49, 0]);
    expect(parseVersion('7.0.0-beta.1')).toEqual([7, 0, 0]);
    expect(parseVersion('7.5')).toBeNull();
    expect(parseVersion('latest')).toBeNull();
  });

  it('compares numerically, not as text', () => {
    expect(compareVersions([0, 125, 0], [0, 79, 0])).toBeGreaterThan(0);
    expect(compareVersions([1, 0, 0], [0, 137, 0])).toBeGreaterThan(0);
    expect(compareVersions([6, 49, 0], [6, 49, 0])).toBe(0);
  });
});

describe('satisfies', () => {
  it.each([
    ['6.49.0', '>=6.26.0 <7.5.0', true],
    ['7.4.9', '>=6.26.0 <7.5.0', true],
    ['7.5.0', '>=6.26.0 <7.5.0', false],
    ['6.25.0', '>=6.26.0 <7.5.0', false],
    ['0.124.0', '>=0.125.0', false],
    ['0.125.0', '>=0.125.0', true],
    ['1.12.0', '>=0.125.0', true],
    ['1.9.0', '>=1.5.0 <1.10.0', true],
    ['1.10.0', '>=1.5.0 <1.10.0', false],
    ['0.46.0', '>=0.47.0 <0.85.0', false],
    ['0.47.0', '>=0.47.0 <0.85.0', true],
    ['0.84.9', '>=0.47.0 <0.85.0', true],
    ['0.85.0', '>=0.47.0 <0.85.0', false],
    ['0.121.0', '=0.121.0', true],
    ['0.121.1', '=0.121.0', false],
    ['0.121.0', '0.121.0', true],
    ['2.51.0', '<=2.51.0', true],
    ['2.51.1', '<=2.51.0', false],
    ['3.0.0', '>2.51.0', true],
    ['9.9.9', '*', true],
  ] as const)('%s in "%s": %s', (v, range, expected) => {
    expect(satisfies(v, range)).toBe(expected);
  });

  it('an unreadable version or range covers nothing', () => {
    expect(satisfies('6', '>=1.0.0')).toBe(false);
    expect(satisfies('6.0.0', '>= 1.0.0')).toBe(false);
    expect(satisfies('6.0.0', '^6.0.0')).toBe(false);
    expect(parseRange('6.x')).toBeNull();
  });
});

describe('describeRange', () => {
  it('words a range for people', () => {
    expect(describeRange('>=6.26.0 <7.5.0')).toBe('6.26.0 – 7.4.x');
    expect(describeRange('>=0.125.0')).toBe('0.125.0 or later');
    expect(describeRange('>=0.125.0 <1.0.0')).toBe('0.125.0 – 0.x');
    expect(describeRange('<1.5.0')).toBe('before 1.5.0');
    expect(describeRange('=0.121.0')).toBe('0.121.0');
    expect(describeRange('>=0.10.0 <0.35.0')).toBe('0.10.0 – 0.34.x');
    expect(describeRange('*')).toBe('every version');
  });
});
