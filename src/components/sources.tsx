/** The dated sources of a fact, as links. */
import { sourceKindLabels } from '../core/catalog/labels';
import type { Source } from '../core/catalog/schema';

export function SourceLink({ source }: { source: Source }) {
  return (
    <a href={source.url} target="_blank" rel="noreferrer noopener" className="break-all">
      {source.title ?? source.url}
    </a>
  );
}

export function SourcesTable({ sources, caption }: { sources: Source[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="pb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-1.5 pr-3">
              Source
            </th>
            <th scope="col" className="py-1.5 pr-3">
              Kind
            </th>
            <th scope="col" className="py-1.5 pr-3">
              Seen
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((s, i) => (
            <tr
              key={`${s.url}-${i}`}
              className="border-b border-slate-200 align-top dark:border-slate-800"
            >
              <td className="py-1.5 pr-3">
                <SourceLink source={s} />
                {s.note && (
                  <div className="text-xs text-slate-600 dark:text-slate-400">{s.note}</div>
                )}
              </td>
              <td className="py-1.5 pr-3 whitespace-nowrap">{sourceKindLabels[s.kind]}</td>
              <td className="py-1.5 pr-3 whitespace-nowrap">
                <time dateTime={s.seen}>{s.seen}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
