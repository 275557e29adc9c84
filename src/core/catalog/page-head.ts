/**
 * Each page's title and description, written from the catalog: the same words in the browser
 * tab (set by the page) and in the prerendered HTML that search engines read.
 */
import { retryAdviceLabels, statusText } from './labels';
import type { ErrorEntry, ProviderCatalog } from './schema';

export const SITE_NAME = 'LLM Error Explorer';

export interface PageHead {
  /** The path the page lives at (no origin, no search). */
  path: string;
  /** The page's own title, without the site name (empty for the home page). */
  title: string;
  description: string;
}

/** What the browser tab shows: "Anthropic errors · LLM Error Explorer". */
export function documentTitle(title: string): string {
  return title ? `${title} · ${SITE_NAME}` : SITE_NAME;
}

const DESCRIPTION_MAX = 300;

/** Whitespace folded; cut at a word boundary with an ellipsis when longer than a snippet. */
export function snippet(text: string, max = DESCRIPTION_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function homeHead(providerCount: number): PageHead {
  return {
    path: '/',
    title: '',
    description: snippet(
      `What an LLM API error means at each of ${providerCount} providers (OpenAI, Anthropic, Gemini, Bedrock, Azure, Mistral and more), whether to retry and how long to wait. Every fact sourced and dated.`,
    ),
  };
}

export function providerPath(providerId: string): string {
  return `/providers/${providerId}`;
}

export function errorPath(providerId: string, errorId: string): string {
  return `/providers/${providerId}/errors/${errorId}`;
}

/** "Anthropic errors". */
export function providerTitle(catalog: Pick<ProviderCatalog, 'name'>): string {
  return `${catalog.name} errors`;
}

export function providerHead(catalog: ProviderCatalog): PageHead {
  const statuses = [
    ...new Set(catalog.errors.map((e) => e.status).filter((s): s is number => s !== null)),
  ].sort((a, b) => a - b);
  return {
    path: providerPath(catalog.id),
    title: providerTitle(catalog),
    description: snippet(
      `${catalog.errors.length} ${catalog.name} API errors (${statuses.join(', ')}): what each means, whether to retry and how long to wait, with sources. ${catalog.summary}`,
    ),
  };
}

/** "Anthropic 529 API overloaded". */
export function errorTitle(catalog: Pick<ProviderCatalog, 'name'>, entry: ErrorEntry): string {
  return `${catalog.name} ${statusText(entry)} ${entry.title}`;
}

export function errorHead(catalog: ProviderCatalog, entry: ErrorEntry): PageHead {
  const codes = entry.providerCodes.length > 0 ? ` (${entry.providerCodes.join(', ')})` : '';
  return {
    path: errorPath(catalog.id, entry.id),
    title: errorTitle(catalog, entry),
    description: snippet(
      `${catalog.name} ${statusText(entry)}${codes}: ${entry.meaning} ${retryAdviceLabels[entry.retry.advice]}: ${entry.fix}`,
    ),
  };
}

/** The tool pages: their default views are prerendered too. */
export const toolHeads: readonly PageHead[] = [
  {
    path: '/compare',
    title: 'Compare providers',
    description:
      'The same LLM API error across providers side by side: where OpenAI, Anthropic, Gemini and others disagree on meaning, retry advice, wait time and status code.',
  },
  {
    path: '/decode',
    title: 'Decode an error',
    description:
      'Paste an LLM API error (an SDK exception, a JSON body, a status line or headers) and see which provider and error it is, what it means and whether to retry.',
  },
  {
    path: '/simulate',
    title: 'Simulate retry policies',
    description:
      'What a retry policy does over time: the official SDKs’ defaults or your own, one client or a herd against an overloaded server, drawn as charts.',
  },
  {
    path: '/replay',
    title: 'Replay failure sequences',
    description:
      'A scripted failure sequence (503, 503, 429 with Retry-After, 200; a stream cut mid-answer) served by a mock service worker and met by the real SDKs on a virtual clock.',
  },
];
