export { columnSorter, useColumnSort } from "./columnSort";
export type { IColumnSort, IColumnSortState, SortValue } from "./columnSort";
export { ListCount } from "./ListCount";
export type { IListCountProps } from "./ListCount";
