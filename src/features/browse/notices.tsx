/** The home page's callouts: hand-edited address values, and catalogs missing or still loading. */
import { lazy } from 'react';

type Coverage = Parameters<typeof import('../../components/catalog-error').CatalogCoverage>[0];

/** Loads only when there is something to say. */
export const Notices = lazy(async () => {
  const { CatalogCoverage, UrlProblems } = await import('../../components/catalog-error');
  return {
    default: ({
      problems,
      providers,
    }: {
      problems: string[];
      providers: Coverage['providers'];
    }) => (
      <>
        <UrlProblems problems={problems} />
        <CatalogCoverage providers={providers} consequence="The other providers are unaffected." />
      </>
    ),
  };
});

export type NoticeProviders = Coverage['providers'];

/** The summary's failure, reported among the providers' as one more file. */
export function withSummaryError<P>(providers: P[], summaryError: unknown) {
  return summaryError
    ? [
        ...providers,
        {
          id: 'summary',
          name: 'summary of all catalogs',
          pending: false,
          error: summaryError instanceof Error ? summaryError : new Error(String(summaryError)),
        },
      ]
    : providers;
}
