/** Turns `/compare`'s URL params into providers, mode, row and side-by-side set; names bad ones. */
import { compareModes, type CompareMode } from '../../core/compare/types';
import { maxSideBySide, minSideBySide } from '../../core/compare/side-by-side';
import type { CompareSearch } from './search-params';

export interface CompareState {
  /** Chosen providers, in index order. */
  providerIds: string[];
  mode: CompareMode;
  onlyDiffering: boolean;
  row: string | undefined;
  /** 2–4 providers for the side-by-side view (derived when not given). */
  side: string[] | undefined;
  problems: string[];
}

const splitList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export const joinList = (ids: readonly string[]) => ids.join(',');

export function resolveCompare(search: CompareSearch, knownIds: readonly string[]): CompareState {
  const problems: string[] = [];
  const known = new Set(knownIds);
  const pickIds = (param: string, value: string | undefined) => {
    const ids = splitList(value);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0)
      problems.push(
        `"${param}" names unknown providers (${unknown.join(', ')}); they are ignored.`,
      );
    return knownIds.filter((id) => ids.includes(id));
  };

  let providerIds =
    search.providers === undefined ? [...knownIds] : pickIds('providers', search.providers);
  if (providerIds.length === 0) {
    if (search.providers !== undefined)
      problems.push('No known provider was chosen, so all are shown.');
    providerIds = [...knownIds];
  }

  let mode: CompareMode = 'status';
  if (search.mode !== undefined) {
    if ((compareModes as readonly string[]).includes(search.mode))
      mode = search.mode as CompareMode;
    else
      problems.push(
        `"mode=${search.mode}" is not a known mode (expected status or category); showing by status.`,
      );
  }

  let onlyDiffering = false;
  if (search.only !== undefined) {
    if (search.only === 'diff') onlyDiffering = true;
    else
      problems.push(
        `"only=${search.only}" is not understood (expected only=diff); showing every row.`,
      );
  }

  let side: string[] | undefined;
  if (search.side !== undefined) {
    const ids = pickIds('side', search.side);
    if (ids.length >= minSideBySide && ids.length <= maxSideBySide) side = ids;
    else
      problems.push(
        `"side" must name ${minSideBySide} to ${maxSideBySide} known providers; it names ${ids.length}.`,
      );
  }

  return { providerIds, mode, onlyDiffering, row: search.row || undefined, side, problems };
}
