import * as React from "react";
import * as common from "CommonStrings";
import { fmt } from "../format";

export interface IListCountProps {
  /** Rows shown after filtering and searching. */
  shown: number;
  /** Rows in the list before any filter. */
  total: number;
}

/** 「n 件を表示（全 m 件）」 under a list's filters, announced to screen readers as it changes. */
export function ListCount({ shown, total }: IListCountProps): JSX.Element {
  return (
    <p role="status" style={{ margin: "8px 0 0", color: "#605e5c" }}>
      {shown === total ? fmt(common.List.countAll, total) : fmt(common.List.countShown, shown, total)}
    </p>
  );
}
