import { describe, expect, it } from 'vitest';
import { entryPreloads, type Manifest } from './page-preloads';

const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_framework.js'] },
  '_framework.js': { file: 'assets/framework.js', imports: ['_runtime.js'] },
  '_runtime.js': { file: 'assets/runtime.js', imports: ['_framework.js'] },
  'src/features/simulate/simulate-page.tsx': {
    file: 'assets/simulate-page.js',
    imports: ['_framework.js'],
  },
};

describe('entry preloads', () => {
  it("names the entry's imports, transitively, and not the entry script or a view", () => {
    expect(entryPreloads(manifest, (href) => href === '/assets/index.js')).toEqual([
      '/assets/framework.js',
      '/assets/runtime.js',
    ]);
  });

  it('fails on a manifest with no entry or a missing chunk', () => {
    expect(() => entryPreloads({}, () => false)).toThrow(/no entry/);
    expect(() =>
      entryPreloads(
        { 'index.html': { file: 'i.js', isEntry: true, imports: ['_gone.js'] } },
        () => false,
      ),
    ).toThrow(/_gone.js is not in the build manifest/);
  });
});
