/**
 * The scripts a prerendered page starts with, named in its HTML as `<link rel="modulepreload">`:
 * the browser fetches them alongside the framework instead of one import after another once the
 * app starts (the bundle carries no preload list of its own: `build.modulePreload` is off).
 *
 * Which source modules a route starts with is listed here, by route id; the build's manifest
 * (`build.manifest` in vite.config.ts) turns each into its chunk and that chunk's static imports.
 * The prerender fails when a page's route is not listed or a listed module is not in the build,
 * and e2e/prerender.spec.ts checks that every script a page loads before it starts is named.
 */

/** Source modules each route imports lazily on its first render (its page, its loader's code). */
export const routeModules: Record<string, readonly string[]> = {
  '/': ['src/features/browse/home-page.tsx'],
  '/providers/$providerId': [
    'src/features/provider/provider-page.tsx',
    'src/lib/catalog-worker/host.ts',
  ],
  '/providers/$providerId/errors/$errorId': [
    'src/features/error-entry/error-page.tsx',
    'src/lib/catalog-worker/host.ts',
  ],
  '/compare': ['src/features/compare/compare-page.tsx', 'src/lib/catalog-worker/host.ts'],
  '/decode': ['src/features/decode/decode-page.tsx', 'src/lib/catalog-worker/host.ts'],
  '/simulate': ['src/features/simulate/simulate-page.tsx'],
  '/replay': [
    'src/features/replay/route-data.ts',
    'src/features/replay/replay-page.tsx',
    'src/lib/catalog-worker/host.ts',
  ],
};

/** What Vite's build manifest says of one chunk (https://vite.dev/guide/backend-integration). */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The chunk files a module needs before it runs: its own and its static imports', transitively. */
function chunkFiles(manifest: Manifest, key: string, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  if (into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const dep of chunk.imports ?? []) chunkFiles(manifest, dep, into);
}

/**
 * The files to preload for a page whose matched routes are `routeIds` (root first): the entry's
 * imports (the framework) and the route's modules with theirs, leaving out what the HTML already
 * names (`named`: the entry script itself). With `routeIds` empty, only the entry's imports (for
 * the shell of pages that are not prerendered). Paths are as the HTML names them.
 */
export function pagePreloads(
  manifest: Manifest,
  routeIds: readonly string[],
  named: (href: string) => boolean,
  base = '/',
): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the build manifest has no entry');
  const files = new Set<string>();
  chunkFiles(manifest, entry, files);
  if (routeIds.length > 0) {
    const leaf = routeIds[routeIds.length - 1]!;
    const modules = routeModules[leaf];
    if (!modules) {
      throw new Error(
        `route ${leaf} has no entry in scripts/page-preloads.ts: list the modules it loads`,
      );
    }
    for (const module of modules) chunkFiles(manifest, module, files);
  }
  return [...files].map((file) => `${base}${file}`).filter((href) => !named(href));
}
