/** The schema of `/decode`'s URL search param: the paste, when short enough to share as a link. */
import * as z from 'zod/mini';
import { sdkSearchField } from '../../lib/sdk-search';

export const decodeSearchSchema = z.object({
  text: z.optional(z.string()),
  /** Which SDK release the results' SDK facts are for (`openai-node@6.49.0`). */
  sdk: sdkSearchField,
});

export type DecodeSearch = z.infer<typeof decodeSearchSchema>;

/** Pastes up to this many characters travel in the link; longer ones stay in the page. */
export const maxSharedChars = 4000;
