/** `npx tsx scripts/replay-results.ts`: every library scenario × real SDK over loopback, as a Markdown table. */
import { SCENARIO_LIBRARY } from '../src/core/replay/library';
import {
  PROOF_SDKS,
  formatProofTable,
  runProofCase,
  type ProofRow,
} from '../src/testing/replay-proof';
import { loadCatalogMap, startReplayServer } from '../src/testing/replay-server';

const server = await startReplayServer();
const catalogs = loadCatalogMap();
const rows: ProofRow[] = [];
const started = performance.now();
try {
  for (const scenario of SCENARIO_LIBRARY) {
    const catalog = catalogs.get(scenario.provider);
    if (!catalog) throw new Error(`no catalog ${scenario.provider}`);
    for (const sdk of PROOF_SDKS) rows.push(await runProofCase(server, catalog, scenario, sdk));
  }
} finally {
  await server.close();
}
console.log(formatProofTable(rows));
console.log(`\n${rows.length} runs in ${Math.round(performance.now() - started)} ms of wall time`);
