/**
 * The catalog summary: what cross-provider views show (provider cards, "the same status at other
 * providers"), generated from the validated catalogs into public/catalogs/summary.json so those
 * views need one small file instead of every full catalog. `npm run summary` writes it; a unit
 * test fails when the committed file no longer matches the catalogs.
 */
import * as z from 'zod/mini';
import { categorySchema, retryAdviceSchema, type ProviderCatalog } from './schema';
import { dateMessage, datePattern, slugMessage, slugPattern } from './enums';

const text = () => z.string().check(z.minLength(1));
const slug = z.string().check(z.regex(slugPattern, slugMessage));

export const summaryEntrySchema = z.object({
  id: slug,
  status: z.nullable(z.int().check(z.gte(100), z.lte(599))),
  title: text(),
  category: categorySchema,
  advice: retryAdviceSchema,
  wait: z.optional(text()),
  providerCodes: z.array(text()),
});

export const providerSummarySchema = z.object({
  id: slug,
  name: text(),
  entryCount: z.int().check(z.gte(0)),
  lastVerified: z.string().check(z.regex(datePattern, dateMessage)),
  errors: z.array(summaryEntrySchema),
});

export const catalogSummarySchema = z
  .object({
    providers: z.array(providerSummarySchema),
  })
  .check(
    z.superRefine((summary, ctx) => {
      summary.providers.forEach((p, i) => {
        if (p.entryCount !== p.errors.length) {
          ctx.addIssue({
            code: 'custom',
            input: p.entryCount,
            path: ['providers', i, 'entryCount'],
            message: `is ${p.entryCount} but the provider lists ${p.errors.length} entries`,
          });
        }
      });
    }),
  );

export type SummaryEntry = z.infer<typeof summaryEntrySchema>;
export type ProviderSummary = z.infer<typeof providerSummarySchema>;
export type CatalogSummary = z.infer<typeof catalogSummarySchema>;

/** The summary of validated catalogs, in the order given (the index order). Pure. */
export function summarize(catalogs: readonly ProviderCatalog[]): CatalogSummary {
  return {
    providers: catalogs.map((c) => ({
      id: c.id,
      name: c.name,
      entryCount: c.errors.length,
      lastVerified: c.lastVerified,
      errors: c.errors.map((e) => ({
        id: e.id,
        status: e.status,
        title: e.title,
        category: e.category,
        advice: e.retry.advice,
        ...(e.retry.wait ? { wait: e.retry.wait.text } : {}),
        providerCodes: e.providerCodes,
      })),
    })),
  };
}

/** The text of public/catalogs/summary.json for these catalogs. */
export function summaryJson(catalogs: readonly ProviderCatalog[]): string {
  return `${JSON.stringify(summarize(catalogs), null, 2)}\n`;
}
