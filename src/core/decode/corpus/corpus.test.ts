/**
 * The decoder on every real paste of the corpus. The misses are listed by name
 * with the reason each remains: a new miss fails this test, and a fixed one
 * must be taken off the list. The floor on counts fails if accuracy drops below
 * what the decoder reached when the list was last updated.
 */
import { describe, expect, it } from 'vitest';
import { loadShippedCatalogs } from '../../../testing/catalogs';
import { CORPUS } from './corpus';
import { scoreCorpus } from './evaluate';

const catalogs = loadShippedCatalogs();

/** Misses that remain, with why. */
const KNOWN_MISSES: Record<string, string> = {
  'openai-json-insufficient_quota':
    "W&B Inference documents OpenAI's insufficient_quota body word for word (as its 402); with no status in the paste the decoder says unsure and that the status (429 vs 402) would settle it.",
  'gemini-grpc-429':
    "A gRPC RESOURCE_EXHAUSTED with Google's wording but no host: xAI's gRPC API uses the same status name, so the decoder stays unsure between Gemini, Vertex AI and xAI.",
  'gemini-langchain-504-grpc':
    "langchain_google_genai names the Gemini API, but only Vertex AI's catalog lists google.api_core's DeadlineExceeded; the decoder declines Vertex's entry (it says the paste names Gemini) instead of naming Gemini's 504.",
  'gemini-bare-504-deadline-expired':
    "Google's DEADLINE_EXCEEDED wording with no host; both Google catalogs mark that message illustrative, so only the status (shared by nine providers) is left.",
  'together-langchain-401-invalid-key':
    "OpenAI's invalid_api_key wording and code from Together's host, with no status: Together's 401 example is illustrative, so the shared invalid_request_error type lifts the one Together entry with a real example (403 context length) and OpenAI's 401 outscores Together's.",
};

describe('the corpus of real pastes', () => {
  const score = scoreCorpus(catalogs);

  it('is large and every answer names a catalog entry that exists', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(100);
    const known = new Set(catalogs.flatMap((c) => c.errors.map((e) => `${c.id}/${e.id}`)));
    for (const item of CORPUS) {
      for (const k of [item.expected, ...(item.alsoRight ?? [])]) {
        if (k !== null) expect(known.has(k), `${item.id}: ${k}`).toBe(true);
      }
      expect(item.url).toMatch(/^https:\/\//);
    }
    expect(new Set(CORPUS.map((i) => i.id)).size).toBe(CORPUS.length);
  });

  it('spans at least 15 providers and every paste form', () => {
    const providers = new Set(
      CORPUS.flatMap((i) => (i.expected ? [i.expected.split('/')[0]] : [])),
    );
    expect(providers.size).toBeGreaterThanOrEqual(15);
    const forms = new Set(CORPUS.flatMap((i) => i.forms));
    for (const form of ['python-sdk', 'ts-sdk', 'gateway', 'bare-status', 'headers', 'stream'])
      expect(forms.has(form as never), form).toBe(true);
  });

  it('misses exactly the known misses at top-1', () => {
    const misses = score.results.filter((r) => !r.top1).map((r) => r.item.id);
    expect(misses.sort()).toEqual(Object.keys(KNOWN_MISSES).sort());
  });

  it('keeps top-1 at 114 of 119 and top-3 at every paste', () => {
    const top1 = score.results.filter((r) => r.top1).length;
    const top3 = score.results.filter((r) => r.top3).length;
    expect(top1).toBeGreaterThanOrEqual(114);
    expect(top3).toBeGreaterThanOrEqual(119);
    expect(top1 / score.size).toBeGreaterThanOrEqual(0.95);
  });
});
