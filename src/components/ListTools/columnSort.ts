import * as React from "react";
import type { IColumn } from "@fluentui/react";
import * as common from "CommonStrings";

/** What a row shows in a column, reduced to something to compare: text, a number, or nothing. */
export type SortValue = string | number | null | undefined;

/** The column a list is sorted by, as Microsoft Lists does: the header last clicked, and which way. */
export interface IColumnSort {
  key: string;
  desc: boolean;
}

/**
 * Sorting by a clicked column: numbers in order, text in Japanese order (pass a reading,
 * e.g. フリガナ folded by `normalizeForSearch`, for names), and empty values last
 * whichever way the column is sorted.
 */
export function columnSorter<T>(value: (row: T, key: string) => SortValue, sort: IColumnSort): (x: T, y: T) => number {
  return (x, y) => {
    const a = value(x, sort.key) ?? "";
    const b = value(y, sort.key) ?? "";
    if (a === "" && b !== "") return 1;
    if (b === "" && a !== "") return -1;
    const c = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "ja");
    return sort.desc ? -c : c;
  };
}

export interface IColumnSortState {
  /** null until a header is clicked (the list keeps its own default order). */
  sort: IColumnSort | null;
  /** Sets the sort (a saved view's, or none: the list's default order). */
  setSort: (sort: IColumnSort | null) => void;
  /** The columns with their sort state and a header click that sorts (again: the other way). */
  sortable: (columns: IColumn[]) => IColumn[];
  /** The rows in the clicked column's order; unchanged when no header was clicked. */
  sorted: <T>(rows: T[], value: (row: T, key: string) => SortValue) => T[];
}

/** Sortable headers for a DetailsList: one state, and the same behaviour on every list. */
export function useColumnSort(initial: IColumnSort | null = null): IColumnSortState {
  const [sort, setSort] = React.useState<IColumnSort | null>(initial);
  const sortable = (columns: IColumn[]): IColumn[] =>
    columns.map((c) => ({
      ...c,
      isSorted: sort?.key === c.key,
      isSortedDescending: sort?.key === c.key && sort.desc,
      sortAscendingAriaLabel: common.List.sortedAscending,
      sortDescendingAriaLabel: common.List.sortedDescending,
      onColumnClick: () => setSort((s) => ({ key: c.key, desc: s?.key === c.key ? !s.desc : false })),
    }));
  const sorted = <T,>(rows: T[], value: (row: T, key: string) => SortValue): T[] => (sort ? [...rows].sort(columnSorter(value, sort)) : rows);
  return { sort, setSort, sortable, sorted };
}
