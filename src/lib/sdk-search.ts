/**
 * The `sdk` search parameter (`sdk=openai-node@6.49.0`): which SDK release a page's SDK facts
 * are for. Lenient on purpose, like every search schema here: a value the page cannot use is
 * reported beside the picker (`resolveSdkChoice`), not thrown away.
 */
import * as z from 'zod/mini';

export const sdkSearchField = z.optional(z.string());

export const sdkSearchSchema = z.object({ sdk: sdkSearchField });

export type SdkSearch = z.infer<typeof sdkSearchSchema>;
