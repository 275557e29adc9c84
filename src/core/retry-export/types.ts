/**
 * Exporting a retry policy (`src/core/retry/types.ts`) as ready-to-paste configuration or code
 * for a real client or library.
 *
 * Every exporter writes the closest code the target can express and lists, in `caveats`, each
 * way in which that code behaves differently from the policy. Nothing is dropped silently: the
 * caveats come from comparing the policy with a model of what the emitted code does (see
 * `diff.ts`), so a setting the target cannot express always shows up there.
 */

export type ExportTargetId =
  | 'tenacity'
  | 'openai-python'
  | 'openai-ts'
  | 'anthropic-python'
  | 'anthropic-ts'
  | 'cockatiel'
  | 'p-retry'
  | 'litellm'
  | 'portkey';

export type ExportLanguage = 'python' | 'typescript' | 'json';

/**
 * - `exact`: the code reproduces every setting of the policy (`caveats` is empty);
 * - `approximate`: the code runs the policy's retries, but some details differ (listed);
 * - `unsupported`: the target cannot express a central part of the policy: it has no way to
 *   retry without a count limit, or every delay it can produce lies outside the policy's range
 *   for at least one retry. The code is the nearest starting point, not an equivalent.
 */
export type Fidelity = 'exact' | 'approximate' | 'unsupported';

export interface ExportResult {
  readonly language: ExportLanguage;
  /** A suggested file name, e.g. `retry_policy.py`. */
  readonly filename: string;
  /** The code or configuration, ending with a newline. */
  readonly code: string;
  readonly fidelity: Fidelity;
  /** One sentence (or a few) per difference between the policy and the code; empty if exact. */
  readonly caveats: readonly string[];
}

/** `major` differences make the export `unsupported`, `minor` ones `approximate`. */
export type Severity = 'minor' | 'major';

export interface Caveat {
  readonly text: string;
  readonly severity: Severity;
}

export function fidelityOf(caveats: readonly Caveat[]): Fidelity {
  if (caveats.some((c) => c.severity === 'major')) return 'unsupported';
  return caveats.length > 0 ? 'approximate' : 'exact';
}

export function makeResult(
  language: ExportLanguage,
  filename: string,
  code: string,
  caveats: readonly Caveat[],
): ExportResult {
  return {
    language,
    filename,
    code: code.endsWith('\n') ? code : `${code}\n`,
    fidelity: fidelityOf(caveats),
    caveats: caveats.map((c) => c.text),
  };
}
