import * as React from "react";
import { DetailsList, IDetailsListProps } from "@fluentui/react";
import { useNarrow } from "./hooks/useNarrow";
import { cardsBelow, ListCards } from "./ListCards";

/**
 * Fluent's DetailsList where its columns fit at their minimum widths, stacked cards where they
 * do not (a Teams tab on a phone, a panel at 390 px): the same columns either way, so the list
 * never scrolls sideways and no column is cut (issue 33 item 9). Fluent's own guidance for
 * lists on small screens is to show fewer columns or another layout, not to scroll sideways.
 */
export function ResponsiveDetailsList<T>(props: IDetailsListProps & { items: T[]; getKey: (item: T) => string }): JSX.Element {
  const columns = props.columns ?? [];
  const [ref, narrow] = useNarrow<HTMLDivElement>(cardsBelow(columns), true);
  return (
    <div ref={ref} style={{ minWidth: 0 }}>
      {narrow ? <ListCards items={props.items} columns={columns} getKey={props.getKey} ariaLabel={props.ariaLabelForGrid ?? ""} /> : <DetailsList {...props} />}
    </div>
  );
}
