/**
 * The not-found and error views, loaded only when one is shown: every page carries these
 * wrappers, not the views (nor the catalog problem lists they render).
 */
import { lazy, Suspense } from 'react';
import type { ErrorComponentProps } from '@tanstack/react-router';

const NotFound = lazy(async () => ({ default: (await import('./not-found')).NotFoundPage }));
const RouteError = lazy(async () => ({ default: (await import('./route-error')).RouteErrorPage }));

export function LazyNotFoundPage(props: { data?: unknown }) {
  return (
    <Suspense fallback={null}>
      <NotFound {...props} />
    </Suspense>
  );
}

export function LazyRouteErrorPage(props: ErrorComponentProps) {
  return (
    <Suspense fallback={null}>
      <RouteError {...props} />
    </Suspense>
  );
}
