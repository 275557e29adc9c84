import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it } from 'vitest';
import noImportCycle from './no-import-cycle.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Lint a throw-away folder of files with only `local/no-import-cycle` on; messages per file. */
async function lint(files: Record<string, string>): Promise<Record<string, string[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'no-import-cycle-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
        rules: { 'local/no-import-cycle': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(Object.keys(files));
  return Object.fromEntries(
    results.map((r) => [r.filePath.slice(dir.length + 1), r.messages.map((m) => m.message)]),
  );
}

describe('local/no-import-cycle', () => {
  it('reports a cycle made of type-only imports, on both sides, with the path', async () => {
    const out = await lint({
      'a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n",
      'b.ts': "import { type A } from './a';\nexport type B = { a?: A };\n",
    });
    expect(out['a.ts']).toEqual([
      'Import cycle: a.ts → b.ts → a.ts. Move what both sides need into a module that imports neither.',
    ]);
    expect(out['b.ts']).toEqual([
      'Import cycle: b.ts → a.ts → b.ts. Move what both sides need into a module that imports neither.',
    ]);
  });

  it('follows long paths, folders, re-exports and dynamic imports', async () => {
    const out = await lint({
      'x/index.ts': "export * from './y';\n",
      'x/y.ts': "export const y = () => import('../z');\n",
      'z.ts': "import { y } from './x';\nexport const z = y;\n",
    });
    expect(out['z.ts']).toEqual([
      'Import cycle: z.ts → x/index.ts → x/y.ts → z.ts. Move what both sides need into a module that imports neither.',
    ]);
    expect(out['x/index.ts']).toHaveLength(1);
    expect(out['x/y.ts']).toHaveLength(1);
  });

  it('accepts imports that point one way, and ignores packages', async () => {
    const out = await lint({
      'types.ts': "import type { Schema } from 'zod/mini';\nexport type T = Schema;\n",
      'quota.ts': "import type { T } from './types';\nexport const q = (t: T) => t;\n",
      'policy.ts':
        "import { q } from './quota';\nimport type { T } from './types';\nexport const p = (t: T) => q(t);\n",
    });
    expect(out).toEqual({ 'types.ts': [], 'quota.ts': [], 'policy.ts': [] });
  });
});
