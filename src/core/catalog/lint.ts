/**
 * Content rules a JSON Schema cannot express. The validate script and the
 * catalog tests enforce them; the app does not need them to render.
 */
import type { CatalogProblem } from './load-error';
import type { ProviderCatalog } from './schema';

export function lintCatalog(catalog: ProviderCatalog, today = new Date()): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const todayIso = today.toISOString().slice(0, 10);
  const future = (date: string) => date > todayIso;

  if (future(catalog.lastVerified)) {
    problems.push({ path: 'lastVerified', message: `${catalog.lastVerified} is in the future` });
  }
  catalog.errors.forEach((entry, i) => {
    const at = `errors[${i}]`;
    if (entry.status !== null && !entry.id.startsWith(`${entry.status}-`)) {
      problems.push({
        path: `${at}.id`,
        message: `"${entry.id}" should start with "${entry.status}-"`,
      });
    }
    if (entry.status !== null && entry.example.status !== entry.status) {
      problems.push({
        path: `${at}.example.status`,
        message: `is ${entry.example.status} but the entry's status is ${entry.status}`,
      });
    }
    entry.sources.forEach((s, j) => {
      if (future(s.seen))
        problems.push({ path: `${at}.sources[${j}].seen`, message: `${s.seen} is in the future` });
    });
    const w = entry.retry.wait;
    if (
      w &&
      w.minSeconds === undefined &&
      w.maxSeconds === undefined &&
      entry.retry.advice === 'do_not_retry'
    ) {
      problems.push({
        path: `${at}.retry.wait`,
        message: 'a wait is given but the advice is do_not_retry',
      });
    }
  });
  return problems;
}
