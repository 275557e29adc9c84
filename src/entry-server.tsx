/**
 * The prerender's entry (built by `vite build --ssr`, run by scripts/prerender.ts): renders one
 * URL to HTML with the same router, routes and components the browser runs.
 */
import { prerenderToNodeStream } from 'react-dom/static';
import { createMemoryHistory } from '@tanstack/react-router';
import { AppRoot } from './app/app-root';
import { createAppQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';

export interface RenderedPage {
  /** The markup inside #root. */
  html: string;
  /** Whether every route rendered its content (not a not-found or error view). */
  ok: boolean;
  /** The failing routes' errors, when not ok. */
  problems: string[];
}

// TanStack Router's browser build registers the router on `self`; Node has no `self`.
(globalThis as { self?: unknown }).self ??= globalThis;

/**
 * A boundary that suspended during the render (a lazily loaded component meeting its first page)
 * is written as a fallback plus an inline script that swaps the content in: neither hydrates as
 * plain markup, and the Content-Security-Policy forbids the script.
 */
const unsettled = /<!--\$[?!]-->|<script\b/;

async function renderOnce(url: string) {
  const queryClient = createAppQueryClient();
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [url] }));
  await router.load();
  const problems: string[] = [];
  const { prelude } = await prerenderToNodeStream(
    <AppRoot queryClient={queryClient} router={router} />,
    {
      // Never split a large boundary out into a separate chunk with a reveal script.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      onError: (error) => void problems.push(`render: ${String(error)}`),
    },
  );
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  for (const m of router.state.matches) {
    if (m.status === 'notFound' || m.status === 'error') {
      problems.push(`${m.routeId}: ${m.status} ${String(m.error)}`);
    }
  }
  return { html, problems };
}

export async function renderPage(url: string): Promise<RenderedPage> {
  let page = await renderOnce(url);
  // Code split off by a lazy import loads during the first render that needs it; the second
  // render of the page finds it loaded.
  if (unsettled.test(page.html)) page = await renderOnce(url);
  if (unsettled.test(page.html)) {
    page.problems.push(
      'the page still suspends on a second render (a query or import the loader does not await)',
    );
  }
  return {
    html: page.html,
    ok: page.problems.length === 0,
    problems: page.problems,
  };
}
