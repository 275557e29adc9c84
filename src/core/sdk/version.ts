/**
 * Versions and version ranges, written small (no semver dependency): enough for the SDK facts
 * this app keeps, which name release lines such as `>=0.125.0`, `>=6.26.0 <7.5.0` or `<1.5.0`.
 *
 * A version is `MAJOR.MINOR.PATCH` (a leading `v` and a pre-release or build tail are ignored).
 * A range is comparators separated by spaces, all of which must hold: `>=`, `>`, `<=`, `<`
 * or `=` (or none: exactly) before a version; `*` matches every version.
 */

export type Version = readonly [number, number, number];

const VERSION_RE = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;

/** `1.12.0` → [1, 12, 0]; anything else → null. */
export function parseVersion(text: string): Version | null {
  const m = VERSION_RE.exec(text.trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatVersion(v: Version): string {
  return v.join('.');
}

type Op = '>=' | '>' | '<=' | '<' | '=';

interface Comparator {
  readonly op: Op;
  readonly v: Version;
}

/** The pattern of a range, also used by the catalog schema (so it lands in the JSON Schema). */
export const VERSION_RANGE_PATTERN =
  /^(?:\*|(?:>=|<=|>|<|=)?\d+\.\d+\.\d+(?: +(?:>=|<=|>|<|=)?\d+\.\d+\.\d+)*)$/;

/** The comparators of a range, or null when it is not one (`*` → no comparator: everything). */
export function parseRange(text: string): readonly Comparator[] | null {
  const t = text.trim();
  if (!VERSION_RANGE_PATTERN.test(t)) return null;
  if (t === '*') return [];
  return t.split(/ +/).map((part) => {
    const m = /^(>=|<=|>|<|=)?(.+)$/.exec(part);
    const v = parseVersion(m?.[2] ?? '');
    if (!m || !v) throw new Error(`unreachable: ${part}`);
    return { op: (m[1] ?? '=') as Op, v };
  });
}

function holds(c: Comparator, v: Version): boolean {
  const d = compareVersions(v, c.v);
  switch (c.op) {
    case '>=':
      return d >= 0;
    case '>':
      return d > 0;
    case '<=':
      return d <= 0;
    case '<':
      return d < 0;
    default:
      return d === 0;
  }
}

/** Whether `version` is in `range`; an unreadable version or range covers nothing. */
export function satisfies(version: string | Version, range: string): boolean {
  const v = typeof version === 'string' ? parseVersion(version) : version;
  const cs = parseRange(range);
  if (!v || !cs) return false;
  return cs.every((c) => holds(c, v));
}

/**
 * A range in words for people: `>=6.26.0 <7.5.0` → `6.26.0 – 7.4.x`, `>=0.125.0` →
 * `0.125.0 or later`, `<1.5.0` → `before 1.5.0`.
 */
export function describeRange(range: string): string {
  const cs = parseRange(range);
  if (!cs) return range;
  if (cs.length === 0) return 'every version';
  const low = cs.find((c) => c.op === '>=' || c.op === '>');
  const high = cs.find((c) => c.op === '<' || c.op === '<=');
  const exact = cs.find((c) => c.op === '=');
  if (exact && cs.length === 1) return formatVersion(exact.v);
  const highText = high
    ? high.op === '<=' || high.v[2] !== 0
      ? formatVersion(high.v)
      : high.v[1] === 0
        ? `${high.v[0] - 1}.x`
        : `${high.v[0]}.${high.v[1] - 1}.x`
    : undefined;
  if (low && highText) return `${formatVersion(low.v)} – ${highText}`;
  if (low) return `${formatVersion(low.v)} or later`;
  if (high) return high.op === '<' ? `before ${formatVersion(high.v)}` : `${highText} or earlier`;
  return range;
}
