/** Compare (`/compare`): choices, export, disagreements that bite, matrix and side by side. */
import { useMemo } from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { buildMatrix, differingRows } from '../../core/compare/matrix';
import { maxSideBySide, sideBySide } from '../../core/compare/side-by-side';
import { toCsv, toMarkdown } from '../../core/compare/export';
import { useAllCatalogs } from '../../lib/use-all-catalogs';
import { downloadText } from '../../lib/download';
import { CatalogCoverage, UrlProblems } from '../../components/catalog-error';
import { CopyButton } from '../../components/copy-button';
import { toolbarButtonClass } from '../../components/form-styles';
import { useDocumentTitle } from '../../components/use-document-title';
import type { CompareSearch } from './search-params';
import { joinList, resolveCompare } from './resolve-search';
import { MatrixTable } from './matrix-table';
import { NotableDisagreements } from './notable-disagreements';
import { SideBySidePanel } from './side-by-side-panel';

const route = getRouteApi('/compare');
const seedProviders = ['openai', 'wandb', 'fireworks', 'cerebras', 'humanloop'];

export function ComparePage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { providers, catalogs } = useAllCatalogs();
  useDocumentTitle('Compare providers');

  const knownIds = useMemo(() => catalogs.map((c) => c.id), [catalogs]);
  const state = useMemo(() => resolveCompare(search, knownIds), [search, knownIds]);
  const matrix = useMemo(
    () => buildMatrix(catalogs, { providerIds: state.providerIds, mode: state.mode }),
    [catalogs, state.providerIds, state.mode],
  );
  const rows = useMemo(
    () => (state.onlyDiffering ? differingRows(matrix) : matrix.rows),
    [matrix, state.onlyDiffering],
  );
  const update = (patch: Partial<CompareSearch>) =>
    void navigate({ search: (prev: CompareSearch) => ({ ...prev, ...patch }), replace: true });
  const allChosen = state.providerIds.length === knownIds.length;
  const setProviders = (ids: string[]) =>
    update({
      providers:
        ids.length === knownIds.length || ids.length === 0
          ? undefined
          : joinList(knownIds.filter((id) => ids.includes(id))),
    });

  const row = state.row ? matrix.rows.find((r) => r.key === state.row) : undefined;
  const rowProblem =
    state.row && !row
      ? `"row=${state.row}" is not a row of this ${state.mode} view; side by side is closed.`
      : null;
  const sideIds = useMemo(() => {
    if (!row) return [];
    if (state.side) return state.side;
    const documented = row.cells
      .filter((c) => c.entries.length > 0 || c.inStream.length > 0)
      .map((c) => c.providerId);
    const pool = documented.length >= 2 ? documented : state.providerIds;
    return pool.slice(0, maxSideBySide);
  }, [row, state.side, state.providerIds]);
  const side = useMemo(
    () => (row && sideIds.length >= 2 ? sideBySide(catalogs, sideIds, row.key, state.mode) : null),
    [catalogs, row, sideIds, state.mode],
  );

  // The exports are built when asked for, not on every render: most visits never copy.
  const exportOptions = { onlyDiffering: state.onlyDiffering };
  const downloadCsv = () =>
    downloadText(
      `llm-errors-by-${state.mode}.csv`,
      toCsv(matrix, exportOptions),
      'text/csv;charset=utf-8',
    );

  const problems = [...state.problems, ...(rowProblem ? [rowProblem] : [])];
  const caption = `${rows.length} of ${matrix.rows.length} ${state.mode === 'status' ? 'statuses' : 'categories'} across ${matrix.providers.length} providers${
    state.onlyDiffering ? ', only where they differ' : ''
  }. Rows marked ⚠ differ.`;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Compare providers</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          The same status can mean different things, and the same condition can arrive under
          different statuses. Each cell shows what a provider documents for a row, with its retry
          advice; rows where the chosen providers disagree are marked.
        </p>
      </header>

      <UrlProblems problems={problems} />
      <CatalogCoverage
        providers={providers}
        consequence="They are left out of the comparison until they load."
      />

      <section aria-label="Comparison settings" className="grid gap-4 md:grid-cols-[1fr_auto]">
        <fieldset className="min-w-0">
          <legend className="text-sm font-semibold">
            Providers ({state.providerIds.length} of {knownIds.length})
          </legend>
          <div className="mt-1 flex flex-wrap gap-2">
            <button
              type="button"
              className={toolbarButtonClass}
              disabled={allChosen}
              onClick={() => setProviders(knownIds)}
            >
              All
            </button>
            <button
              type="button"
              className={toolbarButtonClass}
              onClick={() => setProviders(seedProviders.filter((id) => knownIds.includes(id)))}
            >
              The five seed providers
            </button>
          </div>
          <div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3 lg:grid-cols-4">
            {providers
              .filter((p) => p.catalog)
              .map((p) => {
                const checked = state.providerIds.includes(p.id);
                return (
                  <label key={p.id} className="inline-flex items-center gap-1.5">
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={checked && state.providerIds.length === 1}
                      onChange={() =>
                        setProviders(
                          checked
                            ? state.providerIds.filter((id) => id !== p.id)
                            : [...state.providerIds, p.id],
                        )
                      }
                    />
                    {p.name}
                  </label>
                );
              })}
          </div>
        </fieldset>
        <div className="space-y-3">
          <fieldset>
            <legend className="text-sm font-semibold">Rows</legend>
            <div className="mt-1 flex gap-4 text-sm">
              {(['status', 'category'] as const).map((mode) => (
                <label key={mode} className="inline-flex items-center gap-1.5">
                  <input
                    type="radio"
                    name="mode"
                    value={mode}
                    checked={state.mode === mode}
                    onChange={() =>
                      update({
                        mode: mode === 'status' ? undefined : mode,
                        row: undefined,
                        side: undefined,
                      })
                    }
                  />
                  {mode === 'status' ? 'By status code' : 'By category'}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={state.onlyDiffering}
              onChange={(e) => update({ only: e.target.checked ? 'diff' : undefined })}
            />
            Only rows where the chosen providers differ
            <span className="text-xs text-slate-600 dark:text-slate-400">
              (a status only some of them document counts as a difference)
            </span>
          </label>
          <div className="flex flex-wrap gap-2" role="group" aria-label="Export">
            <CopyButton text={() => toMarkdown(matrix, exportOptions)} label="Copy as Markdown" />
            <CopyButton text={() => toCsv(matrix, exportOptions)} label="Copy as CSV" />
            <button type="button" className={toolbarButtonClass} onClick={downloadCsv}>
              Download CSV
            </button>
          </div>
        </div>
      </section>

      {side && (
        <SideBySidePanel
          view={side}
          choices={matrix.providers}
          chosen={sideIds}
          onChoose={(ids) => update({ side: joinList(knownIds.filter((id) => ids.includes(id))) })}
          onClose={() => update({ row: undefined, side: undefined })}
          sdk={search.sdk}
          onSdk={(sdk) => update({ sdk })}
        />
      )}

      <NotableDisagreements
        catalogs={catalogs}
        shown={matrix}
        onSideBySide={(rowKey) => update({ row: rowKey, side: undefined })}
      />

      {rows.length === 0 ? (
        <p
          role="status"
          className="rounded-md border border-dashed border-slate-300 p-6 text-center dark:border-slate-700"
        >
          The chosen providers agree on every row. Turn off “only rows where they differ” to see
          them all.
        </p>
      ) : (
        <MatrixTable
          matrix={matrix}
          rows={rows}
          caption={caption}
          selectedRow={row?.key}
          onSideBySide={(key) => update({ row: key, side: undefined })}
        />
      )}
    </div>
  );
}
