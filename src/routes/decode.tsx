import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { decodeSearchSchema } from '../features/decode/search-params';
import { loadAllCatalogs } from '../lib/load-all-catalogs';
import { rootRoute } from './__root';

export const decodeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/decode',
  validateSearch: decodeSearchSchema.parse,
  loader: ({ context }) => loadAllCatalogs(context.queryClient),
  component: lazyRouteComponent(() => import('../features/decode/decode-page'), 'DecodePage'),
});
