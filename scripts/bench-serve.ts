/**
 * The production build the bench measures in Chromium: `npm run build` (so whatever the build
 * script does, prerendering included, is what gets measured), served by `vite preview` on a free
 * loopback port with the same headers as `npm run preview`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview } from 'vite';

export function buildApp(root: string) {
  const t0 = performance.now();
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`npm run build failed (exit ${run.status})`);
  }
  return performance.now() - t0;
}

export async function serveBuild(root: string) {
  const server = await preview({ root, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
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
