/**
 * `npm run bench`: prints the figures we keep budgets on.
 *  - search speed over every shipped catalog, decoder accuracy, retry simulations and herds;
 *  - the production build (`npm run build`, so prerendering too when the build does it) and what
 *    its prerender step reports;
 *  - JavaScript (gzip) each page really loads in Chromium, against the 110 KB home budget, and
 *    the catalog files (public/catalogs/*.json) it requests;
 *  - the replay page: its initial JS, what a run adds (worker, SDK), and the wall time of the
 *    2-minute W&B storm replayed at instant speed in Chromium;
 *  - the longest main-thread task while typing on the home page and in the simulator;
 *  - Lighthouse (mobile) on seven pages, the median of several runs;
 *  - the framework floor.
 * It measures and prints; it does not pass or fail on speed.
 *
 *   npm run bench                              everything (Lighthouse and long tasks: 3 runs each)
 *   npm run bench -- --only lighthouse,longtasks --runs 5
 *   npm run bench -- --only weights --no-build reuse dist/ as it is
 *   npm run bench -- --only lighthouse --reports lh   also write each run's HTML report to lh/
 *   npm run bench -- --only lighthouse --pages compare,replay   Lighthouse on some pages only
 * Parts: search, decode, simulation, weights, replay, longtasks, lighthouse, floor.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './chromium';
import { parseCatalogIndex, parseProviderCatalog } from '../src/core/catalog/parse';
import { createSearchIndex, search } from '../src/core/catalog/search';
import { requirePreset } from '../src/core/retry/presets';
import { monteCarlo, successVsOutage } from '../src/core/retry/simulate';
import { benchHerd } from './bench-herd';
import { corpusBreakdown, scoreCorpus } from '../src/core/decode/corpus/evaluate';
import { buildApp, prerenderStats, serveBuild } from './bench-serve';
import { median } from './bench-stats';
import { lighthouseFigures, printLighthouse } from './bench-lighthouse';
import { longTaskFigures, printLongTasks } from './bench-longtasks';

const root = join(import.meta.dirname, '..');
const HOME_BUDGET_KB = 110;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function pageWeights(browser: Browser, base: string) {
  const pages = [
    ['home', '/'],
    ['search results', '/?q=529'],
    ['provider page', '/providers/anthropic'],
    ['error page', '/providers/anthropic/errors/529-overloaded_error'],
    ['compare page', '/compare'],
    ['decode page', '/decode'],
    ['simulate page', '/simulate'],
    ['replay page', '/replay'],
  ] as const;
  const rows: {
    name: string;
    files: number;
    gzip: number;
    catalogFiles: number;
    catalogGzip: number;
  }[] = [];
  let homeFiles: { file: string; gzip: number }[] = [];
  for (const [name, path] of pages) {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    const catalogFiles = new Set<string>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
      if (/^\/catalogs\/[^/]+\.json$/.test(url.pathname)) catalogFiles.add(url.pathname);
    });
    await page.goto(new URL(path, base).toString(), { waitUntil: 'networkidle' });
    const files = [...scripts].map((p) => ({
      file: p,
      gzip: gzipSync(readFileSync(join(root, 'dist', p))).length,
    }));
    if (name === 'home') homeFiles = files;
    rows.push({
      name,
      files: files.length,
      gzip: files.reduce((sum, f) => sum + f.gzip, 0),
      catalogFiles: catalogFiles.size,
      catalogGzip: [...catalogFiles].reduce(
        (sum, p) => sum + gzipSync(readFileSync(join(root, 'dist', p))).length,
        0,
      ),
    });
    await page.close();
  }
  console.log('\nJavaScript and catalog JSON loaded per page (gzip)');
  for (const r of rows)
    console.log(
      `  ${r.name.padEnd(16)} ${String(r.files).padStart(2)} JS files ${kb(r.gzip).padStart(9)}   ${String(r.catalogFiles).padStart(2)} catalog files ${kb(r.catalogGzip).padStart(9)}`,
    );
  const home = rows[0]!.gzip;
  console.log(
    `  home budget: ${HOME_BUDGET_KB} KB → ${home <= HOME_BUDGET_KB * 1024 ? 'within' : 'OVER'} (${kb(home)})`,
  );
  console.log('  home files:');
  for (const f of homeFiles.sort((a, b) => b.gzip - a.gzip))
    console.log(`    ${kb(f.gzip).padStart(9)}  ${f.file}`);
}

async function replay(browser: Browser, base: string) {
  const replay = await replayFigures(browser, base);
  console.log('\nReplay');
  console.log(`  replay page files (initial, MSW included):`);
  for (const f of replay.initial.sort((a, b) => b.gzip - a.gzip))
    console.log(`    ${kb(f.gzip).padStart(9)}  ${f.file}`);
  console.log(`  a run adds (worker, clock, SDKs):`);
  for (const f of replay.onRun.sort((a, b) => b.gzip - a.gzip))
    console.log(`    ${kb(f.gzip).padStart(9)}  ${f.file}`);
  for (const s of replay.storms)
    console.log(
      `  2-minute W&B storm at instant speed, ${s.client.padEnd(28)} ${s.attempts} attempts, ${s.virtual} virtual; wall ${s.wallMs.map((ms) => `${ms} ms`).join(', ')} (median ${median(s.wallMs)} ms; the run's own clock)`,
    );
}

/**
 * The replay page in Chromium: the JS it loads before and during a run, and the wall time of the
 * W&B storm (503 for 2 minutes of virtual time) at instant speed, as the run itself reports it.
 */
async function replayFigures(browser: Browser, base: string) {
  const page = await browser.newPage();
  const scripts = new Map<string, 'initial' | 'run'>();
  let phase: 'initial' | 'run' = 'initial';
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (
      url.origin === new URL(base).origin &&
      url.pathname.endsWith('.js') &&
      !scripts.has(url.pathname)
    )
      scripts.set(url.pathname, phase);
  });
  const gzipOf = (p: string) => gzipSync(readFileSync(join(root, 'dist', p))).length;
  const storms: { client: string; attempts: number; virtual: string; wallMs: number[] }[] = [];
  const status = page.getByTestId('replay-status');
  for (const [client, query] of [
    ['openai SDK', ''],
    ['reference client (tenacity-seed)', '&client=reference&preset=tenacity-seed'],
  ] as const) {
    await page.goto(
      new URL(`/replay?scenario=wandb-overloaded-2-minutes${query}`, base).toString(),
      {
        waitUntil: 'networkidle',
      },
    );
    phase = 'run';
    const wallMs: number[] = [];
    let attempts = 0;
    let virtual = '';
    for (let i = 0; i < 5; i++) {
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.getByText(/^Done:/).waitFor({ timeout: 60_000 });
      const text = await status.innerText();
      const m = /^Done: (\d+) requests?, virtual time ([\d:.]+ ?s?), in (\d+) ms/.exec(text);
      if (!m) throw new Error(`unexpected replay status: ${text}`);
      attempts = Number(m[1]);
      virtual = m[2]!;
      wallMs.push(Number(m[3]));
    }
    storms.push({ client, attempts, virtual, wallMs });
  }
  await page.close();
  const files = (which: 'initial' | 'run') =>
    [...scripts].filter(([, p]) => p === which).map(([file]) => ({ file, gzip: gzipOf(file) }));
  return { initial: files('initial'), onRun: files('run'), storms };
}

function searchSpeed() {
  const dir = join(root, 'public', 'catalogs');
  const index = parseCatalogIndex('index.json', readFileSync(join(dir, 'index.json'), 'utf8'));
  const t0 = performance.now();
  const catalogs = index.providers.map((p) =>
    parseProviderCatalog(`${p.id}.json`, readFileSync(join(dir, `${p.id}.json`), 'utf8')),
  );
  const t1 = performance.now();
  const searchIndex = createSearchIndex(catalogs);
  const t2 = performance.now();
  const queries = [
    '529',
    'insufficient_quota',
    'RateLimitError',
    'engine is currently overloaded',
    'anthropic 529',
    'overloded',
  ];
  const rounds = 50;
  const t3 = performance.now();
  for (let i = 0; i < rounds; i++) for (const q of queries) search(searchIndex, q);
  const t4 = performance.now();
  const bytes = readdirSync(dir).reduce((sum, f) => sum + readFileSync(join(dir, f)).length, 0);
  console.log('\nCatalogs and search');
  console.log(
    `  ${catalogs.length} catalogs, ${searchIndex.docs.length} entries, ${kb(bytes)} of JSON`,
  );
  console.log(
    `  parse + validate all: ${(t1 - t0).toFixed(1)} ms; build search index: ${(t2 - t1).toFixed(1)} ms`,
  );
  console.log(
    `  search: ${((t4 - t3) / (rounds * queries.length)).toFixed(2)} ms per query (mean of ${rounds * queries.length})`,
  );
}

/** The framework floor: the same stack with no app code, built the same way. */
async function frameworkFloor() {
  const outDir = mkdtempSync(join(tmpdir(), 'floor-'));
  await build({
    root: join(root, 'scripts', 'bench-floor'),
    configFile: false,
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  const assets = join(outDir, 'assets');
  const gzip = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
  console.log(`\nFramework floor (React + TanStack Router + Query, no app code): ${kb(gzip)} gzip`);
}

function simulation() {
  console.log('\nRetry simulation');
  for (const id of ['openai-node', 'anthropic-python', 'wandb-loop']) {
    const policy = requirePreset(id).policy;
    const t0 = performance.now();
    const mc = monteCarlo(policy, { kind: 'outage', durationMs: 5_000 }, { runs: 10_000, seed: 1 });
    const t1 = performance.now();
    const w = mc.totalWaitMs;
    console.log(
      `  Monte Carlo ${id.padEnd(16)} 10,000 runs vs a 5 s outage: ${(t1 - t0).toFixed(0).padStart(4)} ms; success ${(mc.successRate * 100).toFixed(1)}%, wait p50 ${(w.p50 / 1000).toFixed(2)} s p95 ${(w.p95 / 1000).toFixed(2)} s p99 ${(w.p99 / 1000).toFixed(2)} s`,
    );
  }
  const t2 = performance.now();
  const curve = successVsOutage(
    requirePreset('openai-node').policy,
    [0, 1_000, 2_000, 5_000, 30_000, 120_000, 300_000],
    { runs: 2_000, seed: 1 },
  );
  const t3 = performance.now();
  console.log(
    `  success vs outage (openai-node, 7 lengths × 2,000 runs): ${(t3 - t2).toFixed(0)} ms`,
  );
  console.log(
    `    ${curve.map((p) => `${p.outageMs / 1000} s → ${(p.successRate * 100).toFixed(0)}%`).join(', ')}`,
  );

  const herd = benchHerd();
  console.log(`\nHerds`);
  console.log(
    `  AWS 2015 sweep (${herd.awsSweep.points} points × ${herd.awsSweep.runsEach} runs): ${(herd.awsSweep.ms / 1000).toFixed(2)} s`,
  );
  for (const [strategy, v] of Object.entries(herd.awsSweep.at100)) {
    console.log(
      `    100 clients, ${strategy.padEnd(20)} ${v.calls.toFixed(0).padStart(5)} calls, ${(v.completionMs / 1000).toFixed(1).padStart(5)} s`,
    );
  }
  const r = herd.rateLimited;
  console.log(
    `  ${r.clients.toLocaleString()} clients vs ${r.capacityPerSec}/s (${r.policy}): ${(r.ms / 1000).toFixed(2)} s; ${r.totalRequests.toLocaleString()} requests, herd done at ${(r.herdCompletionMs / 1000).toFixed(1)} s`,
  );
}

/** Decoder accuracy on the corpus of real pastes (src/core/decode/corpus). */
function decodeAccuracy() {
  const dir = join(root, 'public', 'catalogs');
  const index = parseCatalogIndex('index.json', readFileSync(join(dir, 'index.json'), 'utf8'));
  const catalogs = index.providers.map((p) =>
    parseProviderCatalog(`${p.id}.json`, readFileSync(join(dir, `${p.id}.json`), 'utf8')),
  );
  const t0 = performance.now();
  const score = scoreCorpus(catalogs);
  const t1 = performance.now();
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log('\nDecode accuracy on real pastes');
  console.log(
    `  ${score.size} pastes: top-1 ${pct(score.top1)}, top-3 ${pct(score.top3)} (${(t1 - t0).toFixed(0)} ms)`,
  );
  const { byProvider, byStatus } = corpusBreakdown(catalogs);
  const list = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`  by provider: ${list(byProvider)}`);
  console.log(`  by status: ${list(byStatus)}`);
  const misses = score.results.filter((r) => !r.top1);
  for (const r of misses)
    console.log(
      `    miss ${r.item.id}: expected ${r.item.expected ?? 'no match/unsure'}, got ${r.got}`,
    );
}

const allParts = [
  'search',
  'decode',
  'simulation',
  'weights',
  'replay',
  'longtasks',
  'lighthouse',
  'floor',
] as const;
type Part = (typeof allParts)[number];

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
    reports: { type: 'string' },
    pages: { type: 'string' },
  },
});
const only = args.only?.split(',').map((p) => p.trim());
const unknown = only?.filter((p) => !(allParts as readonly string[]).includes(p)) ?? [];
if (unknown.length > 0)
  throw new Error(`unknown part(s) ${unknown.join(', ')}; parts: ${allParts.join(', ')}`);
const wanted = (part: Part) => !only || only.includes(part);
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs wants a whole number of at least 1, got ${args.runs}`);

if (wanted('search')) searchSpeed();
if (wanted('decode')) decodeAccuracy();
if (wanted('simulation')) simulation();

const inBrowser = (['weights', 'replay', 'longtasks', 'lighthouse'] as const).filter(wanted);
if (inBrowser.length > 0) {
  console.log('\nProduction build');
  if (args['no-build']) console.log('  reusing dist/ as it is (--no-build)');
  else console.log(`  npm run build: ${(buildApp(root) / 1000).toFixed(1)} s`);
  const prerender = prerenderStats(root);
  console.log(
    `  prerender: ${prerender ? `${prerender.pages} pages in ${(prerender.ms / 1000).toFixed(1)} s` : 'not prerendered'}`,
  );
  const server = await serveBuild(root);
  try {
    if (inBrowser.some((p) => p !== 'lighthouse')) {
      const executablePath = chromiumExecutable();
      const browser = await chromium.launch({
        ...(executablePath ? { executablePath } : {}),
        args: chromiumArgs,
      });
      try {
        if (wanted('weights')) await pageWeights(browser, server.base);
        if (wanted('replay')) await replay(browser, server.base);
        if (wanted('longtasks')) printLongTasks(await longTaskFigures(browser, server.base, runs));
      } finally {
        await browser.close();
      }
    }
    if (wanted('lighthouse'))
      printLighthouse(
        await lighthouseFigures(server.base, runs, args.reports, args.pages?.split(',')),
        runs,
      );
  } finally {
    await server.close();
  }
}
if (wanted('floor')) await frameworkFloor();
