/**
 * Lighthouse (mobile preset, simulated throttling: Lighthouse's defaults) on the pages issue 10
 * keeps budgets on, against the production build that the bench serves. Scores vary from run
 * to run, so each page is audited `runs` times and every figure printed is the median of its
 * runs. Chromium is the local one (scripts/chromium.ts), started by chrome-launcher with the
 * same quiet flags as the end-to-end tests: nothing downloads a browser, and nothing but
 * loopback is contacted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { chromiumArgs, chromiumExecutable } from './chromium';
import { median } from './bench-stats';

export const lighthousePages = [
  ['home', '/'],
  ['provider', '/providers/anthropic'],
  ['error', '/providers/anthropic/errors/529-overloaded_error'],
  ['compare', '/compare'],
  ['decode', '/decode'],
  ['simulate', '/simulate'],
  ['replay', '/replay'],
] as const;

/** Issue 10's budgets: scores are at least, metrics at most. */
export const lighthouseBudget = {
  performance: 0.95,
  accessibility: 1,
  'best-practices': 1,
  seo: 1,
  lcpMs: 2_000,
  tbtMs: 150,
  cls: 0.01,
} as const;

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof categories)[number];

interface Run {
  scores: Record<Category, number | null>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audit ids that failed in this run, per category (performance: scored audits under 0.9). */
  failing: Record<Category, string[]>;
  warnings: string[];
}

export interface PageFigures {
  name: string;
  path: string;
  runs: Run[];
}

function readRun(lhr: Result): Run {
  const audit = (id: string) => lhr.audits[id];
  const failing = {} as Record<Category, string[]>;
  const scores = {} as Record<Category, number | null>;
  for (const c of categories) {
    const category = lhr.categories[c];
    scores[c] = category?.score ?? null;
    const limit = c === 'performance' ? 0.9 : 1;
    failing[c] = (category?.auditRefs ?? [])
      .filter((ref) => {
        const a = audit(ref.id);
        if (!a || a.score === null) return false;
        if (c === 'performance' && ref.group === 'metrics') return false; // printed as figures
        return (
          ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode) && a.score < limit
        );
      })
      .map((ref) => ref.id);
  }
  return {
    scores,
    lcpMs: audit('largest-contentful-paint')?.numericValue ?? NaN,
    tbtMs: audit('total-blocking-time')?.numericValue ?? NaN,
    cls: audit('cumulative-layout-shift')?.numericValue ?? NaN,
    failing,
    warnings: [...lhr.runWarnings, ...(lhr.runtimeError ? [lhr.runtimeError.message] : [])],
  };
}

/**
 * Audits every page (or those named in `only`) `runs` times; with `reportsDir`, also writes each
 * run's HTML report there.
 */
export async function lighthouseFigures(
  base: string,
  runs: number,
  reportsDir?: string,
  only?: readonly string[],
): Promise<PageFigures[]> {
  const unknown = only?.filter((name) => !lighthousePages.some(([n]) => n === name)) ?? [];
  if (unknown.length > 0)
    throw new Error(
      `unknown page(s) ${unknown.join(', ')}; pages: ${lighthousePages.map(([n]) => n).join(', ')}`,
    );
  if (reportsDir) mkdirSync(reportsDir, { recursive: true });
  const chrome = await launch({
    chromePath: chromiumExecutable() ?? chromium.executablePath(),
    chromeFlags: ['--headless=new', ...chromiumArgs],
    logLevel: 'silent',
  });
  const out: PageFigures[] = [];
  try {
    for (const [name, path] of lighthousePages) {
      if (only && !only.includes(name)) continue;
      const page: PageFigures = { name, path, runs: [] };
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(new URL(path, base).toString(), {
          port: chrome.port,
          output: 'html',
          logLevel: 'error',
          onlyCategories: [...categories],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
        page.runs.push(readRun(result.lhr));
        if (reportsDir)
          writeFileSync(join(reportsDir, `${name}-${i + 1}.html`), String(result.report));
      }
      out.push(page);
    }
  } finally {
    chrome.kill();
  }
  return out;
}

const pad = (s: string, n: number) => s.padStart(n);

export function printLighthouse(pages: PageFigures[], runs: number) {
  const b = lighthouseBudget;
  const mark = (over: boolean) => (over ? '!' : ' ');
  const score = (c: Category, xs: (number | null)[]) => {
    const known = xs.filter((x): x is number => x !== null);
    if (known.length === 0) return pad('n/a', 6) + ' ';
    const m = median(known);
    return pad(m.toFixed(2), 6) + mark(m < b[c]);
  };
  console.log(
    `\nLighthouse ${runs > 1 ? `(median of ${runs} runs per figure` : '(1 run'}; mobile preset, simulated throttling; ! = over budget)`,
  );
  console.log(
    `  ${'page'.padEnd(9)} ${pad('perf', 6)}  ${pad('a11y', 6)}  ${pad('best', 6)}  ${pad('SEO', 6)}  ${pad('LCP', 7)}  ${pad('TBT', 7)}  ${pad('CLS', 6)}`,
  );
  console.log(
    `  ${'budget'.padEnd(9)} ${pad(`≥${b.performance}`, 6)}  ${pad(`≥${b.accessibility}`, 6)}  ${pad(`≥${b['best-practices']}`, 6)}  ${pad(`≥${b.seo}`, 6)}  ${pad(`≤${b.lcpMs / 1000} s`, 7)}  ${pad(`≤${b.tbtMs} ms`, 7)}  ${pad(`≤${b.cls}`, 6)}`,
  );
  let over = 0;
  for (const p of pages) {
    const cells = categories.map((c) =>
      score(
        c,
        p.runs.map((r) => r.scores[c]),
      ),
    );
    const lcp = median(p.runs.map((r) => r.lcpMs));
    const tbt = median(p.runs.map((r) => r.tbtMs));
    const cls = median(p.runs.map((r) => r.cls));
    const row = [
      ...cells,
      pad(`${(lcp / 1000).toFixed(2)} s`, 7) + mark(lcp > b.lcpMs),
      pad(`${Math.round(tbt)} ms`, 7) + mark(tbt > b.tbtMs),
      pad(cls.toFixed(3), 6) + mark(cls > b.cls),
    ];
    over += row.filter((cell) => cell.endsWith('!')).length;
    console.log(`  ${p.name.padEnd(9)} ${row.join(' ')}  ${p.path}`);
  }
  console.log(`  ${over === 0 ? 'every figure within budget' : `${over} figures over budget`}`);

  console.log('  failing audits (in how many runs):');
  for (const p of pages) {
    const parts: string[] = [];
    for (const c of categories) {
      const counts = new Map<string, number>();
      for (const r of p.runs)
        for (const id of r.failing[c]) counts.set(id, (counts.get(id) ?? 0) + 1);
      if (counts.size === 0) continue;
      const ids = [...counts].map(([id, n]) =>
        n === p.runs.length ? id : `${id} (${n}/${p.runs.length})`,
      );
      parts.push(`${c}: ${ids.join(', ')}`);
    }
    console.log(`    ${p.name.padEnd(9)} ${parts.length ? parts.join('; ') : 'none'}`);
  }
  const warnings = new Set(pages.flatMap((p) => p.runs.flatMap((r) => r.warnings)));
  for (const w of warnings) console.log(`  Lighthouse warned: ${w.replace(/\s+/g, ' ').trim()}`);
}
