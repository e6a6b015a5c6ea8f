/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { setIconOptions } from "@fluentui/react";
import type { IColumn } from "@fluentui/react";
import { DataGrid } from "../../src/components/light";
import { useColumnSort } from "../../src/components/ListTools";

setIconOptions({ disableWarnings: true });

/** The first views' table (src/components/light/DataGrid): what DetailsList gave a keyboard and a screen reader. */

interface Row {
  id: number;
  name: string;
}
const rows: Row[] = [
  { id: 1, name: "清瀬北大学" },
  { id: 2, name: "株式会社ひばり交通" },
  { id: 3, name: "武蔵野ガス株式会社" },
];

function Sortable({ items, onOpen }: { items: Row[]; onOpen: (r: Row) => void }): JSX.Element {
  const sort = useColumnSort();
  const columns: IColumn[] = sort.sortable([
    { key: "name", name: "企業等", minWidth: 100, onRender: (r: Row) => <button onClick={() => onOpen(r)}>{`開く: ${r.name}`}</button> },
    { key: "id", name: "番号", fieldName: "id", minWidth: 40 },
  ]);
  const shown = sort.sorted(items, (r, key) => (key === "id" ? r.id : r.name));
  return <DataGrid items={shown} columns={columns} getKey={(r) => String(r.id)} ariaLabel="企業等の一覧" onItemInvoked={onOpen} />;
}

test("a grid with its name, column headers and a row per item; cells from onRender or fieldName", () => {
  render(<Sortable items={rows} onOpen={() => undefined} />);
  const grid = screen.getByRole("grid", { name: "企業等の一覧" });
  expect(grid.getAttribute("aria-rowcount")).toBe("4");
  expect(within(grid).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["企業等", "番号"]);
  const body = within(grid).getAllByRole("row").slice(1);
  expect(body.map((r) => within(r).getAllByRole("gridcell")[1].textContent)).toEqual(["1", "2", "3"]);
  expect(body.map((r) => r.getAttribute("aria-rowindex"))).toEqual(["2", "3", "4"]);
});

test("a header click sorts, again the other way, and aria-sort says which", () => {
  render(<Sortable items={rows} onOpen={() => undefined} />);
  const header = (): HTMLElement => screen.getAllByRole("columnheader")[1];
  expect(header().getAttribute("aria-sort")).toBe("none");
  fireEvent.click(within(header()).getByRole("button"));
  expect(header().getAttribute("aria-sort")).toBe("ascending");
  fireEvent.click(within(header()).getByRole("button"));
  expect(header().getAttribute("aria-sort")).toBe("descending");
  const first = within(screen.getAllByRole("row")[1]).getAllByRole("gridcell")[1];
  expect(first.textContent).toBe("3");
});

test("one tab stop: only one row is tabbable, the buttons in cells are not; arrow keys move between rows and into a row", () => {
  const opened: string[] = [];
  render(<Sortable items={rows} onOpen={(r) => opened.push(r.name)} />);
  const all = screen.getAllByRole("row");
  expect(all.filter((r) => r.tabIndex === 0)).toEqual([all[1]]);
  expect(screen.getAllByRole("button", { name: /^開く/ }).every((b) => b.tabIndex === -1)).toBe(true);
  all[1].focus();
  fireEvent.keyDown(all[1], { key: "ArrowDown" });
  expect(document.activeElement).toBe(all[2]);
  // The tab stop follows the focus, so Tab back into the grid returns to this row.
  expect(screen.getAllByRole("row").filter((r) => r.tabIndex === 0)).toEqual([all[2]]);
  fireEvent.keyDown(all[2], { key: "ArrowUp" });
  fireEvent.keyDown(all[1], { key: "ArrowUp" });
  expect(document.activeElement).toBe(all[0]); // the header row
  fireEvent.keyDown(all[0], { key: "End" });
  expect(document.activeElement).toBe(all[3]);
  fireEvent.keyDown(all[3], { key: "ArrowRight" });
  expect(document.activeElement).toBe(within(all[3]).getByRole("button"));
  fireEvent.keyDown(document.activeElement!, { key: "ArrowLeft" });
  expect(document.activeElement).toBe(all[3]);
  // Enter on a row opens it (DetailsList's onItemInvoked); so does a double click.
  fireEvent.keyDown(all[3], { key: "Enter" });
  fireEvent.doubleClick(all[1]);
  expect(opened).toEqual(["武蔵野ガス株式会社", "清瀬北大学"]);
});

test("a long list shows its first rows at once and the rest a moment later", () => {
  jest.useFakeTimers();
  try {
    const many = Array.from({ length: 400 }, (_, i) => ({ id: i + 1, name: `企業${i + 1}` }));
    render(<DataGrid items={many} columns={[{ key: "name", name: "企業等", fieldName: "name", minWidth: 100 }]} getKey={(r) => String(r.id)} ariaLabel="一覧" />);
    const grid = screen.getByRole("grid");
    expect(grid.getAttribute("aria-rowcount")).toBe("401");
    expect(within(grid).getAllByRole("row").length).toBeLessThan(401);
    expect(within(grid).getAllByRole("row").length).toBeGreaterThan(20);
    // Batch after batch, each after a frame, until every row is drawn.
    for (let i = 0; i < 10; i++)
      act(() => {
        jest.runOnlyPendingTimers();
      });
    expect(within(grid).getAllByRole("row")).toHaveLength(401);
  } finally {
    jest.useRealTimers();
  }
});

test("with no rows the header row holds the tab stop", () => {
  render(<DataGrid items={[] as Row[]} columns={[{ key: "name", name: "企業等", fieldName: "name", minWidth: 100 }]} getKey={(r) => String(r.id)} ariaLabel="一覧" />);
  expect(screen.getAllByRole("row")[0].tabIndex).toBe(0);
});
