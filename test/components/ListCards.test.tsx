/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { setIconOptions } from "@fluentui/react";
import type { IColumn } from "@fluentui/react";
import { DataGrid } from "../../src/components/light";
import { ResponsiveDetailsList } from "../../src/components/ResponsiveDetailsList";

setIconOptions({ disableWarnings: true });

/**
 * A table whose columns do not fit at their minimum widths becomes stacked cards (issue 33
 * item 9: nothing scrolls sideways at 390 px); where they fit, or before the box is laid out,
 * it stays a table.
 */

interface Row {
  id: number;
  name: string;
  contact: string;
}
const rows: Row[] = [
  { id: 1, name: "清瀬北大学", contact: "kikaku@kiyose-kita.example.jp" },
  { id: 2, name: "株式会社ひばり交通", contact: "soumu@hibari.example.jp" },
];
const columns: IColumn[] = [
  { key: "name", name: "企業等", fieldName: "name", minWidth: 200 },
  { key: "contact", name: "担当者", fieldName: "contact", minWidth: 200 },
  { key: "act", name: "", minWidth: 80, onRender: (r: Row) => <button>{`却下: ${r.name}`}</button> },
];

let width = 0;
const real = HTMLElement.prototype.getBoundingClientRect;
beforeAll(() => {
  HTMLElement.prototype.getBoundingClientRect = function () {
    return { width, height: 20, top: 0, left: 0, right: width, bottom: 20, x: 0, y: 0, toJSON: () => ({}) } as DOMRect;
  };
});
afterAll(() => {
  HTMLElement.prototype.getBoundingClientRect = real;
});

const cases: Array<[string, () => JSX.Element]> = [
  ["DataGrid", () => <DataGrid items={rows} columns={columns} getKey={(r) => String(r.id)} ariaLabel="提出状況" />],
  ["ResponsiveDetailsList", () => <ResponsiveDetailsList items={rows} columns={columns} getKey={(r: Row) => String(r.id)} ariaLabelForGrid="提出状況" />],
];

test.each(cases)("%s: cards in a box narrower than its columns, each naming its columns, with the row's actions", (_, List) => {
  width = 358;
  render(<List />);
  expect(screen.queryByRole("grid")).toBeNull();
  const cards = within(screen.getByRole("list", { name: "提出状況" })).getAllByRole("listitem");
  expect(cards).toHaveLength(2);
  expect(within(cards[1]).getByText("担当者")).toBeTruthy();
  expect(within(cards[1]).getByText("soumu@hibari.example.jp")).toBeTruthy();
  expect(within(cards[1]).getByRole("button", { name: "却下: 株式会社ひばり交通" })).toBeTruthy();
});

test.each(cases)("%s: a table where its columns fit, and before it is laid out", (_, List) => {
  for (const w of [800, 0]) {
    width = w;
    const { unmount } = render(<List />);
    expect(screen.getByRole("grid", { name: "提出状況" })).toBeTruthy();
    expect(screen.queryByRole("list", { name: "提出状況" })).toBeNull();
    unmount();
  }
});
