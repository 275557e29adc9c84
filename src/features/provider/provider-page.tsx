/** One provider's page: its errors, body shape, rate-limit headers, SDK defaults and sources. */
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { statusText } from '../../core/catalog/labels';
import { describeRange } from '../../core/sdk/version';
import { providerCatalogQueryOptions } from '../../lib/catalog-queries';
import { AdviceBadge, CategoryBadge } from '../../components/badges';
import { CodeBlock } from '../../components/code-block';
import { SourceLink, SourcesTable } from '../../components/sources';
import { captionClass, tableClass, td, tr } from '../../components/table-styles';
import { TableHead } from '../../components/table-head';
import { useDocumentTitle } from '../../components/use-document-title';
import { providerTitle } from '../../core/catalog/page-head';

const route = getRouteApi('/providers/$providerId');

export function ProviderPage() {
  const { providerId } = route.useParams();
  const { data: catalog } = useSuspenseQuery(providerCatalogQueryOptions(providerId));
  useDocumentTitle(providerTitle(catalog));

  return (
    <article className="space-y-8" aria-labelledby="provider-title">
      <header className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link to="/">All providers</Link> <span aria-hidden="true">›</span> {catalog.name}
        </nav>
        <h1 id="provider-title" className="text-2xl font-bold">
          {catalog.name} errors
        </h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">{catalog.summary}</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {catalog.errors.length} documented errors · last verified{' '}
          <time dateTime={catalog.lastVerified}>{catalog.lastVerified}</time> ·{' '}
          <a href={catalog.docsUrl} target="_blank" rel="noreferrer noopener">
            Provider docs
          </a>
        </p>
      </header>

      <section aria-label="Errors">
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <caption className={captionClass}>
              {catalog.errors.length} errors documented by {catalog.name}
            </caption>
            <TableHead
              columns={[
                'Status',
                'Error',
                { label: 'Type / code', className: 'hidden sm:table-cell' },
                { label: 'SDK exception', className: 'hidden md:table-cell' },
                { label: 'Category', className: 'hidden md:table-cell' },
                'Retry advice',
              ]}
            />
            <tbody>
              {catalog.errors.map((e) => (
                <tr key={e.id} className={tr}>
                  <td className={`${td} font-mono`}>{statusText(e)}</td>
                  <td className={td}>
                    <Link
                      to="/providers/$providerId/errors/$errorId"
                      params={{ providerId, errorId: e.id }}
                      className="font-medium"
                    >
                      {e.title}
                    </Link>
                    {e.providerCodes.length > 0 && (
                      <div className="font-mono text-xs break-all text-slate-600 sm:hidden dark:text-slate-400">
                        {e.providerCodes.join(', ')}
                      </div>
                    )}
                  </td>
                  <td className={`${td} hidden font-mono text-xs break-all sm:table-cell`}>
                    {e.providerCodes.join(', ') || '—'}
                  </td>
                  <td className={`${td} hidden font-mono text-xs md:table-cell`}>
                    {[...new Set(e.sdkExceptions.map((x) => x.className))].join(', ') || '—'}
                  </td>
                  <td className={`${td} hidden md:table-cell`}>
                    <CategoryBadge category={e.category} />
                  </td>
                  <td className={td}>
                    <AdviceBadge advice={e.retry.advice} />
                    {e.retry.wait && (
                      <div className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                        {e.retry.wait.text}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="body-heading" className="space-y-3">
        <h2 id="body-heading" className="text-lg font-semibold">
          Error body shape
        </h2>
        <p className="max-w-3xl">{catalog.bodyShape.description}</p>
        {catalog.bodyShape.fields.length > 0 && (
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <caption className="sr-only">Fields of a {catalog.name} error body</caption>
              <TableHead columns={['Field', 'Meaning']} />
              <tbody>
                {catalog.bodyShape.fields.map((f) => (
                  <tr key={f.path} className={tr}>
                    <td className={`${td} font-mono text-xs wrap-anywhere`}>{f.path}</td>
                    <td className={td}>{f.meaning}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CodeBlock
          label={`Example ${catalog.name} error body`}
          code={JSON.stringify(catalog.bodyShape.example, null, 2)}
        />
      </section>

      {catalog.headers.length > 0 && (
        <section aria-label="Headers">
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <caption className={captionClass}>Rate-limit and retry headers</caption>
              <TableHead columns={['Header', 'Meaning', 'Example']} />
              <tbody>
                {catalog.headers.map((h) => (
                  <tr key={h.name} className={tr}>
                    <td className={`${td} font-mono text-xs wrap-anywhere`}>{h.name}</td>
                    <td className={`${td} wrap-anywhere`}>{h.meaning}</td>
                    <td className={`${td} font-mono text-xs wrap-anywhere`}>{h.example ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {catalog.sdks.length > 0 && (
        <section aria-label="SDK defaults">
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <caption className={captionClass}>Official SDKs: default retries and timeout</caption>
              <TableHead
                columns={[
                  'Package',
                  'Default retries',
                  'Timeout',
                  'Retried on',
                  'Backoff',
                  'Source',
                ]}
              />
              <tbody>
                {catalog.sdks.map((s) => (
                  <tr key={`${s.name}-${s.language}-${s.versions ?? ''}`} className={tr}>
                    <td className={td}>
                      <span className="font-mono">{s.name}</span>{' '}
                      <span className="text-xs text-slate-600 dark:text-slate-400">
                        ({s.language}
                        {s.versions ? `, ${describeRange(s.versions)}` : ''})
                      </span>
                      {s.note && (
                        <div className="text-xs text-slate-600 dark:text-slate-400">{s.note}</div>
                      )}
                    </td>
                    <td className={td}>{s.defaultMaxRetries ?? 'not documented'}</td>
                    <td className={td}>
                      {s.defaultTimeoutSeconds === null
                        ? 'not documented'
                        : `${s.defaultTimeoutSeconds} s`}
                    </td>
                    <td className={td}>{s.retriedOn ?? '—'}</td>
                    <td className={td}>{s.backoff ?? '—'}</td>
                    <td className={td}>
                      <SourceLink source={s.source} />{' '}
                      <time dateTime={s.source.seen}>({s.source.seen})</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {catalog.notes.length > 0 && (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading" className="text-lg font-semibold">
            Notes
          </h2>
          <ul className="mt-2 max-w-3xl list-disc space-y-1 pl-6">
            {catalog.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-label="Sources">
        <SourcesTable
          sources={catalog.sources}
          caption={`Sources for the ${catalog.name} catalog`}
        />
      </section>
    </article>
  );
}
