/** A replay "server" inside the test process (core only, no MSW): a fetch that answers like the replay handler. */
import type { ProviderCatalog } from '../core/catalog/schema';
import { CLOCK_HEADER, PLAN_HEADER, declarePlan, parseClock } from '../core/replay/protocol';
import type { FetchLike } from '../core/replay/replay-fetch';
import { apiOfPath, resolvePlan } from '../core/replay/resolve';
import { createSequencer } from '../core/replay/sequencer';
import type { ReplayScenario, ResponsePlan } from '../core/replay/types';

export interface InProcessServer {
  readonly fetch: FetchLike;
  /** Plans served, in order, with the virtual time each request arrived. */
  readonly served: {
    readonly t: number;
    readonly plan: ResponsePlan;
    readonly headers: Record<string, string>;
  }[];
}

export function inProcessServer(
  scenario: ReplayScenario,
  catalog: ProviderCatalog,
): InProcessServer {
  const seq = createSequencer(scenario);
  const served: InProcessServer['served'] = [];
  const fetch: FetchLike = async (input, init) => {
    const req = new Request(input, init);
    const clock = parseClock(req.headers.get(CLOCK_HEADER)) ?? { t: 0, epochMs: Date.now() };
    let stream = scenario.stream;
    try {
      const body = JSON.parse(await req.text()) as { stream?: boolean };
      if (typeof body.stream === 'boolean') stream = body.stream;
    } catch {
      /* no JSON body */
    }
    const plan = resolvePlan(scenario, catalog, seq.next(clock.t), {
      api: apiOfPath(new URL(req.url).pathname, scenario.api),
      stream,
      nowEpochMs: clock.epochMs,
    });
    const headers: Record<string, string> = {};
    req.headers.forEach((v, k) => (headers[k] = v));
    served.push({ t: clock.t, plan, headers });
    const declared = { [PLAN_HEADER]: JSON.stringify(declarePlan(plan)) };
    if (plan.kind !== 'http') return new Response(null, { status: 200, headers: declared });
    return new Response(plan.chunks ? plan.chunks.join('') : (plan.body ?? null), {
      status: plan.status,
      headers: { ...plan.headers, ...declared },
    });
  };
  return { fetch, served };
}
