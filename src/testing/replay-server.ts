/** Node-only: serve the replay handlers over real HTTP on 127.0.0.1 (tests and the results script). */
import { createServer } from '@mswjs/http-middleware';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseCatalogIndex, parseProviderCatalog } from '../core/catalog/parse';
import type { ProviderCatalog } from '../core/catalog/schema';
import { createReplayHandlers, type ReplayRegistry } from '../mocks/replay-handlers';

export interface ReplayServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly registry: ReplayRegistry;
  close(): Promise<void>;
}

/**
 * Bind an ephemeral loopback port, then answer it with the replay handlers through
 * `@mswjs/http-middleware` (`msw/node`'s `setupServer` hangs when a retrying SDK cancels a
 * mocked body on Node 20).
 */
export async function startReplayServer(): Promise<ReplayServer> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  if (address.address !== '127.0.0.1') throw new Error(`bound to ${address.address}`);
  const origin = `http://127.0.0.1:${address.port}`;
  const { handlers, registry } = createReplayHandlers({ origin });
  server.on('request', createServer(...handlers) as unknown as http.RequestListener);
  return {
    origin,
    registry,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const catalogDir = join(import.meta.dirname, '../../public/catalogs');

/** The shipped catalogs by id, validated. */
export function loadCatalogMap(): Map<string, ProviderCatalog> {
  const read = (file: string) => readFileSync(join(catalogDir, file), 'utf8');
  const index = parseCatalogIndex('index.json', read('index.json'));
  return new Map(
    index.providers.map((p) => [p.id, parseProviderCatalog(`${p.id}.json`, read(`${p.id}.json`))]),
  );
}
