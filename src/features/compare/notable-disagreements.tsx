/**
 * "Disagreements that bite": the most notable findings among the chosen providers, from both
 * modes' matrices. Its own component, so the other mode's matrix is built in a render of its own
 * (React yields between components while it hydrates) rather than in the page's.
 */
import { useMemo } from 'react';
import type { ProviderCatalog } from '../../core/catalog/schema';
import { buildMatrix } from '../../core/compare/matrix';
import { notableFromMatrices } from '../../core/compare/notable';
import type { Matrix } from '../../core/compare/types';

export function NotableDisagreements({
  catalogs,
  shown,
  onSideBySide,
}: {
  catalogs: readonly ProviderCatalog[];
  /** The matrix the page shows (its mode and providers). */
  shown: Matrix;
  onSideBySide: (rowKey: string) => void;
}) {
  const notable = useMemo(() => {
    const other = buildMatrix(catalogs, {
      providerIds: shown.providers.map((p) => p.id),
      mode: shown.mode === 'status' ? 'category' : 'status',
    });
    const [byStatus, byCategory] = shown.mode === 'status' ? [shown, other] : [other, shown];
    return notableFromMatrices(byStatus, byCategory, { limit: 6, minSeverity: 'high' });
  }, [catalogs, shown]);

  if (notable.length === 0) return null;
  return (
    <section
      aria-labelledby="notable-heading"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <h2 id="notable-heading" className="font-semibold">
        Disagreements that bite
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {notable.map((d, i) => (
          <li key={i}>
            {d.text}{' '}
            {d.mode === shown.mode && (
              <button type="button" className="underline" onClick={() => onSideBySide(d.rowKey)}>
                side by side
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
