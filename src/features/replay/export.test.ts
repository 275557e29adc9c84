// @vitest-environment node
/**
 * "Take it home" is real: for several library scenarios, the exported MSW handlers and Vitest
 * test are written to disk and run by a separate Vitest process (msw/node + the real SDK, as a
 * user would run them); each exported test asserts the attempts and the error class the replay
 * saw, so a passing run means the exported code reproduces the replay.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportMswHandlers,
  exportVitestTest,
  handlersFileName,
  testFileName,
} from '../../core/replay/export';
import { getLibraryScenario } from '../../core/replay/library';
import { PROOF_SDKS, runProofCase, type ProofRow } from '../../testing/replay-proof';
import { loadCatalogMap, startReplayServer, type ReplayServer } from '../../testing/replay-server';

const root = join(import.meta.dirname, '../../..');
const dir = join(root, '.replay-export-tmp');
const CASES: readonly [string, 'openai' | 'anthropic'][] = [
  ['openai-transient-500', 'openai'],
  ['429-no-retry-after-persistent', 'openai'],
  ['503-x-should-retry-false', 'openai'],
  ['context-length-exceeded', 'openai'],
  ['connection-reset', 'openai'],
  ['stream-cut', 'openai'],
  ['529-overloaded', 'anthropic'],
  ['stream-error-event', 'anthropic'],
];

const catalogs = loadCatalogMap();
let server: ReplayServer;
const replays = new Map<string, ProofRow>();

beforeAll(async () => {
  server = await startReplayServer();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'vitest.config.ts'),
    "export default { test: { include: ['*.test.ts'], environment: 'node' } };\n",
  );
  for (const [id, client] of CASES) {
    const scenario = getLibraryScenario(id)!;
    const catalog = catalogs.get(scenario.provider)!;
    const sdk = PROOF_SDKS.find((s) => s.key === client)!;
    const row = await runProofCase(server, catalog, scenario, sdk);
    replays.set(id, row);
    writeFileSync(join(dir, handlersFileName(scenario)), exportMswHandlers(scenario, catalog));
    writeFileSync(
      join(dir, testFileName(scenario)),
      exportVitestTest(scenario, {
        client,
        expected: { attempts: row.attempts, result: row.result },
        timeoutMs: 20_000,
      }),
    );
  }
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exported scenarios', () => {
  it('the handlers are self-contained and name the scenario', () => {
    const code = readFileSync(join(dir, 'stream-cut.handlers.ts'), 'utf8');
    expect(code).toMatch(
      /^\/\*\*\n \* MSW handlers for the replay scenario "Stream cut mid-answer" \(stream-cut\)/,
    );
    expect(code.match(/^import .*$/gm)).toEqual([
      "import { delay, http, HttpResponse } from 'msw';",
    ]);
  });

  it('every exported test passes in a separate Vitest run: same attempts and error as the replay', async () => {
    const out = join(dir, 'report.json');
    await promisify(execFile)(
      process.execPath,
      [
        join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--root',
        dir,
        '--reporter=json',
        `--outputFile=${out}`,
      ],
      { cwd: root, timeout: 120_000 },
    ).catch((e: { stdout?: string; stderr?: string }) => {
      // A failing exported test makes vitest exit non-zero; the report says which.
      if (!readFileSafe(out)) throw new Error(`vitest did not run: ${e.stderr ?? ''}`);
    });
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      testResults: {
        name: string;
        assertionResults: { title: string; status: string; failureMessages: string[] }[];
      }[];
    };
    const results = report.testResults.flatMap((f) => f.assertionResults);
    expect(
      results
        .map(
          (r) =>
            `${r.title}: ${r.status}${r.failureMessages.length ? ` ${r.failureMessages[0]?.slice(0, 300)}` : ''}`,
        )
        .sort(),
    ).toEqual(
      CASES.map(([id]) => {
        const row = replays.get(id)!;
        const what = row.result.kind === 'answer' ? 'an answer' : row.result.className;
        return `${id}: ${row.attempts} attempt${row.attempts === 1 ? '' : 's'}, then ${what}: passed`;
      }).sort(),
    );
  }, 150_000);
});

function readFileSafe(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
