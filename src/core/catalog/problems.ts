/**
 * Problems in words, for people editing JSON: JSON paths, line and column of a syntax error, and
 * each validation issue described. No zod at run time (its issue type only), so the home page's
 * summary check words its problems exactly as the schema does.
 */
import type * as z from 'zod/mini';
import { CatalogLoadError } from './load-error';

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

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const generic = 'Invalid input';

/** zod/mini ships no message locale: we word the problems ourselves, for people editing JSON. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.message && issue.message !== generic) return issue.message;
  const got = () => describeValue(valueAt(data, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(data, issue.path) === undefined
        ? `is required (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${got()}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `must have at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'item' : 'character'}${Number(issue.minimum) === 1 ? '' : 's'}`
        : `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}, got ${got()}`;
    case 'too_big':
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}, got ${got()}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${got()}`;
    case 'invalid_format':
      return `must be a valid ${issue.format === 'url' ? 'URL' : issue.format}; got ${got()}`;
    case 'unrecognized_keys':
      return `has unknown keys: ${issue.keys.join(', ')}`;
    default:
      return `is not valid (${issue.code}); got ${got()}`;
  }
}
