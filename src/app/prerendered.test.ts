import { describe, expect, it } from 'vitest';
import { isPrerenderedFor, normalizePath } from './prerendered';

describe('isPrerenderedFor', () => {
  const at = (pathname: string, search = '') => ({ pathname, search });

  it('hydrates the page the HTML was rendered for', () => {
    expect(isPrerenderedFor('/providers/openai', at('/providers/openai'))).toBe(true);
    expect(isPrerenderedFor('/providers/openai', at('/providers/openai/'))).toBe(true);
    expect(isPrerenderedFor('/', at('/'))).toBe(true);
  });

  it('renders anew for another page, a view with search parameters, or no prerender', () => {
    expect(isPrerenderedFor('/', at('/replay'))).toBe(false);
    expect(isPrerenderedFor('/', at('/', '?q=529'))).toBe(false);
    expect(isPrerenderedFor(undefined, at('/'))).toBe(false);
    expect(isPrerenderedFor('/compare', at('/%E0%A4%A'))).toBe(false);
  });

  it('compares decoded paths', () => {
    expect(isPrerenderedFor('/providers/a b', at('/providers/a%20b'))).toBe(true);
    expect(normalizePath('/a//')).toBe('/a');
    expect(normalizePath('/')).toBe('/');
  });
});
