import * as React from "react";
import { css, FontIcon } from "@fluentui/react";
import type { IColumn } from "@fluentui/react";
import { lightStyles as s } from "./styles";
import { useNarrow } from "../hooks/useNarrow";
import { cardsBelow, ListCards } from "../ListCards";

export interface IDataGridProps<T> {
  items: T[];
  /** Fluent's column shape (a type only), so the same columns serve a DetailsList on a later screen. */
  columns: IColumn[];
  getKey: (item: T) => string;
  ariaLabel: string;
  /** Enter on a focused row, or a double click on it (DetailsList's onItemInvoked). */
  onItemInvoked?: (item: T) => void;
  /** 32 px rows instead of 42 px (DetailsList's `compact`). */
  compact?: boolean;
}

/**
 * Rows drawn before the first paint (more than a screen holds); the rest follow in batches between
 * frames, so a long list shows its top at once and the page stays responsive while it fills in.
 */
const FIRST_ROWS = 60;
const MORE_ROWS = 120;
const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";
const PAGE = 10;

const cellValue = <T,>(c: IColumn, item: T, i: number): React.ReactNode =>
  c.onRender ? c.onRender(item, i, c) : c.fieldName ? String((item as Record<string, unknown>)[c.fieldName] ?? "") : null;

/**
 * A table for first views, as Fluent's DetailsList presents it to a keyboard and a screen reader —
 * a grid with column headers that sort (aria-sort), one tab stop, the arrow keys between rows and
 * into a row's links and buttons, Enter to open the focused row — without DetailsList, whose
 * GroupedList, List, Selection, FocusZone and drag-and-drop weigh ≈ 47 KB gzip, more than half of a
 * hello-world web part (measured by dev/scripts/bundle-sizes.mjs). Cells wrap instead of being cut
 * with an ellipsis; a column is never narrower than its `minWidth`. Where the columns do not fit
 * at their minimum widths (a Teams tab on a phone), the rows are stacked cards instead, so the
 * page never scrolls sideways (issue 33 item 9).
 */
export function DataGrid<T>({ items, columns, getKey, ariaLabel, onItemInvoked, compact }: IDataGridProps<T>): JSX.Element {
  const tableRef = React.useRef<HTMLTableElement>(null);
  const [boxRef, narrow] = useNarrow<HTMLDivElement>(cardsBelow(columns), true);
  // The row that holds the grid's one tab stop: 0 is the header row, 1… the items.
  const [active, setActive] = React.useState(items.length ? 1 : 0);
  const [limit, setLimit] = React.useState(FIRST_ROWS);
  const shown = items.length > limit ? items.slice(0, limit) : items;
  const at = Math.min(active, shown.length);

  React.useEffect(() => {
    if (items.length <= limit) return;
    const t = window.setTimeout(() => setLimit((n) => n + MORE_ROWS), 16);
    return () => window.clearTimeout(t);
  }, [items.length, limit]);

  // Links and buttons inside cells are reached with the arrow keys, not Tab (as a FocusZone does).
  React.useLayoutEffect(() => {
    tableRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE).forEach((el) => {
      if (el.getAttribute("role") !== "row" && el.tabIndex !== -1) el.tabIndex = -1;
    });
  });

  const rowsOf = (): HTMLElement[] => Array.from(tableRef.current?.querySelectorAll<HTMLElement>('tr[role="row"]') ?? []);
  const focusRow = (i: number): void => {
    const rows = rowsOf();
    const to = Math.max(0, Math.min(rows.length - 1, i));
    setActive(to);
    rows[to]?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLTableElement>): void => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('tr[role="row"]');
    if (!row) return;
    const rows = rowsOf();
    const i = rows.indexOf(row);
    const inner = Array.from(row.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el !== row);
    const onRow = e.target === row;
    const j = onRow ? -1 : inner.indexOf(e.target as HTMLElement);
    let handled = true;
    if (e.key === "ArrowDown") focusRow(i + 1);
    else if (e.key === "ArrowUp") focusRow(i - 1);
    else if (e.key === "PageDown") focusRow(i + PAGE);
    else if (e.key === "PageUp") focusRow(i - PAGE);
    else if (e.key === "Home" && (onRow || e.ctrlKey)) focusRow(e.ctrlKey ? 0 : 1);
    else if (e.key === "End" && (onRow || e.ctrlKey)) focusRow(rows.length - 1);
    else if (e.key === "ArrowRight" && j < inner.length - 1) inner[j + 1].focus();
    else if (e.key === "ArrowLeft" && !onRow) (j > 0 ? inner[j - 1] : row).focus();
    else if (e.key === "Enter" && onRow && i > 0 && onItemInvoked) onItemInvoked(items[i - 1]);
    else handled = false;
    if (handled) e.preventDefault();
  };
  const onFocus = (e: React.FocusEvent<HTMLTableElement>): void => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('tr[role="row"]');
    const i = row ? rowsOf().indexOf(row) : -1;
    if (i >= 0 && i !== at) setActive(i);
  };

  const sortIcon = (c: IColumn): JSX.Element | null => (c.isSorted ? <FontIcon iconName={c.isSortedDescending ? "SortDown" : "SortUp"} className={s.gridSortIcon} aria-hidden /> : null);
  // One measured box whatever it holds, so the measure follows it from table to cards and back.
  if (narrow) {
    return (
      <div ref={boxRef} style={{ minWidth: 0 }}>
        <ListCards items={items} columns={columns} getKey={getKey} ariaLabel={ariaLabel} />
      </div>
    );
  }
  return (
    <div ref={boxRef} style={{ minWidth: 0 }}>
      <div className={css("pd-Grid", s.gridWrap)}>
      <table ref={tableRef} role="grid" aria-label={ariaLabel} aria-rowcount={items.length + 1} aria-colcount={columns.length} className={s.grid} onKeyDown={onKeyDown} onFocus={onFocus}>
        <thead>
          <tr role="row" aria-rowindex={1} tabIndex={at === 0 ? 0 : -1} className={s.gridHeaderRow}>
            {columns.map((c, ci) => {
              const name = (
                <>
                  <span className={css("pd-Grid-headerName", s.gridHeaderName)}>{c.name}</span>
                  {sortIcon(c)}
                </>
              );
              return (
                <th
                  key={c.key}
                  role="columnheader"
                  scope="col"
                  aria-colindex={ci + 1}
                  aria-sort={c.isSorted ? (c.isSortedDescending ? "descending" : "ascending") : c.onColumnClick ? "none" : undefined}
                  className={css(s.gridHeader, c.headerClassName)}
                  style={{ width: c.maxWidth ?? c.minWidth }}
                >
                  {c.onColumnClick ? (
                    <button type="button" className={s.gridHeaderInner} style={{ minWidth: (c.minWidth ?? 0) + 20 }} onClick={(e) => c.onColumnClick?.(e as unknown as React.MouseEvent<HTMLElement>, c)}>
                      {name}
                    </button>
                  ) : (
                    <div className={s.gridHeaderInner} style={{ minWidth: (c.minWidth ?? 0) + 20 }}>
                      {name}
                    </div>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((item, i) => (
            <tr
              key={getKey(item)}
              role="row"
              aria-rowindex={i + 2}
              tabIndex={at === i + 1 ? 0 : -1}
              className={css(s.gridRow, compact && s.gridRowCompact)}
              onDoubleClick={onItemInvoked ? () => onItemInvoked(item) : undefined}
            >
              {columns.map((c, ci) => (
                <td key={c.key} role="gridcell" aria-colindex={ci + 1} className={css(s.gridCell, compact && s.gridCellCompact, c.className)}>
                  {cellValue(c, item, i)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}
