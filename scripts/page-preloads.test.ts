import { describe, expect, it } from 'vitest';
import { pagePreloads, routeModules, type Manifest } from './page-preloads';

const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_framework.js'] },
  '_framework.js': { file: 'assets/framework.js' },
  'src/features/simulate/simulate-page.tsx': {
    file: 'assets/simulate-page.js',
    imports: ['_framework.js', '_format.js'],
  },
  '_format.js': { file: 'assets/format.js', imports: ['_d3.js'] },
  '_d3.js': { file: 'assets/d3.js', imports: ['_format.js'] },
};

describe('page preloads', () => {
  const named = (href: string) => href === '/assets/index.js';

  it("names the framework and a route's chunks with their imports, not the entry script", () => {
    expect(pagePreloads(manifest, ['__root__', '/simulate'], named)).toEqual([
      '/assets/framework.js',
      '/assets/simulate-page.js',
      '/assets/format.js',
      '/assets/d3.js',
    ]);
    expect(pagePreloads(manifest, [], named)).toEqual(['/assets/framework.js']);
  });

  it('fails for a route nobody listed, and for a module the build does not have', () => {
    expect(() => pagePreloads(manifest, ['__root__', '/nowhere'], named)).toThrow(
      /route \/nowhere has no entry/,
    );
    expect(() => pagePreloads(manifest, ['__root__', '/compare'], named)).toThrow(
      /src\/features\/compare\/compare-page.tsx is not in the build manifest/,
    );
  });

  it('lists every route of the app', async () => {
    const { createAppRouter } = await import('../src/app/router');
    const { createAppQueryClient } = await import('../src/app/query-client');
    const router = createAppRouter(createAppQueryClient());
    const leaves = Object.values(router.routesById)
      .filter((route) => {
        const children = (route as { children?: readonly unknown[] }).children;
        return (children?.length ?? 0) === 0 && route.id !== '__root__';
      })
      .map((route) => route.id);
    expect(Object.keys(routeModules).sort()).toEqual(leaves.sort());
  });
});
