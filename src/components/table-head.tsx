/** One header row for the app's tables. */
import { headRow, th } from './table-styles';

export type Column = string | { label: string; className?: string };

/** A table's column headers, each a real `<th scope="col">`. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr className={headRow}>
        {columns.map((column) => {
          const { label, className } =
            typeof column === 'string' ? { label: column, className: undefined } : column;
          return (
            <th key={label} scope="col" className={className ? `${th} ${className}` : th}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
