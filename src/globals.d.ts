/**
 * Set by vite.config.ts (`define`): the SHA-256 (base64) of each of index.json and summary.json
 * as the build checked them, by file name; empty in development and tests.
 */
declare const __CHECKED_CATALOGS__: Readonly<Record<string, string>>;
