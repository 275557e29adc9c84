/** One error entry: meaning, fix, retry advice, example, sources, history and links onward. */
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { restsOnSecondaryOnly, statusText } from '../../core/catalog/labels';
import { formatHttpResponse } from '../../core/catalog/http';
import { findEntry, sameStatusInSummary } from '../../core/catalog/queries';
import type { ErrorEntry, ProviderCatalog } from '../../core/catalog/schema';
import {
  factsFor,
  newestChoice,
  resolveSdkChoice,
  sdkIdForPackage,
  sdksOfCatalog,
  type SdkChoice,
} from '../../core/sdk/choice';
import { describeRange } from '../../core/sdk/version';
import { catalogSummaryQueryOptions, providerCatalogQueryOptions } from '../../lib/catalog-queries';
import { presetForSdk, sequenceFor } from '../../lib/sdk-presets';
import { simulatorLink } from '../../lib/simulator-link';
import { CatalogProblems } from '../../components/catalog-error';
import { AdviceBadge, CategoryBadge, SecondaryOnlyBadge } from '../../components/badges';
import { CodeBlock } from '../../components/code-block';
import { CopyButton } from '../../components/copy-button';
import { SourceLink, SourcesTable } from '../../components/sources';
import { captionClass, tableClass, td, tr } from '../../components/table-styles';
import { TableHead } from '../../components/table-head';
import { useDocumentTitle } from '../../components/use-document-title';
import { errorTitle } from '../../core/catalog/page-head';
import { SdkEntryFacts } from '../../components/sdk-entry-facts';
import { SdkVersionPicker } from '../../components/sdk-version-picker';

const route = getRouteApi('/providers/$providerId/errors/$errorId');

function Field({
  label,
  children,
  wide = false,
}: {
  label: string;
  children: React.ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={wide ? 'md:col-span-2' : undefined}>
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {label}
      </dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}

/** Read from the summary, so this page never downloads the other providers' full catalogs. */
function SameStatusElsewhere({ catalog, entry }: { catalog: ProviderCatalog; entry: ErrorEntry }) {
  const { data: summary, error, isPending } = useQuery(catalogSummaryQueryOptions());
  if (entry.status === null) return null;
  const refs = summary ? sameStatusInSummary(summary, catalog.id, entry.status) : [];
  return (
    <section aria-labelledby="elsewhere-heading">
      <h2 id="elsewhere-heading" className="text-lg font-semibold">
        {entry.status} at other providers
      </h2>
      {isPending && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          Loading other catalogs…
        </p>
      )}
      {error ? (
        <div role="alert" className="mt-2 text-sm">
          <CatalogProblems error={error instanceof Error ? error : new Error(String(error))} />
          <p className="mt-1">The other providers cannot be listed; this error is unaffected.</p>
        </div>
      ) : isPending ? null : refs.length === 0 ? (
        <p className="mt-2 text-sm">No other provider documents a {entry.status}.</p>
      ) : (
        <ul className="mt-2 grid gap-1 sm:grid-cols-2">
          {refs.map(({ provider, entry: other }) => (
            <li key={`${provider.id}/${other.id}`} className="text-sm">
              <Link
                to="/providers/$providerId/errors/$errorId"
                params={{ providerId: provider.id, errorId: other.id }}
              >
                {provider.name}: {other.title}
              </Link>{' '}
              <AdviceBadge advice={other.advice} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SimulateLinks({
  catalog,
  entry,
  choice,
}: {
  catalog: ProviderCatalog;
  entry: ErrorEntry;
  choice: SdkChoice | undefined;
}) {
  const sequence = sequenceFor(entry);
  if (!sequence) return null;
  // A modelled SDK links to the preset of the chosen release (or its newest); others, as listed.
  const seen = new Set<string>();
  const links = catalog.sdks.flatMap((sdk) => {
    const modelId = sdkIdForPackage(sdk.name, sdk.language);
    if (modelId) {
      if (seen.has(modelId)) return [];
      seen.add(modelId);
      const model = sdksOfCatalog(catalog).find((m) => m.id === modelId);
      const c = choice?.sdk.id === modelId ? choice : model && newestChoice(model);
      const preset = c && factsFor(c).retryAfter?.presetId;
      return c && preset
        ? [{ key: modelId, text: `${c.sdk.package} ${c.version} (${c.sdk.language})`, preset }]
        : [];
    }
    const preset = presetForSdk(sdk);
    return preset
      ? [{ key: `${sdk.name}-${sdk.language}`, text: `${sdk.name} (${sdk.language})`, preset }]
      : [];
  });
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="simulate-heading">
      <h2 id="simulate-heading" className="text-lg font-semibold">
        How would the SDK handle this?
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Replay <code className="font-mono">{sequence}</code> against the official client&apos;s
        retry policy in the simulator.
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {links.map(({ key, text, preset }) => (
          <li key={key}>
            <Link {...simulatorLink({ preset, sequence })}>{text}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The Retry-After rule of the chosen release in full, and where each fact was read. */
function SdkFactSources({ choice }: { choice: SdkChoice }) {
  const { retryAfter, exceptions } = factsFor(choice);
  const sources = [
    ...(retryAfter?.sources ?? []).map((s) => ({ ...s, what: 'Retry-After rule' })),
    ...(exceptions?.sources ?? []).map((s) => ({ ...s, what: 'Exception classes' })),
  ];
  return (
    <div className="text-sm text-slate-600 dark:text-slate-400">
      {retryAfter && <p>Retry-After: {retryAfter.rule}</p>}
      {sources.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-xs">
          {sources.map((s) => (
            <li key={`${s.what}-${s.url}`}>
              {s.what}: <a href={s.url}>{s.note ?? s.url}</a> (seen{' '}
              <time dateTime={s.seen}>{s.seen}</time>)
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorPage() {
  const { providerId, errorId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { data: catalog } = useSuspenseQuery(providerCatalogQueryOptions(providerId));
  const entry = findEntry(catalog, errorId);
  const sdks = sdksOfCatalog(catalog);
  const { choice } = resolveSdkChoice(search.sdk, sdks);
  useDocumentTitle(entry ? errorTitle(catalog, entry) : 'Not found');
  if (!entry) return null; // The loader has already turned a missing entry into a not-found page.

  const example = formatHttpResponse(entry.example);

  return (
    <article className="space-y-8" aria-labelledby="error-title">
      <header className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link to="/">All providers</Link> <span aria-hidden="true">›</span>{' '}
          <Link to="/providers/$providerId" params={{ providerId }}>
            {catalog.name}
          </Link>{' '}
          <span aria-hidden="true">›</span> {entry.id}
        </nav>
        <h1 id="error-title" className="text-2xl font-bold">
          <span className="mr-2 font-mono">{statusText(entry)}</span>
          {entry.title}
          <span className="sr-only"> at {catalog.name}</span>
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{catalog.name}</p>
        <div className="flex flex-wrap items-center gap-2">
          <CategoryBadge category={entry.category} />
          <AdviceBadge advice={entry.retry.advice} />
          {restsOnSecondaryOnly(entry) && <SecondaryOnlyBadge />}
          <CopyButton
            text={typeof window === 'undefined' ? '' : window.location.href}
            label="Copy permalink"
          />
        </div>
      </header>

      <dl className="grid max-w-4xl gap-5 md:grid-cols-2">
        <Field label="Meaning" wide>
          {entry.meaning}
        </Field>
        {entry.message && (
          <Field label="Documented message" wide>
            <q className="font-mono text-sm">{entry.message}</q>
          </Field>
        )}
        {entry.causes.length > 0 && (
          <Field label="Likely causes">
            <ul className="list-disc space-y-1 pl-5">
              {entry.causes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </Field>
        )}
        <Field label="Fix">{entry.fix}</Field>
        <Field label="Retry advice">
          <p>
            <AdviceBadge advice={entry.retry.advice} />
          </p>
          {entry.retry.wait && <p className="mt-1">Wait: {entry.retry.wait.text}</p>}
          {entry.retry.note && <p className="mt-1 text-sm">{entry.retry.note}</p>}
          {entry.retry.sdkRetries !== undefined && (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              The official SDK{' '}
              {entry.retry.sdkRetries ? 'retries this automatically' : 'does not retry this'} by
              default.
            </p>
          )}
        </Field>
        <Field label="Provider type / code">
          {entry.providerCodes.length > 0 ? (
            <ul className="flex flex-wrap gap-2 font-mono text-sm">
              {entry.providerCodes.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ul>
          ) : (
            'None documented'
          )}
        </Field>
        <Field label="SDK exception">
          {entry.sdkExceptions.length > 0 ? (
            <ul className="space-y-0.5 text-sm">
              {entry.sdkExceptions.map((x) => (
                <li key={`${x.sdk}-${x.className}-${x.language ?? ''}-${x.versions ?? ''}`}>
                  <code className="font-mono">{x.className}</code>{' '}
                  <span className="text-slate-600 dark:text-slate-400">
                    (
                    {[x.sdk, x.language, x.versions && describeRange(x.versions)]
                      .filter(Boolean)
                      .join(', ')}
                    )
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            'None documented'
          )}
        </Field>
      </dl>

      {choice && (
        <section aria-labelledby="your-sdk-heading" className="max-w-4xl space-y-2">
          <h2 id="your-sdk-heading" className="text-lg font-semibold">
            With your SDK
          </h2>
          <SdkVersionPicker
            sdks={sdks}
            value={search.sdk}
            onChange={(sdk) => void navigate({ search: { sdk }, replace: true })}
          />
          <SdkEntryFacts entry={entry} choice={choice} />
          <SdkFactSources choice={choice} />
        </section>
      )}

      <section aria-labelledby="example-heading" className="space-y-2">
        <h2 id="example-heading" className="text-lg font-semibold">
          {entry.example.illustrative ? 'Illustrative example' : 'Example response'}
        </h2>
        {entry.example.illustrative && (
          <p className="text-sm font-semibold text-amber-800 dark:text-amber-300">
            Not (wholly) a real observed response: some of it was written to show the shape (see the
            note). The decoder does not match on its message or values.
          </p>
        )}
        {entry.example.note && (
          <p className="text-sm text-slate-600 dark:text-slate-400">{entry.example.note}</p>
        )}
        <CodeBlock label="Example response" code={example} />
      </section>

      <section aria-label="Sources">
        <SourcesTable sources={entry.sources} caption="Sources" />
      </section>

      {entry.history.length > 0 && (
        <section aria-label="Documentation history">
          <div className="overflow-x-auto">
            <table className={tableClass}>
              <caption className={captionClass}>
                Other dated wordings (earlier revisions or conflicting pages)
              </caption>
              <TableHead columns={['Seen', 'What it said', 'Source']} />
              <tbody>
                {entry.history.map((h, i) => (
                  <tr key={i} className={tr}>
                    <td className={`${td} whitespace-nowrap`}>
                      <time dateTime={h.seen}>{h.seen}</time>
                      {h.until && (
                        <>
                          {' '}
                          – <time dateTime={h.until}>{h.until}</time>
                        </>
                      )}
                    </td>
                    <td className={td}>
                      {h.meaning}
                      {h.retry?.advice && (
                        <div className="mt-1">
                          <AdviceBadge advice={h.retry.advice} /> {h.retry.wait?.text}
                        </div>
                      )}
                    </td>
                    <td className={td}>
                      <SourceLink source={h.source} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <SimulateLinks catalog={catalog} entry={entry} choice={choice} />

      <SameStatusElsewhere catalog={catalog} entry={entry} />
    </article>
  );
}
