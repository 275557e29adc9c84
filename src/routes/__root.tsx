import { createRootRouteWithContext } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AppShell } from '../components/layout/app-shell';
import {
  LazyNotFoundPage as NotFoundPage,
  LazyRouteErrorPage as RouteErrorPage,
} from '../components/lazy-pages';

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: AppShell,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});
