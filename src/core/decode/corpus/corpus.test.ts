/**
 * The decoder on every real paste of the corpus. The misses are listed by name:
 * a new miss fails this test, and a fixed one must be taken off the list.
 */
import { describe, expect, it } from 'vitest';
import { loadShippedCatalogs } from '../../../testing/catalogs';
import { CORPUS } from './corpus';
import { scoreCorpus } from './evaluate';

const catalogs = loadShippedCatalogs();

/** Misses that remain, each with its reason in the report of the commit that left it. */
const KNOWN_MISSES = [
  'openai-json-insufficient_quota',
  'openai-py-502-cloudflare-html',
  'openai-legacy-502-cf_bad_gateway',
  'anthropic-openai-compat-429',
  'anthropic-text-429-ai-sdk',
  'gemini-cli-503',
  'gemini-py-503-client',
  'gemini-grpc-429',
  'groq-ai-sdk-retry-429',
  'together-dict-429',
  'xai-bare-429-credits',
  'xai-grpc-permission-denied',
  'replicate-429-throttled',
  'none-ollama-503',
];

describe('the corpus of real pastes', () => {
  const score = scoreCorpus(catalogs);

  it('is large and every answer names a catalog entry that exists', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    const known = new Set(catalogs.flatMap((c) => c.errors.map((e) => `${c.id}/${e.id}`)));
    for (const item of CORPUS) {
      for (const k of [item.expected, ...(item.alsoRight ?? [])]) {
        if (k !== null) expect(known.has(k), `${item.id}: ${k}`).toBe(true);
      }
      expect(item.url).toMatch(/^https:\/\//);
    }
    expect(new Set(CORPUS.map((i) => i.id)).size).toBe(CORPUS.length);
  });

  it('misses exactly the known misses at top-1', () => {
    const misses = score.results.filter((r) => !r.top1).map((r) => r.item.id);
    expect(misses.sort()).toEqual([...KNOWN_MISSES].sort());
  });
});
