/** The not-found view, with suggestions for a mistyped provider or error id. */
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { catalogIndexQueryOptions, providerCatalogQueryOptions } from '../lib/catalog-queries';
import { suggestEntries } from '../core/catalog/queries';
import { useDocumentTitle } from './use-document-title';

interface NotFoundData {
  kind?: 'provider' | 'error';
  providerId?: string;
  errorId?: string;
}

function asNotFoundData(data: unknown): NotFoundData {
  return typeof data === 'object' && data !== null ? (data as NotFoundData) : {};
}

function ProviderSuggestions() {
  const { data: index } = useQuery(catalogIndexQueryOptions());
  if (!index) return null;
  return (
    <nav aria-label="Known providers">
      <p className="mt-4">These providers have catalogs:</p>
      <ul className="mt-2 flex flex-wrap gap-2">
        {index.providers.map((p) => (
          <li key={p.id}>
            <Link to="/providers/$providerId" params={{ providerId: p.id }}>
              {p.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ErrorSuggestions({ providerId, errorId }: { providerId: string; errorId: string }) {
  const { data: catalog } = useQuery(providerCatalogQueryOptions(providerId));
  if (!catalog) return null;
  const suggestions = suggestEntries(catalog, errorId);
  return (
    <div className="mt-4">
      {suggestions.length > 0 && (
        <>
          <p>Did you mean one of these?</p>
          <ul className="mt-2 list-disc pl-6">
            {suggestions.map((e) => (
              <li key={e.id}>
                <Link
                  to="/providers/$providerId/errors/$errorId"
                  params={{ providerId, errorId: e.id }}
                >
                  {e.status ?? '—'} {e.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-4">
        Or see{' '}
        <Link to="/providers/$providerId" params={{ providerId }}>
          every {catalog.name} error
        </Link>
        .
      </p>
    </div>
  );
}

export function NotFoundPage({ data }: { data?: unknown }) {
  const info = asNotFoundData(data);
  const title =
    info.kind === 'error'
      ? `No error "${info.errorId}" at ${info.providerId}`
      : info.kind === 'provider'
        ? `No provider "${info.providerId}"`
        : 'Page not found';
  useDocumentTitle('Not found');
  return (
    <section aria-labelledby="not-found-title" className="max-w-2xl">
      <h1 id="not-found-title" className="text-2xl font-bold">
        {title}
      </h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {info.kind === 'error'
          ? 'This provider catalog has no entry with that id. Ids look like 429-rate_limit_exceeded.'
          : info.kind === 'provider'
            ? 'There is no catalog for that provider id.'
            : 'Nothing lives at this address.'}{' '}
        <Link to="/">Search all errors</Link> instead.
      </p>
      {info.kind === 'error' && info.providerId && info.errorId ? (
        <ErrorSuggestions providerId={info.providerId} errorId={info.errorId} />
      ) : (
        <ProviderSuggestions />
      )}
    </section>
  );
}
