import * as React from "react";
import { getId } from "@fluentui/react";
import * as common from "CommonStrings";
import { fmt } from "../format";
import { Button, Notice } from "../light";
import { lightStyles as s } from "../light/styles";
import type { FilterOption } from "../../domain/listView";
import type { IListViewState } from "./useListView";

export interface IFilterColumn {
  key: string;
  name: string;
  /** The values the column's filter offers now (see columnFilterOptions). */
  options: FilterOption[];
  /** How a value is shown (a status code as its label); "" is shown as （空白）. */
  text?: (value: string) => string;
}

const panel: React.CSSProperties = { border: "1px solid #c8c6c4", borderRadius: 2, margin: "6px 0 0", padding: "4px 8px 8px", maxHeight: 280, overflowY: "auto", maxWidth: "100%", boxSizing: "border-box" };

/** One column's values as checkboxes, each with how many rows have it. */
function FilterValues({ id, column, chosen, onChange }: { id: string; column: IFilterColumn; chosen: string[]; onChange: (values: string[]) => void }): JSX.Element {
  const show = (v: string): string => (v === "" ? common.List.blank : (column.text?.(v) ?? v));
  return (
    <fieldset id={id} style={panel}>
      <legend className={s.label}>{column.name}</legend>
      <div style={{ display: "flex", flexWrap: "wrap", columnGap: 20 }}>
        {column.options.map((o) => (
          <label key={o.value} style={{ display: "flex", gap: 6, alignItems: "flex-start", padding: "2px 0", overflowWrap: "anywhere" }}>
            <input type="checkbox" checked={chosen.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))} />
            <span>{fmt(common.List.filterCount, show(o.value), o.count)}</span>
          </label>
        ))}
      </div>
      {chosen.length > 0 && (
        <Button small onClick={() => onChange([])}>
          {common.List.clearFilter}
        </Button>
      )}
    </fieldset>
  );
}

/**
 * Microsoft Lists' conveniences over a list: a filter per column, the columns shown, and the
 * view saved per user (「ビューを保存」) or forgotten (「既定に戻す」).
 */
export function ColumnFilters({ columns, allColumns, state, sort, onReset }: { columns: IFilterColumn[]; /** Every column that can be hidden, with its name. */ allColumns: Array<{ key: string; name: string }>; state: IListViewState; /** The list's current sort, saved with the view. */ sort: IListViewState["view"]["sort"]; onReset?: () => void }): JSX.Element {
  const [message, setMessage] = React.useState<"saved" | "reset" | "noStorage" | null>(null);
  // One panel open at a time, under the row of buttons (full width: nothing cut at 390 px).
  const [open, setOpen] = React.useState<string | null>(null);
  const [id] = React.useState(() => getId("pd-colfilter"));
  const { view } = state;
  const toggle = (key: string): void => setOpen((o) => (o === key ? null : key));
  const openColumn = columns.find((c) => c.key === open);
  const shownCount = allColumns.filter((x) => !view.hidden.includes(x.key)).length;
  return (
    <section aria-label={common.List.filterBy} style={{ margin: "8px 0" }}>
      <div className={s.label}>{common.List.filterBy}</div>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "flex-start" }}>
        {columns.map((c) => {
          const chosen = view.filters[c.key] ?? [];
          return (
            <Button key={c.key} expanded={open === c.key} controls={open === c.key ? id : undefined} onClick={() => toggle(c.key)}>
              {chosen.length ? `${c.name}（${chosen.length}）` : c.name} {open === c.key ? "▴" : "▾"}
            </Button>
          );
        })}
        <Button expanded={open === "columns"} controls={open === "columns" ? id : undefined} onClick={() => toggle("columns")}>
          {common.List.columns} {open === "columns" ? "▴" : "▾"}
        </Button>
        <Button onClick={() => setMessage(state.save(sort) ? "saved" : "noStorage")}>{common.List.saveView}</Button>
        <Button
          disabled={state.saved === null && state.isDefault && sort === null}
          onClick={() => {
            state.reset();
            onReset?.();
            setMessage("reset");
          }}
        >
          {common.List.resetView}
        </Button>
      </div>
      {openColumn && <FilterValues id={id} column={openColumn} chosen={view.filters[openColumn.key] ?? []} onChange={(v) => state.setFilter(openColumn.key, v)} />}
      {open === "columns" && (
        <fieldset id={id} style={panel}>
          <legend className={s.label}>{common.List.columns}</legend>
          <div style={{ display: "flex", flexWrap: "wrap", columnGap: 20 }}>
            {allColumns.map((c) => {
              const shown = !view.hidden.includes(c.key);
              return (
                <label key={c.key} style={{ display: "flex", gap: 6, padding: "2px 0" }}>
                  {/* The last column shown stays: a list with no column shows nothing. */}
                  <input type="checkbox" checked={shown} disabled={shown && shownCount === 1} onChange={(e) => state.setHidden(e.target.checked ? view.hidden.filter((k) => k !== c.key) : [...view.hidden, c.key])} />
                  <span>{c.name}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}
      {message === "saved" && <Notice kind="success">{common.List.viewSaved}</Notice>}
      {message === "reset" && <Notice kind="info">{common.List.viewReset}</Notice>}
      {message === "noStorage" && <Notice kind="warning">{common.List.noStorage}</Notice>}
      {message === null && state.saved !== null && <Notice kind="info">{common.List.savedViewShown}</Notice>}
    </section>
  );
}
