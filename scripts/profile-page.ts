/**
 * What fills the long main-thread tasks of a page's load, for finding where TBT comes from:
 *
 *   npx tsx scripts/profile-page.ts /compare /providers/anthropic   (serves dist/ as it is)
 *
 * Loads each path in Chromium on a phone-sized viewport with the CPU slowed 4× (as Lighthouse's
 * mobile preset assumes), records a trace and a JS sampling profile, and prints every task over
 * 30 ms (as slowed), what kind of work it held (parse, style, layout, paint, script)
 * and the functions that took its time. Figures, not a pass or fail; build first (for readable
 * function names: `npx vite build --minify false && npx tsx scripts/prerender.ts`).
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './chromium';
import { serveBuild } from './bench-serve';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const SLOWDOWN = 4;
const kinds = [
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'EvaluateScript',
  'v8.evaluateModule',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'MajorGC',
  'MinorGC',
];
const isTask = (e: TraceEvent) =>
  e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
const frameName = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber}`;
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(' | ');

const paths = process.argv.slice(2);
if (paths.length === 0) throw new Error('usage: tsx scripts/profile-page.ts /path [/path ...]');
const server = await serveBuild(process.cwd());
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
try {
  for (const path of paths) {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d: { value: object[] }) =>
      events.push(...(d.value as TraceEvent[])),
    );
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
      transferMode: 'ReportEvents',
    });
    await cdp.send('Profiler.start');
    await page.goto(new URL(path, server.base).toString(), { waitUntil: 'load' });
    await page.waitForTimeout(4000);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;

    // The renderer's main thread: the CrRendererMain thread that ran the most.
    const busy = new Map<string, number>();
    for (const e of events)
      if (isTask(e))
        busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
    const mainKey = events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`)
      .sort((a, b) => (busy.get(b) ?? 0) - (busy.get(a) ?? 0))[0];
    const main = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.ph === 'X');
    const start = events.find((e) => e.name === 'navigationStart')?.ts ?? main[0]?.ts ?? 0;
    const tasks = main.filter((e) => isTask(e) && (e.dur ?? 0) > 30_000);

    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    let t = profile.startTime;
    const samples = profile.samples.map((id, i) => ({ id, t: (t += profile.timeDeltas[i] ?? 0) }));

    console.log(`\n${path}  (CPU ${SLOWDOWN}× slower; ms as slowed)`);
    let blocking = 0;
    for (const task of tasks) {
      const from = task.ts;
      const to = task.ts + (task.dur ?? 0);
      const ms = (task.dur ?? 0) / 1000;
      blocking += Math.max(0, ms - 50);
      const work = new Map<string, number>();
      for (const e of main)
        if (e !== task && kinds.includes(e.name) && e.ts >= from && e.ts + (e.dur ?? 0) <= to)
          work.set(e.name, (work.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      const self = new Map<string, number>();
      const inclusive = new Map<string, number>();
      const inTask = samples.filter((s) => s.t >= from && s.t <= to);
      inTask.forEach((s, i) => {
        const dt = ((inTask[i + 1]?.t ?? s.t) - s.t) / 1000;
        const node = nodes.get(s.id);
        if (!node) return;
        self.set(frameName(node), (self.get(frameName(node)) ?? 0) + dt);
        const seen = new Set<string>();
        for (let id: number | undefined = s.id; id !== undefined; id = parent.get(id)) {
          const n = nodes.get(id);
          if (!n || n.callFrame.url === '') continue;
          const name = frameName(n);
          if (seen.has(name)) continue;
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
        }
      });
      console.log(
        `  task at ${((from - start) / 1000).toFixed(0)} ms: ${ms.toFixed(0)} ms  ${top(work, 8)}`,
      );
      if (inclusive.size > 0) {
        console.log(`    self:      ${top(self, 6)}`);
        console.log(`    inclusive: ${top(inclusive, 10)}`);
      }
    }
    console.log(`  sum over 50 ms of tasks over 50 ms: ${blocking.toFixed(0)} ms`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
