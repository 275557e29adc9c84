import * as z from 'zod/mini';
export const simulateSearchSchema = z.looseObject({});
