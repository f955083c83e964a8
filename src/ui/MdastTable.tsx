import type { Table } from "mdast";
import { MdastContent } from "./MdastContent";

export interface MdastTableProps {
  readonly table: Table;
}

/** A GFM table; its first row is the header. Wide tables scroll inside their own box. */
export function MdastTable({ table }: MdastTableProps) {
  const [head, ...rows] = table.children;
  const align = (i: number) => table.align?.[i] ?? undefined;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Table">
      <table>
        {head && (
          <thead>
            <tr>
              {head.children.map((cell, i) => (
                <th key={i} scope="col" style={{ textAlign: align(i) }}>
                  <MdastContent nodes={cell.children} />
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.children.map((cell, i) => (
                <td key={i} style={{ textAlign: align(i) }}>
                  <MdastContent nodes={cell.children} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
