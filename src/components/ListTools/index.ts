export { columnSorter, useColumnSort } from "./columnSort";
export type { IColumnSort, IColumnSortState, SortValue } from "./columnSort";
export { ListCount } from "./ListCount";
export type { IListCountProps } from "./ListCount";
export { ColumnFilters } from "./ColumnFilters";
export type { IFilterColumn } from "./ColumnFilters";
export { useListView } from "./useListView";
export type { IListViewState } from "./useListView";
