/**
 * The production build the bench measures in Chromium: `npm run build` (so whatever the build
 * script does, prerendering included, is what gets measured), served by `vite preview` on a free
 * loopback port with the same headers as `npm run preview`. The build is made for the origin it
 * is served from (SITE_URL), so canonical links and the sitemap point at the measured site, as
 * they do when deployed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';

/**
 * The loopback port the bench serves the build on (fixed, since the build needs its origin;
 * BENCH_PORT moves it, so two checkouts can bench side by side).
 */
export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4391);
export const benchOrigin = `http://127.0.0.1:${BENCH_PORT}`;

export function buildApp(root: string) {
  const t0 = performance.now();
  const run = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SITE_URL: benchOrigin },
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`npm run build failed (exit ${run.status})`);
  }
  return performance.now() - t0;
}

export async function serveBuild(root: string) {
  const server = await preview({
    root,
    preview: { port: BENCH_PORT, strictPort: true, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite preview gave no URL');
  return {
    base,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}

/** What the prerender step of the build wrote to dist/prerender-stats.json, if it ran. */
export function prerenderStats(root: string): { pages: number; ms: number } | null {
  const file = join(root, 'dist', 'prerender-stats.json');
  if (!existsSync(file)) return null;
  const stats: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (
    typeof stats === 'object' &&
    stats !== null &&
    'pages' in stats &&
    'ms' in stats &&
    typeof stats.pages === 'number' &&
    typeof stats.ms === 'number'
  )
    return { pages: stats.pages, ms: stats.ms };
  throw new Error(`${file} is not { pages: number, ms: number }`);
}
