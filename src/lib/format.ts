/** Number and duration formatting shared by the simulator's tables and charts. */

function trim(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A duration for people: "437.5 ms", "1.5 s", "2.5 min", "1.2 h". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return ms > 0 ? '∞' : '—';
  const abs = Math.abs(ms);
  if (abs === 0) return '0 s';
  if (abs < 10) return `${trim(ms.toFixed(2))} ms`;
  if (abs < 1000) return `${trim(ms.toFixed(1))} ms`;
  if (abs < 60_000) return `${trim((ms / 1000).toFixed(abs < 10_000 ? 3 : 2))} s`;
  if (abs < 3_600_000) return `${trim((ms / 60_000).toFixed(2))} min`;
  return `${trim((ms / 3_600_000).toFixed(2))} h`;
}

export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '—';
  return Math.round(n) === n ? n.toLocaleString('en-US') : trim(n.toFixed(2));
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const pct = fraction * 100;
  if (pct > 0 && pct < 0.1) return '< 0.1 %';
  if (pct < 100 && pct > 99.9) return '> 99.9 %';
  return `${trim(pct.toFixed(1))} %`;
}
