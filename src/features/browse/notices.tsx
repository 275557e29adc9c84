/** The home page's callouts: hand-edited address values, and catalogs missing or still loading. */
import { lazy, Suspense, useMemo } from 'react';

type Coverage = Parameters<typeof import('../../components/catalog-error').CatalogCoverage>[0];
type Providers = Coverage['providers'];

/** The callouts' code loads only when there is something to say. */
const Callouts = lazy(async () => {
  const { CatalogCoverage, UrlProblems } = await import('../../components/catalog-error');
  return {
    default: ({ problems, providers }: { problems: string[]; providers: Providers }) => (
      <>
        <UrlProblems problems={problems} />
        <CatalogCoverage providers={providers} consequence="The other providers are unaffected." />
      </>
    ),
  };
});

/**
 * What the address got wrong, and which catalogs failed or are still loading, the summary's
 * failure reported among them as one more file. Nothing when all is well.
 */
export function Notices({
  problems,
  providers,
  summaryError,
}: {
  problems: string[];
  providers: Providers;
  summaryError: unknown;
}) {
  const coverage = useMemo(
    () =>
      summaryError
        ? [
            ...providers,
            {
              id: 'summary',
              name: 'summary of all catalogs',
              pending: false,
              error: summaryError instanceof Error ? summaryError : new Error(String(summaryError)),
            },
          ]
        : providers,
    [providers, summaryError],
  );
  if (problems.length === 0 && !coverage.some((p) => p.error || p.pending)) return null;
  return (
    <Suspense fallback={null}>
      <Callouts problems={problems} providers={coverage} />
    </Suspense>
  );
}
