/**
 * The catalog worker's handler, message loop and host, in Node: the handler answers exactly what
 * the core search and decoder answer over the same catalogs, a broken catalog comes back by file
 * and JSON path while the others still work, and a cancelled query is skipped and never answered.
 * The Worker itself is stood in for by the message loop behind structuredClone, as in a browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { CatalogLoadError } from '../../core/catalog/load-error';
import { createSearchIndex, search, type SearchFilters } from '../../core/catalog/search';
import { decodeText } from '../../core/decode/match';
import { explainHeaders } from '../../core/decode/headers';
import { catalogHandlers, mockCatalogBase, type ServedFile } from '../../mocks/catalog-handlers';
import { loadShippedCatalogs } from '../../testing/catalogs';
import { createCatalogHandler, type CatalogHandler } from './handler';
import { createInProcessHost, createWorkerHost, type CatalogHost, type WorkerLike } from './host';
import {
  fromWireError,
  toWireError,
  type CatalogTask,
  type CatalogWorkerRequest,
  type CatalogWorkerResponse,
} from './protocol';
import { serveCatalogRequests } from './serve';

const dir = join(import.meta.dirname, '../../../public/catalogs');
const shipped: Record<string, ServedFile> = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, { text: readFileSync(join(dir, f), 'utf8') }]),
);
const catalogs = loadShippedCatalogs();
const ids = catalogs.map((c) => c.id);

const server = setupServer();
const requested: string[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => {
    requested.push(new URL(request.url).pathname.replace('/catalogs/', ''));
  });
});
afterEach(() => {
  server.resetHandlers();
  requested.length = 0;
});
afterAll(() => server.close());

function serve(overrides: Record<string, ServedFile> = {}) {
  server.use(...catalogHandlers({ ...shipped, ...overrides }));
}

const handler = () => createCatalogHandler({ baseUrl: mockCatalogBase });

/** What core search answers over these catalogs, cut to what the page is sent. */
function expectedHits(query: string, filters: SearchFilters, except: readonly string[] = []) {
  const index = createSearchIndex(catalogs.filter((c) => !except.includes(c.id)));
  return search(index, query, filters).map((hit) => ({
    ...hit,
    entry: {
      id: hit.entry.id,
      title: hit.entry.title,
      status: hit.entry.status,
      category: hit.entry.category,
      providerCodes: hit.entry.providerCodes,
      retry: {
        advice: hit.entry.retry.advice,
        ...(hit.entry.retry.wait ? { wait: { text: hit.entry.retry.wait.text } } : {}),
      },
    },
  }));
}

const brokenFireworks: ServedFile = {
  text: '{\n  "id": "fireworks",\n  "name": "Fireworks AI",,\n}',
};

describe('the catalog handler', () => {
  it('loads a catalog once, validated, and tells its name, count and date', async () => {
    serve();
    const h = handler();
    const anthropic = catalogs.find((c) => c.id === 'anthropic')!;
    expect(await h.run({ kind: 'info', providerId: 'anthropic' })).toEqual({
      id: 'anthropic',
      name: anthropic.name,
      entryCount: anthropic.errors.length,
      lastVerified: anthropic.lastVerified,
    });
    expect(await h.run({ kind: 'catalog', providerId: 'anthropic' })).toEqual(anthropic);
    await h.run({ kind: 'search', providerIds: ['anthropic'], query: '529', filters: {} });
    expect(requested).toEqual(['anthropic.json']);
  });

  it('answers searches exactly as the core search does, filters and all', async () => {
    serve();
    const h = handler();
    const cases: [string, SearchFilters][] = [
      ['529', {}],
      ['insufficient_quota', {}],
      ['anthropic.RateLimitError', {}],
      ['engine is currently overloaded', {}],
      ['overloded', { statusClass: '5xx' }],
      ['', { advice: 'do_not_retry', provider: 'openai' }],
      ['x'.repeat(300), {}],
    ];
    for (const [query, filters] of cases) {
      const answer = await h.run({ kind: 'search', providerIds: ids, query, filters });
      expect(answer.query).toBe(query);
      expect(answer.maxQueryChars).toBe(100);
      expect(answer.hits, query).toEqual(expectedHits(query, filters));
    }
    expect(requested.sort()).toEqual(ids.map((id) => `${id}.json`).sort());
  });

  it('decodes exactly as the decoder does, headers read as of the given time', async () => {
    serve();
    const h = handler();
    const text = [
      'HTTP/1.1 529',
      'retry-after: Wed, 21 Oct 2015 07:28:30 GMT',
      'anthropic-ratelimit-requests-remaining: 0',
      '',
      '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    ].join('\n');
    const now = Date.UTC(2015, 9, 21, 7, 28, 0);
    const answer = await h.run({ kind: 'decode', providerIds: ids, text, limit: 10, now });
    const expected = decodeText(text, catalogs, { limit: 10 });
    expect(answer).toEqual({
      ...expected,
      headers: explainHeaders(expected.parsed.headers, { now }),
    });
    expect(answer.matches[0]?.entry.id).toBe('529-overloaded_error');
    expect(answer.headers.length).toBeGreaterThan(0);
  });

  it('reports a broken catalog by file and JSON path, and searches the others', async () => {
    serve({ 'fireworks.json': brokenFireworks });
    const h = handler();
    const error = await h.run({ kind: 'info', providerId: 'fireworks' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogLoadError);
    expect((error as CatalogLoadError).file).toBe('fireworks.json');
    expect((error as CatalogLoadError).problems[0]?.message).toMatch(/not valid JSON.*line 3/);

    const answer = await h.run({ kind: 'search', providerIds: ids, query: '500', filters: {} });
    expect(answer.hits).toEqual(expectedHits('500', {}, ['fireworks']));
    expect(answer.hits.some((hit) => hit.providerId === 'wandb')).toBe(true);
  });

  it('forgets a failure, so the next request fetches the file again', async () => {
    serve({ 'openai.json': { status: 503 } });
    const h = handler();
    await expect(h.run({ kind: 'info', providerId: 'openai' })).rejects.toThrow(/503/);
    serve();
    expect((await h.run({ kind: 'info', providerId: 'openai' })).id).toBe('openai');
    expect(requested).toEqual(['openai.json', 'openai.json']);
  });

  it('names a wrong type by JSON path', async () => {
    const groq = JSON.parse(readFileSync(join(dir, 'groq.json'), 'utf8')) as {
      errors: { status: unknown }[];
    };
    groq.errors[2]!.status = 'four hundred';
    serve({ 'groq.json': { json: groq } });
    const error = (await handler()
      .run({ kind: 'catalog', providerId: 'groq' })
      .catch((e: unknown) => e)) as CatalogLoadError;
    expect(error.problems.map((p) => p.path)).toContain('errors[2].status');
  });
});

describe('errors on the wire', () => {
  it('a catalog error crosses structured cloning with its file and problems', () => {
    const original = new CatalogLoadError('groq.json', [
      { path: 'errors[2].status', message: 'expected number, got the string "four hundred"' },
    ]);
    const revived = fromWireError(structuredClone(toWireError(original)));
    expect(revived).toBeInstanceOf(CatalogLoadError);
    expect(revived).toMatchObject({ file: original.file, problems: original.problems });
    expect(revived.message).toBe(original.message);
    const other = fromWireError(structuredClone(toWireError(new TypeError('boom'))));
    expect(other).not.toBeInstanceOf(CatalogLoadError);
    expect(other.message).toBe('boom');
  });
});

/** A stand-in Worker: the real message loop, with every message structured-cloned. */
function fakeWorker(h: CatalogHandler) {
  const seen: CatalogTask[] = [];
  const counting: CatalogHandler = {
    run: (task, hooks) => {
      seen.push(task);
      return h.run(task, hooks);
    },
  };
  const answers: CatalogWorkerResponse[] = [];
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => {},
    postMessage: (message: CatalogWorkerRequest) => {
      const copy = structuredClone(message);
      setTimeout(() => receive(copy), 0);
    },
  };
  const receive = serveCatalogRequests(counting, {
    postMessage: (message) => {
      const copy = structuredClone(message);
      answers.push(copy);
      setTimeout(() => worker.onmessage?.({ data: copy } as MessageEvent<CatalogWorkerResponse>));
    },
  });
  return { worker, seen, answers };
}

describe('the host', () => {
  it('over a worker: answers, and a broken catalog comes back as a CatalogLoadError', async () => {
    serve({ 'fireworks.json': brokenFireworks });
    const fake = fakeWorker(handler());
    let spawned = 0;
    const host = createWorkerHost(() => (spawned++, fake.worker));
    const inProcess = createInProcessHost(async () => handler());
    const task = { kind: 'search', providerIds: ids, query: 'overloaded', filters: {} } as const;
    const [viaWorker, direct] = await Promise.all([host.run(task), inProcess.run(task)]);
    expect(viaWorker).toEqual(direct);
    expect(viaWorker.hits).toEqual(expectedHits('overloaded', {}, ['fireworks']));

    const error = await host
      .run({ kind: 'info', providerId: 'fireworks' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogLoadError);
    expect((error as CatalogLoadError).file).toBe('fireworks.json');
    expect(spawned).toBe(1);
  });

  it('drops a query whose signal aborts: the worker skips it and the newer one wins', async () => {
    serve();
    const fake = fakeWorker(handler());
    const host: CatalogHost = createWorkerHost(() => fake.worker);
    await host.run({ kind: 'info', providerId: 'openai' }); // the worker is up
    fake.seen.length = 0;
    fake.answers.length = 0;

    const older = new AbortController();
    const first = host.run(
      { kind: 'search', providerIds: ids, query: 'ov', filters: {} },
      older.signal,
    );
    const firstOutcome = first.then(
      () => 'answered',
      (error: unknown) => error,
    );
    older.abort();
    const latest = await host.run({ kind: 'search', providerIds: ids, query: 'ove', filters: {} });

    expect(await firstOutcome).toMatchObject({ name: 'AbortError' });
    expect(latest.hits).toEqual(expectedHits('ove', {}));
    expect(fake.seen.map((t) => (t.kind === 'search' ? t.query : t.kind))).toEqual(['ove']);
    expect(fake.answers).toHaveLength(1);
  });

  it('a task already aborted is never sent', async () => {
    const fake = fakeWorker(handler());
    const host = createWorkerHost(() => fake.worker);
    const controller = new AbortController();
    controller.abort();
    await expect(
      host.run({ kind: 'info', providerId: 'openai' }, controller.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.seen).toEqual([]);
  });

  it('a worker that dies fails what it held, and the next task starts a new one', async () => {
    serve();
    let spawned = 0;
    const silent: WorkerLike[] = [];
    const host = createWorkerHost(() => {
      spawned++;
      const fake = fakeWorker(handler());
      if (spawned === 1) {
        fake.worker.postMessage = () => {}; // never answers
        silent.push(fake.worker);
      }
      return fake.worker;
    });
    const held = host.run({ kind: 'info', providerId: 'openai' });
    silent[0]!.onerror?.({ message: 'out of memory' } as ErrorEvent);
    await expect(held).rejects.toThrow(/catalog worker failed: out of memory/);
    expect((await host.run({ kind: 'info', providerId: 'openai' })).id).toBe('openai');
    expect(spawned).toBe(2);
  });
});

describe('in-process fallback', () => {
  it('is what catalogHost() runs where there is no Worker (Node), with the same reporting', async () => {
    expect(typeof Worker).toBe('undefined');
    const { catalogHost } = await import('./host');
    expect(catalogHost()).toBe(catalogHost());
    // Its handler reads the app's own base URL, which Node cannot fetch: reported by file.
    const error = (await catalogHost()
      .run({ kind: 'info', providerId: 'openai' })
      .catch((e: unknown) => e)) as CatalogLoadError;
    expect(error).toBeInstanceOf(CatalogLoadError);
    expect(error.file).toBe('openai.json');
    expect(error.problems[0]?.message).toMatch(/^could not be fetched/);
  });
});
