/**
 * The most notable disagreements among the chosen providers, for a summary panel.
 *
 * Taken from both matrices without repeating a fact: retry advice, meaning, wait and SDK findings
 * from status mode (where they are most precise: same status and category), `status` findings
 * from category mode (one per condition, rather than one per status row it appears in).
 *
 * Ranked by severity, then by how many providers the finding involves, then by kind (advice,
 * status, meaning, sdk, wait: the order in which they bite), then by row order.
 */
import type { ProviderCatalog } from '../catalog/schema';
import { buildMatrix } from './matrix';
import type { Disagreement, DisagreementKind, Matrix, Severity } from './types';

export interface NotableOptions {
  /** At most this many findings. Default 8. */
  limit?: number;
  /** Drop findings below this severity. Default `'low'` (keep all). */
  minSeverity?: Severity;
}

const severityRank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
const kindRank: Record<DisagreementKind, number> = {
  advice: 0,
  status: 1,
  meaning: 2,
  sdk: 3,
  wait: 4,
};

const involved = (d: Disagreement) => d.positions.reduce((n, p) => n + p.providerIds.length, 0);

export function notableDisagreements(
  catalogs: readonly ProviderCatalog[],
  providerIds?: readonly string[],
  options: NotableOptions = {},
): Disagreement[] {
  return notableFromMatrices(
    buildMatrix(catalogs, { providerIds, mode: 'status' }),
    buildMatrix(catalogs, { providerIds, mode: 'category' }),
    options,
  );
}

/**
 * The same, from the two matrices of the chosen providers when the caller has them already (the
 * compare page shows one of them), so nothing is built twice.
 */
export function notableFromMatrices(
  byStatus: Matrix,
  byCategory: Matrix,
  options: NotableOptions = {},
): Disagreement[] {
  const { limit = 8, minSeverity = 'low' } = options;
  const candidates = [
    ...byStatus.rows.flatMap((r) => r.disagreements.filter((d) => d.kind !== 'status')),
    ...byCategory.rows.flatMap((r) => r.disagreements.filter((d) => d.kind === 'status')),
  ];
  return candidates
    .map((d, order) => ({ d, order }))
    .filter(({ d }) => severityRank[d.severity] <= severityRank[minSeverity])
    .sort(
      (a, b) =>
        severityRank[a.d.severity] - severityRank[b.d.severity] ||
        involved(b.d) - involved(a.d) ||
        kindRank[a.d.kind] - kindRank[b.d.kind] ||
        a.order - b.order,
    )
    .slice(0, Math.max(0, limit))
    .map(({ d }) => d);
}
