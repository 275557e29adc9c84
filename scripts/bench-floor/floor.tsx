/**
 * The smallest app on our stack (React 19, TanStack Router, TanStack Query):
 * `npm run bench` builds it to show how much of the home page's JavaScript is
 * framework we chose rather than code we wrote.
 */
import { createRoot } from 'react-dom/client';
import {
  QueryClient,
  QueryClientProvider,
  queryOptions,
  useQueries,
  useSuspenseQuery,
} from '@tanstack/react-query';
import {
  createRootRoute,
  createRoute,
  createRouter,
  Link,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';

const queryClient = new QueryClient();
const one = queryOptions({ queryKey: ['one'], queryFn: async () => 1 });

function Home() {
  const { data } = useSuspenseQuery(one);
  const all = useQueries({ queries: [one] });
  return (
    <Link to="/">
      {data} {all.length}
    </Link>
  );
}

const rootRoute = createRootRoute({ component: Outlet });
const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: Home });
const router = createRouter({ routeTree: rootRoute.addChildren([homeRoute]) });

createRoot(document.getElementById('root')!).render(
  <QueryClientProvider client={queryClient}>
    <RouterProvider router={router} />
  </QueryClientProvider>,
);
