import * as React from "react";
import type { IColumn } from "@fluentui/react";

/**
 * A list's rows as stacked cards, for a room too narrow for its table (a Teams tab on a phone,
 * a narrow page column): each card shows a column's name beside its value and the actions
 * (columns without a name) at its foot, so nothing needs sideways scrolling.
 */
export function ListCards<T>({ items, columns, getKey, ariaLabel }: { items: T[]; columns: IColumn[]; getKey: (item: T) => string; ariaLabel: string }): JSX.Element {
  const value = (c: IColumn, item: T, i: number): React.ReactNode => (c.onRender ? c.onRender(item, i, c) : c.fieldName ? String((item as Record<string, unknown>)[c.fieldName] ?? "") : null);
  return (
    <ul aria-label={ariaLabel} className="pd-ListCards" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {items.map((item, i) => (
        <li key={getKey(item)} style={{ border: "1px solid #e1dfdd", borderRadius: 4, padding: "8px 10px", marginBottom: 8, background: "#fff" }}>
          <dl style={{ margin: 0 }}>
            {columns
              .filter((c) => c.name)
              .map((c) => (
                <div key={c.key} style={{ display: "flex", gap: 8, padding: "2px 0" }}>
                  {/* 7.5em: a label of seven characters (企業等の連絡先) on one line, not its last character alone on the next. */}
                  <dt style={{ flex: "0 0 7.5em", color: "#605e5c", fontSize: 12 }}>{c.name}</dt>
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
  );
}

/** The width a table of these columns needs at their minimum widths (with the lists' cell padding). */
export const tableMinWidth = (columns: IColumn[]): number => columns.reduce((w, c) => w + (c.minWidth ?? 100) + 20, 40);

/**
 * Where a table becomes cards: below the width its columns need, but never above a phone's or a
 * panel's width (640 px), so a wide table in a page column stays a table (its columns squeeze and
 * wrap, as DetailsList's justified layout does) and only a phone, a Teams tab on a phone, or a
 * panel gets cards.
 */
export const cardsBelow = (columns: IColumn[]): number => Math.min(tableMinWidth(columns), 640);
