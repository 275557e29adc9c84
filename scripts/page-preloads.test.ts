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
  it("names a route's chunks and their imports, not what the entry already loads", () => {
    expect(pagePreloads(manifest, ['__root__', '/simulate'])).toEqual([
      '/assets/simulate-page.js',
      '/assets/format.js',
      '/assets/d3.js',
    ]);
  });

  it('fails for a route nobody listed, and for a module the build does not have', () => {
    expect(() => pagePreloads(manifest, ['__root__', '/nowhere'])).toThrow(
      /route \/nowhere has no entry/,
    );
    expect(() => pagePreloads(manifest, ['__root__', '/compare'])).toThrow(
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
