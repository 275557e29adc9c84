/**
 * Stands in for `tldts` in the browser build (see `vite.config.ts`). MSW's cookie store
 * (tough-cookie) asks `tldts` for a host's registrable domain; the real answer needs the whole
 * public-suffix list, about 112 KB gzip of the replay page's 160 KB of MSW. The replay's mock
 * host sets no cookies and the SDKs send none, so the last two labels of the host are enough.
 */
export function getDomain(hostname: string): string | null {
  const host = hostname.trim().replace(/\.$/, '').toLowerCase();
  if (!host) return null;
  if (/^\d+(\.\d+){3}$/.test(host) || host.includes(':')) return host;
  const labels = host.split('.');
  return labels.length <= 2 ? host : labels.slice(-2).join('.');
}
