/**
 * Turns the text of a catalog file into a validated catalog, or into a
 * precise account of what is wrong: the file, the JSON path, the problem.
 */
import type { z } from 'zod';
import {
  catalogIndexSchema,
  providerCatalogSchema,
  type CatalogIndex,
  type ProviderCatalog,
} from './schema';

export interface CatalogProblem {
  /** JSON path such as `errors[3].status`, or `(file)` for problems with the whole file. */
  path: string;
  message: string;
}

export class CatalogLoadError extends Error {
  readonly file: string;
  readonly problems: CatalogProblem[];

  constructor(file: string, problems: CatalogProblem[]) {
    const first = problems[0];
    super(
      first
        ? `${file}: ${first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`
        : `${file}: invalid`,
    );
    this.name = 'CatalogLoadError';
    this.file = file;
    this.problems = problems;
  }
}

/** `['errors', 3, 'status']` → `errors[3].status` */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function describeJsonSyntaxError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  if (text.trim() === '') return 'the file is empty';
  const position = /position (\d+)/.exec(raw);
  const alreadyHasLine = /line \d+/.test(raw);
  if (position && !alreadyHasLine) {
    const { line, column } = lineAndColumn(text, Number(position[1]));
    return `not valid JSON: ${raw} (line ${line}, column ${column})`;
  }
  return `not valid JSON: ${raw}`;
}

export function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CatalogLoadError(file, [
      { path: '(file)', message: describeJsonSyntaxError(text, error) },
    ]);
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.message;
}

function validate<T>(file: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new CatalogLoadError(
    file,
    result.error.issues.map((issue) => ({
      path: formatJsonPath(issue.path),
      message: describeIssue(issue),
    })),
  );
}

export function parseProviderCatalog(file: string, text: string): ProviderCatalog {
  return validate(file, providerCatalogSchema, parseJsonText(file, text));
}

export function parseCatalogIndex(file: string, text: string): CatalogIndex {
  return validate(file, catalogIndexSchema, parseJsonText(file, text));
}

/** Checks that a catalog's id matches the file it was listed under. */
export function checkCatalogId(
  file: string,
  expectedId: string,
  catalog: ProviderCatalog,
): ProviderCatalog {
  if (catalog.id !== expectedId) {
    throw new CatalogLoadError(file, [
      {
        path: 'id',
        message: `is "${catalog.id}" but the index lists this file as "${expectedId}"`,
      },
    ]);
  }
  return catalog;
}
