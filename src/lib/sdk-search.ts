/**
 * The `sdk` search parameter (`sdk=openai-node@6.49.0`): which SDK release a page's SDK facts
 * are for. Lenient on purpose, like every search schema here: a value the page cannot use is
 * reported beside the picker (`resolveSdkChoice`), not thrown away.
 */
import { stringParams, type StringParams } from './string-params';

export const sdkSearchSchema = stringParams(['sdk']);

export type SdkSearch = StringParams<'sdk'>;
