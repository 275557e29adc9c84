import { describe, expect, it } from 'vitest';
import {
  CatalogLoadError,
  formatJsonPath,
  lineAndColumn,
  parseCatalogIndex,
  parseProviderCatalog,
} from './parse';

const minimal = {
  id: 'acme',
  name: 'Acme',
  docsUrl: 'https://acme.example/docs/errors',
  lastVerified: '2026-11-01',
  summary: 'A test provider.',
  bodyShape: { description: 'flat', example: { message: 'x' } },
  sources: [{ url: 'https://acme.example/docs/errors', seen: '2026-11-01', kind: 'official-doc' }],
  errors: [
    {
      id: '429-rate_limit',
      status: 429,
      title: 'Rate limited',
      meaning: 'Too many requests.',
      fix: 'Slow down.',
      category: 'rate_limit',
      retry: { advice: 'honour_retry_after' },
      example: { status: 429, body: { message: 'slow down' } },
      sources: [
        { url: 'https://acme.example/docs/errors', seen: '2026-11-01', kind: 'official-doc' },
      ],
    },
  ],
};

function problemsOf(text: string) {
  try {
    parseProviderCatalog('acme.json', text);
  } catch (error) {
    if (error instanceof CatalogLoadError) return error.problems;
    throw error;
  }
  throw new Error('expected the catalog to be rejected');
}

describe('parseProviderCatalog', () => {
  it('accepts a minimal catalog and fills defaults', () => {
    const catalog = parseProviderCatalog('acme.json', JSON.stringify(minimal));
    expect(catalog.errors[0]?.providerCodes).toEqual([]);
    expect(catalog.errors[0]?.history).toEqual([]);
    expect(catalog.errors[0]?.example.headers).toEqual({});
  });

  it('reports an empty file', () => {
    expect(problemsOf('  ')[0]?.message).toBe('the file is empty');
  });

  it('reports a bad enum value at its path', () => {
    const bad = structuredClone(minimal);
    bad.errors[0]!.retry.advice = 'maybe';
    const problems = problemsOf(JSON.stringify(bad));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('errors[0].retry.advice');
  });

  it('reports a malformed date and URL', () => {
    const bad = { ...structuredClone(minimal), lastVerified: '21/11/2026', docsUrl: 'not a url' };
    const paths = problemsOf(JSON.stringify(bad)).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['lastVerified', 'docsUrl']));
  });

  it('rejects duplicate error ids, naming both places', () => {
    const bad = structuredClone(minimal);
    bad.errors.push(structuredClone(bad.errors[0]!));
    const problems = problemsOf(JSON.stringify(bad));
    expect(problems[0]?.path).toBe('errors[1].id');
    expect(problems[0]?.message).toMatch(/duplicate.*errors\[0\]/);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:msgbox',
    'http://acme.example/docs',
  ])('rejects the link %s in docsUrl and in sources, naming each place', (url) => {
    const bad = structuredClone(minimal);
    bad.docsUrl = url;
    bad.errors[0]!.sources[0]!.url = url;
    const problems = problemsOf(JSON.stringify(bad));
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['docsUrl', 'errors[0].sources[0].url']),
    );
    expect(problems.find((p) => p.path === 'docsUrl')?.message).toBe('must be an https:// URL');
  });

  it('requires at least one source per entry', () => {
    const bad = structuredClone(minimal);
    bad.errors[0]!.sources = [];
    expect(problemsOf(JSON.stringify(bad))[0]?.path).toBe('errors[0].sources');
  });
});

describe('parseCatalogIndex', () => {
  it('rejects a provider listed twice, naming both places', () => {
    const text = JSON.stringify({
      providers: [
        { id: 'openai', name: 'OpenAI' },
        { id: 'anthropic', name: 'Anthropic' },
        { id: 'openai', name: 'OpenAI again' },
      ],
    });
    try {
      parseCatalogIndex('index.json', text);
      expect.unreachable('a duplicate provider must be rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogLoadError);
      expect((error as CatalogLoadError).problems).toEqual([
        {
          path: 'providers[2].id',
          message: 'provider "openai" is listed twice (first at providers[0])',
        },
      ]);
    }
  });

  it('requires at least one provider', () => {
    expect(() => parseCatalogIndex('index.json', '{"providers": []}')).toThrow(CatalogLoadError);
  });
});

describe('helpers', () => {
  it('formats JSON paths', () => {
    expect(formatJsonPath([])).toBe('(root)');
    expect(formatJsonPath(['errors', 3, 'example', 'headers', 'retry-after'])).toBe(
      'errors[3].example.headers["retry-after"]',
    );
  });

  it('finds line and column of an offset', () => {
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
