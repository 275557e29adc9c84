/** Tests: scenarios in links (encode, decode, too long). */
import { describe, expect, it } from 'vitest';
import type { ReplayScenario } from '../../core/replay/types';
import { decodeScenarioText, encodeScenario } from './scenario-link';

const scenario: ReplayScenario = {
  $schema: 'https://example.com/scenario.schema.json',
  schemaVersion: 1,
  id: 'naïve-ünïcode',
  title: 'Überlastet — 529 ✓',
  story: 'Non-ASCII survives the link.',
  provider: 'anthropic',
  api: 'anthropic-messages',
  path: '/v1/messages',
  stream: true,
  steps: [{ kind: 'stream-failure', failure: 'cut', afterChunks: 2 }],
  then: 'success',
};

describe('scenario links', () => {
  it('round-trips UTF-8 through base64url without $schema', () => {
    const encoded = encodeScenario(scenario);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = decodeScenarioText(encoded);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const { $schema: _drop, ...rest } = scenario;
    expect(JSON.parse(decoded.text)).toEqual(rest);
  });

  it('says why a damaged link cannot be read', () => {
    expect(decodeScenarioText('abc$')).toEqual({
      ok: false,
      message: expect.stringMatching(/not base64url/),
    });
    expect(decodeScenarioText('abcde')).toEqual({
      ok: false,
      message: expect.stringMatching(/cut short/),
    });
    // 0xff is not UTF-8.
    expect(decodeScenarioText('_w')).toEqual({
      ok: false,
      message: expect.stringMatching(/UTF-8/),
    });
  });
});
