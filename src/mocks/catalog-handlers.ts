/**
 * MSW handlers that serve catalog files from memory, so loading can be tested
 * (and demonstrated) with any mix of good and broken files.
 */
import { http, HttpResponse } from 'msw';

export type ServedFile =
  { json: unknown } | { text: string; contentType?: string } | { status: number };

export const mockCatalogOrigin = 'http://catalogs.mock';
export const mockCatalogBase = `${mockCatalogOrigin}/catalogs/`;

export function catalogHandlers(files: Record<string, ServedFile>) {
  return [
    http.get(`${mockCatalogBase}:file`, ({ params }) => {
      const served = files[String(params.file)];
      if (!served)
        return new HttpResponse('<!doctype html><html></html>', {
          headers: { 'content-type': 'text/html' },
        });
      if ('status' in served) return new HttpResponse(null, { status: served.status });
      if ('json' in served) return HttpResponse.json(served.json as Record<string, unknown>);
      return new HttpResponse(served.text, {
        headers: { 'content-type': served.contentType ?? 'application/json' },
      });
    }),
  ];
}
