import * as React from "react";
import type { IColumn } from "@fluentui/react";
import { DataGrid } from "./light";
import { useNarrow } from "./hooks/useNarrow";

/**
 * A list that is a table where there is room and stacked cards where there is not (a Teams
 * tab on a phone): the same columns, each card showing a column's name beside its value and
 * the actions (columns without a name) at its foot, so nothing needs sideways scrolling.
 */
export function ResponsiveList<T>({ items, columns, getKey, ariaLabel, breakpoint }: { items: T[]; columns: IColumn[]; getKey: (item: T) => string; ariaLabel: string; breakpoint?: number }): JSX.Element {
  // A table only where all its columns fit at their minimum width (with the list's cell padding).
  const [ref, narrow] = useNarrow<HTMLDivElement>(breakpoint ?? columns.reduce((w, c) => w + (c.minWidth ?? 100) + 20, 40));
  const value = (c: IColumn, item: T, i: number): React.ReactNode => (c.onRender ? c.onRender(item, i, c) : c.fieldName ? String((item as Record<string, unknown>)[c.fieldName] ?? "") : null);
  return (
    <div ref={ref} style={{ minWidth: 0 }}>
      {narrow ? (
        <ul aria-label={ariaLabel} style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {items.map((item, i) => (
            <li key={getKey(item)} style={{ border: "1px solid #e1dfdd", borderRadius: 4, padding: "8px 10px", marginBottom: 8, background: "#fff" }}>
              <dl style={{ margin: 0 }}>
                {columns
                  .filter((c) => c.name)
                  .map((c) => (
                    <div key={c.key} style={{ display: "flex", gap: 8, padding: "2px 0" }}>
                      <dt style={{ flex: "0 0 6.5em", color: "#605e5c", fontSize: 12 }}>{c.name}</dt>
                      <dd style={{ margin: 0, minWidth: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>{value(c, item, i)}</dd>
                    </div>
                  ))}
              </dl>
              {columns
                .filter((c) => !c.name)
                .map((c) => (
                  <div key={c.key} style={{ marginTop: 6 }}>
                    {value(c, item, i)}
                  </div>
                ))}
            </li>
          ))}
        </ul>
      ) : (
        <DataGrid items={items} columns={columns} getKey={getKey} ariaLabel={ariaLabel} />
      )}
    </div>
  );
}
