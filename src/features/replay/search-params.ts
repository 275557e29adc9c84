/** Replay: the route's search schema (tiny: the route imports it). */
import * as z from 'zod/mini';
import { sdkSearchField } from '../../lib/sdk-search';

/**
 * The route imports this file, so it stays tiny: the schema only. `search-state.ts` resolves
 * the values and reports, by name, what it did not understand.
 */
const optional = z.optional(z.string());

export const replaySearchSchema = z.object({
  /** A library scenario id. */
  scenario: optional,
  /** A custom scenario: its JSON as UTF-8, base64url-encoded (see `scenario-link.ts`). */
  s: optional,
  /** `openai`, `anthropic` or `reference`. */
  client: optional,
  /** The simulator preset the reference client runs, or `custom`. */
  preset: optional,
  /** The custom policy's numbers, named as in the simulator's address (durations in seconds). */
  attempts: optional,
  base: optional,
  factor: optional,
  cap: optional,
  jitter: optional,
  /** `instant`, `10` or `1`. */
  speed: optional,
  /** The release you run (`openai-node@7.59.0`), predicted beside the installed one. */
  sdk: sdkSearchField,
});

export type ReplaySearch = z.infer<typeof replaySearchSchema>;
