import * as React from "react";
import type { IColumn } from "@fluentui/react";
import { DataGrid } from "./light";
import { useNarrow } from "./hooks/useNarrow";
import { ListCards, tableMinWidth } from "./ListCards";

/**
 * A list that is a table where there is room and stacked cards where there is not (a Teams
 * tab on a phone): the same columns, each card showing a column's name beside its value and
 * the actions (columns without a name) at its foot, so nothing needs sideways scrolling.
 */
export function ResponsiveList<T>({ items, columns, getKey, ariaLabel, breakpoint }: { items: T[]; columns: IColumn[]; getKey: (item: T) => string; ariaLabel: string; breakpoint?: number }): JSX.Element {
  // A table only where all its columns fit at their minimum width (with the list's cell padding).
  const [ref, narrow] = useNarrow<HTMLDivElement>(breakpoint ?? tableMinWidth(columns));
  return (
    <div ref={ref} style={{ minWidth: 0 }}>
      {narrow ? <ListCards items={items} columns={columns} getKey={getKey} ariaLabel={ariaLabel} /> : <DataGrid items={items} columns={columns} getKey={getKey} ariaLabel={ariaLabel} />}
    </div>
  );
}
