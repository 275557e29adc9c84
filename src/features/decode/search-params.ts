/** The schema of `/decode`'s URL search param: the paste, when short enough to share as a link. */
import * as z from 'zod/mini';

export const decodeSearchSchema = z.object({
  text: z.optional(z.string()),
});

export type DecodeSearch = z.infer<typeof decodeSearchSchema>;

/** Pastes up to this many characters travel in the link; longer ones stay in the page. */
export const maxSharedChars = 4000;
