/** The schema of `/decode`'s URL search param: the paste, when short enough to share as a link. */
import { stringParams, type StringParams } from '../../lib/string-params';

export const decodeSearchSchema = stringParams(['text']);

export type DecodeSearch = StringParams<keyof typeof decodeSearchSchema.shape>;

/** Pastes up to this many characters travel in the link; longer ones stay in the page. */
export const maxSharedChars = 4000;
