// @vitest-environment node
/**
 * Proof that replay is real: every library scenario is served by the replay handlers over
 * loopback (@mswjs/http-middleware) to the REAL openai, @anthropic-ai/sdk and
 * @cerebras/cerebras_cloud_sdk, on the gated virtual clock (it works in Node: fake timers on
 * globalThis, real I/O counted by the replay fetch). Checked: the exception class against the
 * catalog's sdkExceptions, attempts and waits against the preset's prediction, the SDK's
 * x-stainless-retry-count, and that nothing leaves 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installNetworkGuard, type NetworkGuard } from '../../testing/sdk-fidelity';
import { SCENARIO_LIBRARY } from '../../core/replay/library';
import {
  PROOF_SDKS,
  formatProofTable,
  runProofCase,
  type ProofRow,
} from '../../testing/replay-proof';
import { loadCatalogMap, startReplayServer, type ReplayServer } from '../../testing/replay-server';
import { ANTHROPIC_ERROR_CLASSES, OPENAI_ERROR_CLASSES, errorClassesOf } from './sdk-clients';

/**
 * Where the catalog names another class than the TypeScript SDK raises. Each must still occur
 * (the test fails when it is fixed, so this list cannot rot). Empty since the catalogs name the
 * TypeScript classes per release (issue 9): openai-node's APIConnectionTimeoutError for a
 * timeout, @anthropic-ai/sdk's APIError for an error event in a stream.
 */
const KNOWN_CLASS_DISAGREEMENTS: Record<string, { readonly raised: string; readonly why: string }> =
  {};

const catalogs = loadCatalogMap();
let server: ReplayServer;
let guard: NetworkGuard;
const rows: ProofRow[] = [];

beforeAll(async () => {
  guard = installNetworkGuard();
  server = await startReplayServer();
});

afterAll(async () => {
  await server.close();
  guard.uninstall();
  // The results table for the closing note (scenario × SDK).
  console.log(`\n${formatProofTable(rows)}\n`);
});

describe('error classes are read from the SDK exports, subclasses first', () => {
  it('puts specific classes before their bases', () => {
    const names = OPENAI_ERROR_CLASSES.map(([n]) => n);
    expect(names.indexOf('APIConnectionTimeoutError')).toBeLessThan(
      names.indexOf('APIConnectionError'),
    );
    expect(names.indexOf('RateLimitError')).toBeLessThan(names.indexOf('APIError'));
    expect(names.indexOf('APIError')).toBeLessThan(names.indexOf('OpenAIError'));
    expect(ANTHROPIC_ERROR_CLASSES.map(([n]) => n)).toContain('OverloadedError');
    expect(errorClassesOf({ NotAnError: class {}, helper: () => 1 })).toEqual([]);
  });
});

describe('every library scenario against the real SDKs over loopback', () => {
  for (const scenario of SCENARIO_LIBRARY) {
    for (const sdk of PROOF_SDKS) {
      const key = `${scenario.id} × ${sdk.key}`;
      it(key, async () => {
        const catalog = catalogs.get(scenario.provider);
        if (!catalog) throw new Error(`no catalog ${scenario.provider}`);
        const before = guard.requests.length;
        const row = await runProofCase(server, catalog, scenario, sdk);
        rows.push(row);
        const context = formatProofTable([row]);

        // Nothing left loopback during this run.
        const made = guard.requests.slice(before);
        expect(made.length, context).toBeGreaterThanOrEqual(row.attempts);
        for (const r of made) expect(new URL(r.url).hostname, r.url).toBe('127.0.0.1');

        // The preset's prediction: attempts, waits (ranges) and outcome.
        expect(row.presetId, `${sdk.packageName} ${sdk.version} has no preset`).toBeDefined();
        expect(row.comparison?.mismatches, context).toEqual([]);

        // The exception class the catalog lists for this SDK.
        const known = KNOWN_CLASS_DISAGREEMENTS[key];
        if (known) {
          expect(row.classMatches, `${key} was a known disagreement and now matches: drop it`).toBe(
            false,
          );
          expect(row.result.kind === 'error' && row.result.className).toBe(known.raised);
        } else if (row.classMatches !== null) {
          expect(row.classMatches, context).toBe(true);
        }
      });
    }
  }

  it('the SDKs sent x-stainless-retry-count 0, 1, 2 … and stayed on loopback', () => {
    expect(rows.length).toBe(SCENARIO_LIBRARY.length * PROOF_SDKS.length);
    expect(guard.requests.every((r) => new URL(r.url).hostname === '127.0.0.1')).toBe(true);
    expect(guard.endpoints.filter((e) => !/127\.0\.0\.1/.test(e))).toEqual([]);
  });
});
