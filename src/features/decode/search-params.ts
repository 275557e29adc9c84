/** The schema of `/decode`'s URL search param: the paste, when short enough to share as a link. */
import { stringParams, type StringParams } from '../../lib/string-params';

/** `text`: the paste; `sdk`: the SDK release the results' SDK facts are for (`openai-node@6.49.0`). */
export const decodeSearchSchema = stringParams(['text', 'sdk']);

export type DecodeSearch = StringParams<keyof typeof decodeSearchSchema.shape>;

/** Pastes up to this many characters travel in the link; longer ones stay in the page. */
export const maxSharedChars = 4000;
