/**
 * A custom scenario in the address: its JSON (without `$schema`), UTF-8 encoded, then base64url
 * (RFC 4648 §5, no padding). No compression: links stay decodable by hand
 * (`base64 -d` after swapping `-_` for `+/`), and a typical scenario is a few hundred characters.
 * Longer than {@link MAX_LINK_CHARS} and the page offers an export instead of a link.
 */
import type { ReplayScenario } from '../../core/replay/types';

export const MAX_LINK_CHARS = 4000;

export function encodeScenario(scenario: ReplayScenario): string {
  const { $schema: _schema, ...rest } = scenario;
  const bytes = new TextEncoder().encode(JSON.stringify(rest));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The JSON text a link carries, or an error message saying why it cannot be read. */
export function decodeScenarioText(
  encoded: string,
): { ok: true; text: string } | { ok: false; message: string } {
  const clean = encoded.trim();
  if (!/^[A-Za-z0-9_-]*$/.test(clean))
    return { ok: false, message: 'it is not base64url text (only A–Z, a–z, 0–9, - and _)' };
  if (clean.length % 4 === 1) return { ok: false, message: 'it is cut short (bad length)' };
  try {
    const binary = atob(clean.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'it does not decode to UTF-8 text' };
  }
}
