/**
 * Callouts and problem lists for broken catalogs, URL values not understood and catalogs still loading.
 */
import { CatalogLoadError } from '../core/catalog/load-error';

/** Says exactly what is wrong with a catalog file: the file, the JSON path, the problem. */
export function CatalogProblems({
  error,
  providerName,
}: {
  error: Error;
  providerName?: string | undefined;
}) {
  if (!(error instanceof CatalogLoadError)) {
    return (
      <p>
        {providerName ? `${providerName}: ` : ''}
        {error.message}
      </p>
    );
  }
  const shown = error.problems.slice(0, 8);
  return (
    <div>
      <p>
        <code className="font-mono font-semibold">public/catalogs/{error.file}</code>
        {providerName ? ` (${providerName})` : ''} could not be used:
      </p>
      <ul className="mt-1 list-disc pl-6">
        {shown.map((p, i) => (
          <li key={i}>
            <code className="font-mono">{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
      {error.problems.length > shown.length && (
        <p>…and {error.problems.length - shown.length} more problems.</p>
      )}
    </div>
  );
}

export function Callout({
  tone,
  title,
  children,
}: {
  tone: 'error' | 'warning' | 'info';
  title: string;
  children: React.ReactNode;
}) {
  const styles = {
    error:
      'border-rose-300 bg-rose-50 text-rose-950 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-100',
    warning:
      'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100',
    info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-100',
  }[tone];
  return (
    <section
      aria-label={title}
      className={`rounded-md border p-3 text-sm ${styles}`}
      role={tone === 'error' ? 'alert' : undefined}
    >
      <h2 className="font-semibold">{title}</h2>
      <div className="mt-1">{children}</div>
    </section>
  );
}

/** Hand-edited link values that were not understood, each naming its parameter. */
export function UrlProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <Callout tone="warning" title="Some settings in the address were not understood">
      <ul className="list-disc pl-6">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </Callout>
  );
}

/** Catalogs that failed to load, each with what is wrong; the rest of the page goes on. */
export function FailedCatalogs({
  failed,
  consequence,
}: {
  failed: readonly { id: string; name: string; error?: Error | undefined }[];
  consequence: string;
}) {
  if (failed.length === 0) return null;
  return (
    <Callout
      tone="error"
      title={`${failed.length} ${failed.length === 1 ? 'catalog' : 'catalogs'} could not be loaded`}
    >
      <div className="space-y-2">
        {failed.map((p) => (
          <CatalogProblems
            key={p.id}
            error={p.error ?? new Error('unknown error')}
            providerName={p.name}
          />
        ))}
      </div>
      <p className="mt-2">{consequence}</p>
    </Callout>
  );
}

/**
 * Which catalogs a cross-provider view is working without: those that failed (each with what is
 * wrong) and those still loading (by name). The page shows what has arrived and fills in.
 */
export function CatalogCoverage({
  providers,
  consequence,
}: {
  providers: readonly { id: string; name: string; pending: boolean; error?: Error | undefined }[];
  consequence: string;
}) {
  const failed = providers.filter((p) => p.error);
  const loading = providers.filter((p) => p.pending);
  return (
    <>
      <FailedCatalogs failed={failed} consequence={consequence} />
      {loading.length > 0 && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          Still loading {loading.length} {loading.length === 1 ? 'catalog' : 'catalogs'} (
          {loading.map((p) => p.name).join(', ')}); what is shown fills in as they arrive.
        </p>
      )}
    </>
  );
}
