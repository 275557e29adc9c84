/**
 * The scripts the browser fetches alongside a page's entry script, named in its HTML as
 * `<link rel="modulepreload">`: the entry's static imports (the framework chunk), read from the
 * build's manifest (`build.manifest` in vite.config.ts). With `build.modulePreload` off (the
 * bundle carries no preload list of its own), Vite no longer writes these into index.html.
 *
 * A page's own view chunks are not preloaded, on purpose: measured with Lighthouse's mobile
 * preset (session 4 of issue 10), preloading them in the HTML slowed the first paint of every
 * prerendered page (LCP 1.7 → 2.2–2.4 s on the provider and error pages), because they share
 * the slow link with the page itself; the app loads them once it starts.
 */

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
 * The entry's static imports, transitively, leaving out what the HTML already names (`named`:
 * the entry script itself). Paths are as the HTML names them.
 */
export function entryPreloads(
  manifest: Manifest,
  named: (href: string) => boolean,
  base = '/',
): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the build manifest has no entry');
  const files = new Set<string>();
  chunkFiles(manifest, entry, files);
  return [...files].map((file) => `${base}${file}`).filter((href) => !named(href));
}
