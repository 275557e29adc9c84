/** Replay: the route's search schema (tiny: the route imports it). */
import { stringParams, type StringParams } from '../../lib/string-params';

/**
 * The route imports this file, so it stays tiny: the schema only. `search-state.ts` resolves
 * the values and reports, by name, what it did not understand.
 */
export const replaySearchSchema = stringParams([
  /** A library scenario id. */
  'scenario',
  /** A custom scenario: its JSON as UTF-8, base64url-encoded (see `scenario-link.ts`). */
  's',
  /** `openai`, `anthropic` or `reference`. */
  'client',
  /** The simulator preset the reference client runs, or `custom`. */
  'preset',
  /** The custom policy's numbers, named as in the simulator's address (durations in seconds). */
  'attempts',
  'base',
  'factor',
  'cap',
  'jitter',
  /** `instant`, `10` or `1`. */
  'speed',
  /** The release you run (`openai-node@7.59.0`), predicted beside the installed one. */
  'sdk',
]);

export type ReplaySearch = StringParams<keyof typeof replaySearchSchema.shape>;
