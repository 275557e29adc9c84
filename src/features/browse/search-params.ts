/** The home page's URL search params and how they become search filters, bad values named. */
import type { Category, RetryAdvice } from '../../core/catalog/schema';
import {
  categoryList,
  retryAdviceList,
  statusClasses,
  type StatusClass,
} from '../../core/catalog/labels';
import type { SearchFilters } from '../../core/catalog/search';
import { stringParams, type StringParams } from '../../lib/string-params';

/** Lenient on purpose: an unknown value is reported on the page, not thrown away silently. */
export const homeSearchSchema = stringParams(['q', 'provider', 'status', 'category', 'retry']);

export type HomeSearch = StringParams<keyof typeof homeSearchSchema.shape>;

export interface ResolvedFilters {
  filters: SearchFilters;
  /** Problems with hand-edited values, each naming the parameter. */
  problems: string[];
}

function pick<T extends string>(
  param: string,
  value: string | undefined,
  allowed: readonly T[],
  problems: string[],
): T | undefined {
  if (value === undefined || value === '') return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(
    `"${param}=${value}" is not a known value (expected one of: ${allowed.join(', ')}); it is ignored.`,
  );
  return undefined;
}

export function resolveFilters(
  search: HomeSearch,
  providerIds: readonly string[],
): ResolvedFilters {
  const problems: string[] = [];
  const filters: SearchFilters = {
    provider: pick('provider', search.provider, providerIds, problems),
    statusClass: pick<StatusClass>('status', search.status, statusClasses, problems),
    category: pick<Category>('category', search.category, categoryList, problems),
    advice: pick<RetryAdvice>('retry', search.retry, retryAdviceList, problems),
  };
  return { filters, problems };
}

export function hasActiveSearch(search: HomeSearch): boolean {
  return Boolean(
    search.q?.trim() || search.provider || search.status || search.category || search.retry,
  );
}
