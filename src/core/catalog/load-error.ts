/**
 * What went wrong with a catalog file: the file, and each problem by JSON path. Its own module,
 * free of the schema, so pages that only report problems do not load the validator.
 */

export interface CatalogProblem {
  /** JSON path such as `errors[3].status`, or `(file)` for problems with the whole file. */
  path: string;
  message: string;
}

export class CatalogLoadError extends Error {
  readonly file: string;
  readonly problems: CatalogProblem[];

  constructor(file: string, problems: CatalogProblem[]) {
    const first = problems[0];
    super(
      first
        ? `${file}: ${first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`
        : `${file}: invalid`,
    );
    this.name = 'CatalogLoadError';
    this.file = file;
    this.problems = problems;
  }
}
