/** The error view of any route: inside the app shell, with what broke, Try again and the way on. */
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { CatalogProblems, Callout } from './catalog-error';
import { useDocumentTitle } from './use-document-title';

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  useDocumentTitle('Could not load');
  return (
    <div className="max-w-2xl space-y-4">
      <Callout tone="error" title="This page could not be shown">
        <CatalogProblems error={error instanceof Error ? error : new Error(String(error))} />
      </Callout>
      <p className="text-sm">
        <button
          type="button"
          className="mr-3 rounded border border-slate-300 px-2 py-1 dark:border-slate-600"
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          Try again
        </button>
        <Link to="/">Back to all providers</Link>
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The rest of the app still works: the <Link to="/simulate">retry simulator</Link> needs no
        catalog, and every other page is in the menu above.
      </p>
    </div>
  );
}
