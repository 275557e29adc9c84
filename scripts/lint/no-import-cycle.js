/**
 * ESLint rule `local/no-import-cycle`: no module may reach itself through its own imports.
 *
 * Every relative import counts: values, `import type` / `import { type X }`, `export … from`,
 * `typeof import('…')` and dynamic `import()`. `import-x/no-cycle` skips type-only imports
 * unconditionally (eslint-plugin-import-x 4.x has no option for them), yet a type-only cycle
 * still means two modules cannot be understood or moved apart, so this rule counts them.
 *
 * Other files are read with TypeScript's `preProcessFile` (imports only, no type check) and
 * cached by modification time. Package imports are ignored: a package cannot import us back.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '/index.ts', '/index.tsx'];

/** @type {Map<string, { mtimeMs: number, deps: string[] }>} */
const cache = new Map();

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file a relative specifier points at, or undefined (packages, missing files). */
function resolveSpecifier(fromFile, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const base = resolve(dirname(fromFile), specifier);
  return EXTENSIONS.map((ext) => base + ext).find(isFile);
}

/** The files `file` imports (relative imports of every kind), cached by mtime. */
function dependenciesOf(file) {
  let mtimeMs;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.deps;
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const deps = [
    ...new Set(info.importedFiles.map((f) => resolveSpecifier(file, f.fileName)).filter(Boolean)),
  ];
  cache.set(file, { mtimeMs, deps });
  return deps;
}

/** The shortest import path from `start` back to `target` (both included), or undefined. */
function pathBack(start, target) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === target) {
      const path = [];
      for (let at = file; at !== undefined; at = previous.get(at)) path.unshift(at);
      return path;
    }
    for (const dep of dependenciesOf(file)) {
      if (previous.has(dep)) continue;
      previous.set(dep, file);
      queue.push(dep);
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, type-only and dynamic imports included.' },
    schema: [],
    messages: {
      cycle:
        'Import cycle: {{cycle}}. Move what both sides need into a module that imports neither.',
    },
  },
  create(context) {
    const file = context.physicalFilename;
    const root = context.cwd;
    const check = (node) => {
      if (!node || typeof node.value !== 'string') return;
      const target = resolveSpecifier(file, node.value);
      if (target === undefined || target === file) return;
      const back = pathBack(target, file);
      if (!back) return;
      const cycle = [file, ...back].map((f) => relative(root, f)).join(' → ');
      context.report({ node, messageId: 'cycle', data: { cycle } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.literal),
    };
  },
};
