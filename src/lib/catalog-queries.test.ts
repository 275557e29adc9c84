/** Tests: catalog loading against good and broken files served by MSW. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { CatalogLoadError } from '../core/catalog/parse';
import { catalogHandlers, mockCatalogBase, type ServedFile } from '../mocks/catalog-handlers';
import { fetchCatalogIndex, fetchCatalogSummary, fetchProviderCatalog } from './catalog-queries';

const wandb = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../public/catalogs/wandb.json'), 'utf8'),
) as Record<string, unknown>;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function serve(files: Record<string, ServedFile>) {
  server.use(...catalogHandlers(files));
}

async function loadError(promise: Promise<unknown>): Promise<CatalogLoadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CatalogLoadError);
  return error as CatalogLoadError;
}

const summary = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../public/catalogs/summary.json'), 'utf8'),
) as { providers: { id: string; errors: Record<string, unknown>[] }[] };

describe('catalog loading', () => {
  it('loads and validates the summary', async () => {
    serve({ 'summary.json': { json: summary } });
    const loaded = await fetchCatalogSummary(mockCatalogBase);
    expect(loaded.providers.map((p) => p.id)).toEqual(summary.providers.map((p) => p.id));
  });

  it('names the file and JSON path of a broken summary', async () => {
    const broken = structuredClone(summary);
    broken.providers[3]!.errors[1]!.advice = 'maybe';
    serve({ 'summary.json': { json: broken } });
    const error = await loadError(fetchCatalogSummary(mockCatalogBase));
    expect(error.file).toBe('summary.json');
    expect(error.problems.map((p) => p.path)).toEqual(['providers[3].errors[1].advice']);
  });

  it('loads and validates a good catalog', async () => {
    serve({ 'wandb.json': { json: wandb } });
    const catalog = await fetchProviderCatalog('wandb', mockCatalogBase);
    expect(catalog.id).toBe('wandb');
    expect(catalog.errors.length).toBeGreaterThan(0);
  });

  it('names the file, line and column of broken JSON', async () => {
    serve({ 'wandb.json': { text: '{\n  "id": "wandb",\n  oops\n}' } });
    const error = await loadError(fetchProviderCatalog('wandb', mockCatalogBase));
    expect(error.file).toBe('wandb.json');
    expect(error.problems[0]?.path).toBe('(file)');
    expect(error.problems[0]?.message).toMatch(/not valid JSON/);
    expect(error.problems[0]?.message).toMatch(/line 3/);
  });

  it('names the JSON path of a wrong type and of a missing field', async () => {
    const broken = structuredClone(wandb) as { errors: Record<string, unknown>[] };
    broken.errors[1]!.status = 'five hundred';
    delete broken.errors[0]!.meaning;
    serve({ 'wandb.json': { json: broken } });
    const error = await loadError(fetchProviderCatalog('wandb', mockCatalogBase));
    const paths = error.problems.map((p) => p.path);
    expect(paths).toContain('errors[1].status');
    expect(paths).toContain('errors[0].meaning');
    expect(error.message).toMatch(/^wandb\.json: errors\[/);
  });

  it('reports a missing file (HTML fallback page or 404) as not found', async () => {
    serve({ 'gone.json': { status: 404 } });
    expect(
      (await loadError(fetchProviderCatalog('nothere', mockCatalogBase))).problems[0]?.message,
    ).toMatch(/HTML page/);
    expect(
      (await loadError(fetchProviderCatalog('gone', mockCatalogBase))).problems[0]?.message,
    ).toMatch(/404/);
  });

  it('rejects a catalog whose id does not match the file', async () => {
    serve({ 'other.json': { json: wandb } });
    const error = await loadError(fetchProviderCatalog('other', mockCatalogBase));
    expect(error.problems[0]).toMatchObject({ path: 'id' });
  });

  it('validates the index', async () => {
    serve({ 'index.json': { json: { providers: [{ id: 'Bad Id', name: 'x' }] } } });
    const error = await loadError(fetchCatalogIndex(mockCatalogBase));
    expect(error.problems[0]?.path).toBe('providers[0].id');
  });
});
