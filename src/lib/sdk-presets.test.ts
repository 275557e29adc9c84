/** Tests: each provider SDK in the catalogs maps to a simulator preset, and its error sequences. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../core/retry/presets';
import { parseCatalogIndex, parseProviderCatalog } from '../core/catalog/parse';
import { presetForSdk, sequenceFor } from './sdk-presets';

const dir = join(import.meta.dirname, '../../public/catalogs');
const index = parseCatalogIndex('index.json', readFileSync(join(dir, 'index.json'), 'utf8'));
const sdks = index.providers.flatMap(
  (p) => parseProviderCatalog(`${p.id}.json`, readFileSync(join(dir, `${p.id}.json`), 'utf8')).sdks,
);

describe('presetForSdk', () => {
  it('names a real preset that follows that SDK, for every SDK it maps', () => {
    const mapped = sdks.flatMap((sdk) => {
      const id = presetForSdk(sdk);
      return id ? [{ sdk, id }] : [];
    });
    expect(mapped.length).toBeGreaterThanOrEqual(10);
    for (const { sdk, id } of mapped) {
      const preset = PRESETS.find((p) => p.id === id);
      expect(preset, `${sdk.name} → ${id}`).toBeDefined();
      const pkg = `${preset!.follows.package} ${preset!.label}`.toLowerCase();
      const stem = sdk.name.replace(/^@/, '').split(/[/_-]/)[0]!.toLowerCase();
      expect(
        pkg,
        `${sdk.name} (${sdk.language}) → ${id} follows ${preset!.follows.package}`,
      ).toContain(stem);
    }
  });

  it('tells the Python and TypeScript openai packages apart', () => {
    expect(presetForSdk({ name: 'openai', language: 'Python' })).toBe('openai-python');
    expect(presetForSdk({ name: 'openai', language: 'TypeScript' })).toBe('openai-node');
    expect(presetForSdk({ name: 'replicate', language: 'Python' })).toBeUndefined();
  });
});

describe('sequenceFor', () => {
  it('repeats the error twice before a success, carrying a numeric Retry-After', () => {
    expect(sequenceFor({ status: 503, category: 'overloaded', example: { headers: {} } })).toBe(
      '503, 503, 200',
    );
    expect(
      sequenceFor({
        status: 429,
        category: 'rate_limit',
        example: { headers: { 'Retry-After': '7' } },
      }),
    ).toBe('429 ra=7, 429 ra=7, 200');
    expect(sequenceFor({ status: null, category: 'timeout', example: { headers: {} } })).toBe(
      'timeout, timeout, 200',
    );
    expect(
      sequenceFor({ status: null, category: 'stream_error', example: { headers: {} } }),
    ).toBeUndefined();
  });
});
