/**
 * What the replay route loads before the page shows: the catalog of the scenario's provider, so
 * the page (prerendered or not) first renders with it rather than a "loading" line. Loaded by the
 * route with a dynamic import, so the scenario library stays out of other pages' code.
 */
import type { QueryClient } from '@tanstack/react-query';
import { SCENARIO_LIBRARY } from '../../core/replay/library';
import { providerCatalogQueryOptions } from '../../lib/catalog-queries';
import type { ReplaySearch } from './search-params';
import { resolveReplaySearch } from './search-state';

/** Never fails: a broken or missing catalog is reported on the page, as before. */
export async function loadReplayData(queryClient: QueryClient, search: ReplaySearch) {
  const { scenario } = resolveReplaySearch(search, SCENARIO_LIBRARY);
  await queryClient.prefetchQuery(providerCatalogQueryOptions(scenario.provider));
}
