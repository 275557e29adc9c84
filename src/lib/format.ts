/** Number and duration formatting shared by the simulator's tables and charts. */

function trim(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * A whole number with commas between thousands ("31,688"), as `toLocaleString('en-US')` writes it
 * but without it: the first call to that loads the browser's number formatting data, a long task
 * on a phone while the page starts.
 */
export function groupThousands(n: number): string {
  const digits = String(Math.abs(n));
  if (!/^\d+$/.test(digits)) return String(n); // 1e21 and beyond: as JavaScript writes it
  return `${n < 0 ? '-' : ''}${digits.replace(/\B(?=(\d{3})+$)/g, ',')}`;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Julian year, the average length of a calendar year. */
const YEAR = 365.25 * DAY;
const superscript = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `184` → `¹⁸⁴`. */
function toSuperscript(n: number): string {
  return String(n).replace(/\d/g, (d) => superscript[Number(d)]!);
}

/** A count of years for people: "2 years", "31,688 years", "2.9 × 10¹⁸⁴ years". */
function formatYears(years: number): string {
  if (years < 1e6) {
    const n = years < 10 ? trim(years.toFixed(1)) : groupThousands(Math.round(years));
    return `${n} ${n === '1' ? 'year' : 'years'}`;
  }
  const exponent = Math.floor(Math.log10(years));
  let mantissa = Number((years / 10 ** exponent).toFixed(1));
  let e = exponent;
  if (mantissa >= 10) {
    mantissa = 1;
    e++;
  }
  return `${trim(mantissa.toFixed(1))} × 10${toSuperscript(e)} years`;
}

/**
 * A duration for people: "437.5 ms", "1.5 s", "2.5 min", "1.2 h", "3 days", "31,688 years",
 * "2.9 × 10¹⁸⁴ years"; never e-notation, and a tiny positive value is "< 0.01 ms", not 0.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return ms > 0 ? '∞' : '—';
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (abs === 0) return '0 s';
  if (abs < 0.005) return `${sign === '-' ? '> -' : '< '}0.01 ms`;
  if (abs < 10) return `${trim(ms.toFixed(2))} ms`;
  if (abs < 1000) return `${trim(ms.toFixed(1))} ms`;
  if (abs < 60_000) return `${trim((ms / 1000).toFixed(abs < 10_000 ? 3 : 2))} s`;
  if (abs < HOUR) return `${trim((ms / 60_000).toFixed(2))} min`;
  if (abs < 48 * HOUR) return `${trim((ms / HOUR).toFixed(2))} h`;
  if (abs < 2 * YEAR) {
    const days = trim((abs / DAY).toFixed(abs < 10 * DAY ? 1 : 0));
    return `${sign}${days} days`;
  }
  return `${sign}${formatYears(abs / YEAR)}`;
}

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '—';
  return Math.round(n) === n ? groupThousands(n) : trim(n.toFixed(2));
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const pct = fraction * 100;
  if (pct > 0 && pct < 0.1) return '< 0.1 %';
  if (pct < 100 && pct > 99.9) return '> 99.9 %';
  return `${trim(pct.toFixed(1))} %`;
}
