/**
 * The rules of index.json and summary.json without zod, as plain functions: `light-check.ts` words
 * their problems, and the page runs them on its two first files without loading any wording
 * unless something is wrong. They follow the zod/mini schemas in `schema.ts` and `summary.ts`
 * rule for rule; a property test holds the two to the same answers.
 */
import {
  categories,
  dateMessage,
  datePattern,
  retryAdvices,
  slugMessage,
  slugPattern,
} from './enums';
import type { CatalogIndex } from './schema';
import type { CatalogSummary } from './summary';

export type Path = (string | number)[];
/** `fatal`: a wrong type or value, after which zod runs no refinements (a failed check is not). */
export type Issue = Record<string, unknown> & {
  code: string;
  path: Path;
  message?: string;
  fatal?: true;
};
/** Checks a value, records its issues, and returns what zod would output (unknown keys dropped). */
type Rule = (value: unknown, path: Path, issues: Issue[]) => unknown;

const lengthOf = (v: unknown) =>
  typeof v === 'string' || Array.isArray(v) ? (v as string | unknown[]).length : undefined;

/** zod's minLength: it also runs on a value of the wrong type, when that value has a length. */
function minLength(value: unknown, minimum: number, path: Path, issues: Issue[]) {
  const length = lengthOf(value);
  if (length !== undefined && length < minimum)
    issues.push({
      code: 'too_small',
      path,
      minimum,
      inclusive: true,
      origin: Array.isArray(value) ? 'array' : 'string',
    });
}

const typeIssue = (expected: string, path: Path): Issue => ({
  code: 'invalid_type',
  expected,
  path,
  fatal: true,
});

const string =
  (pattern?: RegExp, message?: string, min?: number): Rule =>
  (value, path, issues) => {
    if (typeof value !== 'string') issues.push(typeIssue('string', path));
    else if (pattern && !pattern.test(value))
      issues.push({ code: 'invalid_format', format: 'regex', path, message });
    if (min !== undefined) minLength(value, min, path, issues);
    return value;
  };

const text = string(undefined, undefined, 1);
const slug = string(slugPattern, slugMessage);
const date = string(datePattern, dateMessage);

const int =
  (min: number, max?: number): Rule =>
  (value, path, issues) => {
    if (typeof value !== 'number' || Number.isNaN(value)) {
      issues.push(typeIssue('number', path));
      return value;
    }
    if (!Number.isInteger(value)) {
      issues.push(typeIssue('int', path));
      return value;
    }
    const bound = (code: string, limit: number, origin: string) =>
      issues.push({
        code,
        path,
        origin,
        inclusive: true,
        ...(code === 'too_big' ? { maximum: limit } : { minimum: limit }),
      });
    if (value > Number.MAX_SAFE_INTEGER) bound('too_big', Number.MAX_SAFE_INTEGER, 'int');
    if (value < Number.MIN_SAFE_INTEGER) bound('too_small', Number.MIN_SAFE_INTEGER, 'int');
    if (value < min) bound('too_small', min, 'number');
    if (max !== undefined && value > max) bound('too_big', max, 'number');
    return value;
  };

const oneOf =
  (values: readonly string[]): Rule =>
  (value, path, issues) => {
    if (!values.includes(value as string))
      issues.push({ code: 'invalid_value', values, path, fatal: true });
    return value;
  };

const nullable =
  (rule: Rule): Rule =>
  (value, path, issues) =>
    value === null ? null : rule(value, path, issues);

const array =
  (item: Rule, min?: number): Rule =>
  (value, path, issues) => {
    let out = value;
    if (!Array.isArray(value)) issues.push(typeIssue('array', path));
    else out = value.map((v, i) => item(v, [...path, i], issues));
    if (min !== undefined) minLength(value, min, path, issues);
    return out;
  };

/** Keys ending in `?` are optional. */
const object =
  (shape: Record<string, Rule>): Rule =>
  (value, path, issues) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push(typeIssue('object', path));
      return value;
    }
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, rule] of Object.entries(shape)) {
      const key = name.replace(/\?$/, '');
      if (key !== name && input[key] === undefined) continue;
      out[key] = rule(input[key], [...path, key], issues);
    }
    return out;
  };

export const indexRule = object({
  '$schema?': string(),
  providers: array(object({ id: slug, name: text }), 1),
});

export const summaryRule = object({
  providers: array(
    object({
      id: slug,
      name: text,
      entryCount: int(0),
      lastVerified: date,
      errors: array(
        object({
          id: slug,
          status: nullable(int(100, 599)),
          title: text,
          category: oneOf(categories),
          advice: oneOf(retryAdvices),
          'wait?': text,
          providerCodes: array(text),
        }),
      ),
    }),
  ),
});

export interface Inspected<T> {
  /** What zod would output (unknown keys dropped); trust it only when `issues` is empty. */
  value: T;
  issues: Issue[];
}

function inspect<T>(data: unknown, rule: Rule, refine: (value: T, issues: Issue[]) => void) {
  const issues: Issue[] = [];
  const value = rule(data, [], issues) as T;
  // Like zod, the cross-field rules run unless a value had the wrong type.
  if (!issues.some((issue) => issue.fatal)) refine(value, issues);
  return { value, issues };
}

/** index.json's parsed data against `catalogIndexSchema`'s rules. */
export function inspectCatalogIndex(data: unknown): Inspected<CatalogIndex> {
  return inspect<CatalogIndex>(data, indexRule, (index, issues) => {
    const seen = new Map<string, number>();
    index.providers.forEach((provider, i) => {
      const first = seen.get(provider.id);
      if (first === undefined) seen.set(provider.id, i);
      else
        issues.push({
          code: 'custom',
          path: ['providers', i, 'id'],
          message: `provider "${provider.id}" is listed twice (first at providers[${first}])`,
        });
    });
  });
}

/** summary.json's parsed data against `catalogSummarySchema`'s rules. */
export function inspectCatalogSummary(data: unknown): Inspected<CatalogSummary> {
  return inspect<CatalogSummary>(data, summaryRule, (summary, issues) => {
    summary.providers.forEach((p, i) => {
      if (p.entryCount !== p.errors.length)
        issues.push({
          code: 'custom',
          path: ['providers', i, 'entryCount'],
          message: `is ${p.entryCount} but the provider lists ${p.errors.length} entries`,
        });
    });
  });
}
