/**
 * Test-only helpers for the exporters: TypeScript syntax and type checks through the compiler
 * API, a structural check of Python source (brackets, indentation, block headers), `ast.parse`
 * through a local `python3` when one is installed, and small parsers for the values in the
 * generated code. Not imported by the app.
 */

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// ---------------------------------------------------------------------------------------------
// TypeScript

/** Syntax errors only (`transpileModule` does not resolve imports or check types). */
export function tsSyntaxErrors(code: string): string[] {
  const out = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** The generated code, transpiled to CommonJS (for running it with stubbed modules). */
export function tsToCommonJs(code: string): string {
  return ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS },
  }).outputText;
}

/**
 * Declarations of the libraries that are not installed here, written from their sources
 * (cockatiel 3.x/4.0 `src/`, p-retry 7 `index.d.ts`). Enough to type-check generated code.
 */
export const LIBRARY_STUBS: Readonly<Record<string, string>> = {
  cockatiel: `
export interface IBackoff<T> { readonly duration: number; next(context: T): IBackoff<T> | undefined; }
export interface IBackoffFactory<T> { next(context: T): IBackoff<T> | undefined; }
export type GeneratorFn<S> = (state: S | undefined, options: IExponentialBackoffOptions<S>) => [number, S];
export interface IExponentialBackoffOptions<S> { generator: GeneratorFn<S>; maxDelay: number; exponent: number; initialDelay: number; }
export declare const noJitterGenerator: GeneratorFn<number>;
export declare const fullJitterGenerator: GeneratorFn<number>;
export declare const halfJitterGenerator: GeneratorFn<number>;
export declare const decorrelatedJitterGenerator: GeneratorFn<[number, number]>;
export declare class ExponentialBackoff<S> implements IBackoffFactory<unknown> {
  constructor(options?: Partial<IExponentialBackoffOptions<S>>);
  next(): IBackoff<unknown>;
}
export declare class ConstantBackoff implements IBackoffFactory<unknown> {
  constructor(interval: number, limit?: number);
  next(): IBackoff<unknown> | undefined;
}
export type DelegateBackoffFn<T, S = void> = (context: T, state?: S) => { delay: number; state: S } | number | undefined;
export declare class DelegateBackoff<T, S = void> implements IBackoffFactory<T> {
  constructor(fn: DelegateBackoffFn<T, S>);
  next(context: T): IBackoff<T> | undefined;
}
export type FailureReason<R> = { error: Error } | { value: R };
export interface IRetryContext { attempt: number; signal: AbortSignal; }
export interface IRetryBackoffContext<R> extends IRetryContext { result: FailureReason<R>; }
export interface IPolicy<C = unknown> { execute<T>(fn: (context: C) => PromiseLike<T> | T, signal?: AbortSignal): Promise<T>; }
export declare class Policy { private readonly brand: true; }
export declare const handleAll: Policy;
export declare function handleWhen(predicate: (error: Error) => boolean): Policy;
export interface IRetryPolicyConfig { maxAttempts?: number; backoff?: IBackoffFactory<IRetryBackoffContext<unknown>>; }
export declare class RetryPolicy implements IPolicy<IRetryContext> {
  execute<T>(fn: (context: IRetryContext) => PromiseLike<T> | T, signal?: AbortSignal): Promise<T>;
}
export declare function retry(policy: Policy, opts: IRetryPolicyConfig): RetryPolicy;
export declare enum TimeoutStrategy { Cooperative = 'optimistic', Aggressive = 'aggressive' }
export declare class TimeoutPolicy implements IPolicy<{ signal: AbortSignal }> {
  execute<T>(fn: (context: { signal: AbortSignal }) => PromiseLike<T> | T, signal?: AbortSignal): Promise<T>;
}
export declare function timeout(duration: number, strategy: TimeoutStrategy): TimeoutPolicy;
export declare function wrap(...policies: IPolicy<any>[]): IPolicy<IRetryContext>;
export declare class TaskCancelledError extends Error {}
`,
  'p-retry': `
export type RetryContext = {
  readonly error: Error;
  readonly attemptNumber: number;
  readonly retriesLeft: number;
  readonly retriesConsumed: number;
};
export type Options = {
  readonly onFailedAttempt?: (context: RetryContext) => void | Promise<void>;
  readonly shouldRetry?: (context: RetryContext) => boolean | Promise<boolean>;
  readonly shouldConsumeRetry?: (context: RetryContext) => boolean | Promise<boolean>;
  readonly retries?: number;
  readonly factor?: number;
  readonly minTimeout?: number;
  readonly maxTimeout?: number;
  readonly randomize?: boolean;
  readonly maxRetryTime?: number;
  readonly signal?: AbortSignal;
  readonly unref?: boolean;
};
export default function pRetry<T>(input: (attemptNumber: number) => PromiseLike<T> | T, options?: Options): Promise<T>;
`,
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Type-check several generated files in one program, under strict settings (strict,
 * noUncheckedIndexedAccess, noUnused*). Installed packages (openai, @anthropic-ai/sdk) resolve
 * from node_modules; cockatiel and p-retry use {@link LIBRARY_STUBS}. Returns errors per name.
 */
export function tsTypeErrors(files: Readonly<Record<string, string>>): Record<string, string[]> {
  const dir = resolve(ROOT, 'src/__export_check__');
  const virtual = new Map<string, string>();
  const nameOf = new Map<string, string>();
  Object.entries(files).forEach(([name, code], i) => {
    const path = resolve(dir, `file${i}.ts`);
    virtual.set(path, code);
    nameOf.set(path, name);
  });
  const stubPaths: Record<string, string[]> = {};
  for (const [mod, text] of Object.entries(LIBRARY_STUBS)) {
    const path = resolve(dir, `stubs/${mod}.d.ts`);
    virtual.set(path, text);
    stubPaths[mod] = [path];
  }
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noUncheckedIndexedAccess: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitReturns: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    paths: stubPaths,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    return getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  host.fileExists = (fileName) => virtual.has(resolve(fileName)) || fileExists(fileName);
  host.readFile = (fileName) => virtual.get(resolve(fileName)) ?? readFile(fileName);
  const roots = [...nameOf.keys()];
  const program = ts.createProgram({ rootNames: roots, options, host });
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(files)) out[name] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const path = d.file ? resolve(d.file.fileName) : '';
    const name = nameOf.get(path) ?? '(global)';
    const where =
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const msg = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    (out[name] ??= []).push(where ? `${where.line + 1}:${where.character + 1} ${msg}` : msg);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Python

/** Replace string literals and comments by blanks, keeping line structure. */
export function stripPythonStrings(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const c = code[i] ?? '';
    if (c === '#') {
      while (i < code.length && code[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const triple = code.slice(i, i + 3) === c.repeat(3);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < code.length && code.slice(j, j + quote.length) !== quote) {
        if (code[j] === '\\') j++;
        if (!triple && code[j] === '\n') throw new Error(`unterminated string at ${i}`);
        j++;
      }
      if (j >= code.length) throw new Error(`unterminated string at ${i}`);
      const body = code.slice(i, j + quote.length);
      out += 'S' + body.replace(/[^\n]/g, '');
      i = j + quote.length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * Structural problems in Python source: unbalanced or mismatched brackets, tabs, indentation
 * that is not a multiple of 4 or jumps by more than one level, block headers without a colon or
 * body, and lines after a backslash. Empty when the structure is sound.
 */
export function pythonStructureProblems(code: string): string[] {
  const problems: string[] = [];
  let stripped: string;
  try {
    stripped = stripPythonStrings(code);
  } catch (e) {
    return [(e as Error).message];
  }
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  const lines = stripped.split('\n');
  let prevIndent = 0;
  let expectIndent = false;
  lines.forEach((line, n) => {
    const depthAtStart = stack.length;
    if (line.includes('\t')) problems.push(`line ${n + 1}: tab`);
    if (/\\\s*$/.test(line)) problems.push(`line ${n + 1}: backslash continuation`);
    for (const ch of line) {
      if (ch === '(' || ch === '[' || ch === '{') stack.push(ch);
      const open = pairs[ch];
      if (open !== undefined) {
        if (stack.pop() !== open) problems.push(`line ${n + 1}: mismatched ${ch}`);
      }
    }
    if (line.trim() === '' || depthAtStart > 0) return;
    const indent = line.length - line.trimStart().length;
    if (indent % 4 !== 0) problems.push(`line ${n + 1}: indent ${indent}`);
    if (expectIndent && indent !== prevIndent + 4)
      problems.push(`line ${n + 1}: block has no body`);
    if (!expectIndent && indent > prevIndent) problems.push(`line ${n + 1}: unexpected indent`);
    const header = /^\s*(def|class|if|elif|else|for|while|try|except|finally|with)\b/.test(line);
    const closes = stack.length === 0;
    if (header && closes && !/:\s*$/.test(line))
      problems.push(`line ${n + 1}: block header without colon`);
    expectIndent = header && closes && /:\s*$/.test(line);
    prevIndent = indent;
  });
  if (stack.length > 0) problems.push(`unclosed ${stack.join('')}`);
  return problems;
}

/** `ast.parse` each source with python3; the error (or null) per name. */
export function pythonParseErrors(
  sources: Readonly<Record<string, string>>,
): Record<string, string | null> {
  const script = [
    'import ast, json, sys',
    'out = {}',
    'for name, src in json.load(sys.stdin).items():',
    '    try:',
    '        ast.parse(src)',
    '        out[name] = None',
    '    except SyntaxError as e:',
    '        out[name] = f"{e.lineno}: {e.msg}"',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], {
    input: JSON.stringify(sources),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, string | null>;
}

/**
 * Run generated Python with a stand-in `tenacity` module (every name is an inert object that
 * supports `+`, `|` and calls, and `retry(...)` returns its function unchanged), then run
 * `probe` in the same namespace and return what it prints.
 */
export function runPythonWithFakeTenacity(code: string, probe: string): string {
  const fake = [
    'import sys, types',
    'class _Inert:',
    '    def __init__(self, *a, **k): pass',
    '    def __call__(self, *a, **k):',
    '        return a[0] if len(a) == 1 and callable(a[0]) and not k else _Inert()',
    '    def __add__(self, other): return _Inert()',
    '    def __or__(self, other): return _Inert()',
    'mod = types.ModuleType("tenacity")',
    'mod.__getattr__ = lambda name: _Inert()',
    'def _retry(*a, **k):',
    '    return lambda fn: fn',
    'mod.retry = _retry',
    'sys.modules["tenacity"] = mod',
  ].join('\n');
  const script = `${fake}\nns = {"__name__": "generated"}\nexec(compile(sys.stdin.read(), "generated.py", "exec"), ns)\nexec(compile(${JSON.stringify(probe)}, "probe.py", "exec"), ns)\n`;
  const r = spawnSync('python3', ['-c', script], { input: code, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

// ---------------------------------------------------------------------------------------------
// Reading values back from generated code

/** The argument lists of every call to `fn(...)` (outermost parentheses, nested ones kept). */
export function callArgs(code: string, fn: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`(?<![\\w.])${fn.replace(/[.$]/g, '\\$&')}\\(`, 'g');
  for (let m = re.exec(code); m; m = re.exec(code)) {
    let depth = 1;
    let j = m.index + m[0].length;
    const start = j;
    while (j < code.length && depth > 0) {
      const ch = code[j];
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      if (ch === ')' || ch === ']' || ch === '}') depth--;
      j++;
    }
    out.push(code.slice(start, j - 1));
  }
  return out;
}

/** `multiplier=0.5, max=8` → `{ multiplier: 0.5, max: 8 }` (numeric keyword arguments; comments skipped). */
export function numericKwargs(args: string): Record<string, number> {
  const out: Record<string, number> = {};
  const code = args.replace(/(#|\/\/).*$/gm, ''); // comments
  for (const m of code.matchAll(/(\w+)\s*[=:]\s*(-?[\d_.]+(?:e[+-]?\d+)?|Infinity)/gi)) {
    const key = m[1] ?? '';
    const raw = (m[2] ?? '').replace(/_/g, '');
    out[key] = raw === 'Infinity' ? Number.POSITIVE_INFINITY : Number(raw);
  }
  return out;
}
