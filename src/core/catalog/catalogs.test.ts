/**
 * The shipped catalogs: every file validates, the index and the files agree,
 * the published JSON Schema is current, and the facts the product promises
 * (from the seed documents) are present.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogSchemaFiles } from '../../../scripts/catalog-schema-json';
import { lintCatalog } from './lint';
import { checkCatalogId, parseCatalogIndex, parseProviderCatalog } from './parse';
import type { ProviderCatalog } from './schema';

const dir = join(import.meta.dirname, '../../../public/catalogs');
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const index = parseCatalogIndex('index.json', read('index.json'));
const catalogs = new Map<string, ProviderCatalog>(
  index.providers.map((p) => [
    p.id,
    checkCatalogId(
      `${p.id}.json`,
      p.id,
      parseProviderCatalog(`${p.id}.json`, read(`${p.id}.json`)),
    ),
  ]),
);
const get = (id: string) => {
  const catalog = catalogs.get(id);
  if (!catalog) throw new Error(`no catalog ${id}`);
  return catalog;
};
const entry = (providerId: string, errorId: string) => {
  const found = get(providerId).errors.find((e) => e.id === errorId);
  if (!found) throw new Error(`${providerId} has no entry ${errorId}`);
  return found;
};

describe('shipped catalogs', () => {
  it('cover at least 18 providers, each listed once', () => {
    expect(index.providers.length).toBeGreaterThanOrEqual(18);
    expect(new Set(index.providers.map((p) => p.id)).size).toBe(index.providers.length);
  });

  it('have exactly one file per listed provider', () => {
    const files = readdirSync(dir).filter(
      (f) =>
        f.endsWith('.json') &&
        !f.endsWith('.schema.json') &&
        f !== 'index.json' &&
        f !== 'summary.json',
    );
    expect(files.sort()).toEqual(index.providers.map((p) => `${p.id}.json`).sort());
  });

  it.each(index.providers.map((p) => p.id))('%s passes the content rules', (id) => {
    expect(lintCatalog(get(id))).toEqual([]);
  });

  it('ship a JSON Schema generated from the current zod schema', () => {
    for (const [name, text] of Object.entries(catalogSchemaFiles())) {
      expect(read(name), `${name} is stale: run npm run schema`).toBe(text);
    }
  });
});

describe('facts from the seed documents', () => {
  it('Anthropic 529 is overloaded_error, retried with backoff', () => {
    const e = entry('anthropic', '529-overloaded_error');
    expect(e.providerCodes).toContain('overloaded_error');
    expect(e.retry.advice).toBe('retry_backoff');
  });

  it('W&B gives 30–60 s for 500 and 60–120 s for 503, with the newer wording dated', () => {
    const five = get('wandb').errors.find((e) => e.status === 500)!;
    const three = get('wandb').errors.find((e) => e.status === 503)!;
    expect(five.retry.wait).toMatchObject({ minSeconds: 30, maxSeconds: 60 });
    expect(three.retry.wait).toMatchObject({ minSeconds: 60, maxSeconds: 120 });
    expect(five.history.some((h) => /few seconds/.test(h.meaning))).toBe(true);
  });

  it('Fireworks documents all 15 codes, keeps the old 403 meaning, and says contact support for 500', () => {
    const statuses = new Set(get('fireworks').errors.map((e) => e.status));
    for (const s of [400, 401, 402, 403, 404, 405, 408, 412, 413, 429, 500, 502, 503, 504, 520])
      expect(statuses).toContain(s);
    const forbidden = get('fireworks').errors.find((e) => e.status === 403)!;
    expect(forbidden.history.some((h) => /model/i.test(h.meaning))).toBe(true);
    expect(get('fireworks').errors.find((e) => e.status === 500)!.retry.advice).toBe(
      'contact_support',
    );
  });

  it('Cerebras lists its SDK classes, connection and timeout errors, 2 retries and a 60 s timeout', () => {
    const cerebras = get('cerebras');
    const classes = cerebras.errors.flatMap((e) => e.sdkExceptions.map((x) => x.className));
    for (const c of [
      'BadRequestError',
      'AuthenticationError',
      'PermissionDeniedError',
      'NotFoundError',
      'UnprocessableEntityError',
      'RateLimitError',
      'InternalServerError',
      'APIConnectionError',
      'APITimeoutError',
    ]) {
      expect(classes).toContain(c);
    }
    expect(cerebras.errors.filter((e) => e.status === null).length).toBeGreaterThanOrEqual(2);
    expect(
      cerebras.sdks.some((s) => s.defaultMaxRetries === 2 && s.defaultTimeoutSeconds === 60),
    ).toBe(true);
  });

  it('Humanloop documents every code including 504 and 529, with origin in the body', () => {
    const statuses = new Set(get('humanloop').errors.map((e) => e.status));
    for (const s of [400, 401, 404, 422, 429, 500, 503, 504, 529]) expect(statuses).toContain(s);
    expect(JSON.stringify(get('humanloop').bodyShape.example)).toContain('origin');
  });

  it('OpenAI separates 429 rate limits from 429 insufficient_quota', () => {
    const four29 = get('openai').errors.filter((e) => e.status === 429);
    expect(
      four29.some((e) => e.category === 'rate_limit' && e.retry.advice !== 'do_not_retry'),
    ).toBe(true);
    const quota = four29.filter((e) => e.providerCodes.includes('insufficient_quota'));
    expect(quota.length).toBeGreaterThanOrEqual(4);
    // Retrying as-is never helps a billing error: the advice must not be an automatic retry.
    for (const e of quota)
      expect(['retry_backoff', 'honour_retry_after']).not.toContain(e.retry.advice);
    expect(quota.every((e) => e.category === 'quota_billing')).toBe(true);
  });
});
