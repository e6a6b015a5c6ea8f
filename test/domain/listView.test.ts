import { applyColumnFilters, columnFilterOptions, defaultListView, isDefaultView, listViewStorageKey, listViewText, parseListView } from "../../src/domain/listView";

/** A list's view as Microsoft Lists keeps it, per user (issue 33, point 11). */

interface R {
  id: number;
  partners: string[];
  status: string;
  fy: string;
}
const rows: R[] = [
  { id: 1, partners: ["10"], status: "concluded", fy: "2024" },
  { id: 2, partners: ["11", "12"], status: "concluded", fy: "2025" },
  { id: 3, partners: ["12"], status: "surveying", fy: "" },
  { id: 4, partners: ["13"], status: "declined", fy: "" },
];
const valuesOf = (r: R, key: string): string[] => (key === "partner" ? r.partners : key === "status" ? [r.status] : key === "fy" ? [r.fy] : []);

test("column filters: a row passes when each filtered column has one of the chosen values; unfiltered columns pass everything", () => {
  expect(applyColumnFilters(rows, {}, valuesOf).map((r) => r.id)).toEqual([1, 2, 3, 4]);
  expect(applyColumnFilters(rows, { status: [] }, valuesOf).map((r) => r.id)).toEqual([1, 2, 3, 4]);
  expect(applyColumnFilters(rows, { status: ["concluded"] }, valuesOf).map((r) => r.id)).toEqual([1, 2]);
  // 連名: a row with several partners matches any of them.
  expect(applyColumnFilters(rows, { partner: ["12"] }, valuesOf).map((r) => r.id)).toEqual([2, 3]);
  expect(applyColumnFilters(rows, { partner: ["12"], status: ["surveying", "declined"] }, valuesOf).map((r) => r.id)).toEqual([3]);
  // Empty values are a value of their own (（空白）).
  expect(applyColumnFilters(rows, { fy: [""] }, valuesOf).map((r) => r.id)).toEqual([3, 4]);
});

test("a column's filter offers the values of the rows the other filters leave, counted, a chosen value always, empty last", () => {
  expect(columnFilterOptions(rows, "fy", {}, valuesOf)).toEqual([
    { value: "2024", count: 1 },
    { value: "2025", count: 1 },
    { value: "", count: 2 },
  ]);
  expect(columnFilterOptions(rows, "status", { partner: ["12"] }, valuesOf)).toEqual([
    { value: "concluded", count: 1 },
    { value: "surveying", count: 1 },
  ]);
  // Its own choice does not narrow its options; a chosen value no row has any more stays, at 0.
  expect(columnFilterOptions(rows, "status", { status: ["concluded", "terminated"] }, valuesOf).map((o) => [o.value, o.count])).toEqual([
    ["concluded", 2],
    ["declined", 1],
    ["surveying", 1],
    ["terminated", 0],
  ]);
  const newestFirst = (a: string, b: string): number => Number(b) - Number(a);
  expect(columnFilterOptions(rows, "fy", {}, valuesOf, newestFirst).map((o) => o.value)).toEqual(["2025", "2024", ""]);
});

test("a saved view is keyed by site, list and user, and read back only with what the list still has", () => {
  expect(listViewStorageKey("https://city.sharepoint.com/sites/Partnership/", "agreements", "Taro@City.jp")).toBe("pd:view:https://city.sharepoint.com/sites/partnership|agreements|taro@city.jp");
  expect(listViewStorageKey("https://a/sites/x", "agreements", "u")).not.toBe(listViewStorageKey("https://a/sites/y", "agreements", "u"));
  expect(listViewStorageKey("https://a/sites/x", "agreements", "u")).not.toBe(listViewStorageKey("https://a/sites/x", "agreements", "v"));

  const view = { filters: { status: ["concluded"], partner: [] }, sort: { key: "concluded", desc: true }, hidden: ["items"] };
  const text = listViewText(view);
  expect(parseListView(text, ["title", "status", "partner", "concluded", "items"])).toEqual({ filters: { status: ["concluded"] }, sort: { key: "concluded", desc: true }, hidden: ["items"] });
  // A column since removed is dropped from filters, sort and hidden columns.
  expect(parseListView(text, ["title", "partner"])).toEqual({ filters: {}, sort: null, hidden: [] });
  // Not a view: nothing.
  for (const bad of [null, "", "not json", "[]", '{"v":2,"filters":{}}', "42"]) expect(parseListView(bad, ["title"])).toBeNull();
  // Malformed parts are left out, never thrown.
  expect(parseListView('{"v":1,"filters":{"status":"concluded","partner":[1,"10","10"]},"sort":{"key":7},"hidden":"x"}', ["status", "partner"])).toEqual({ filters: { partner: ["10"] }, sort: null, hidden: [] });
  // Never every column hidden.
  expect(parseListView('{"v":1,"filters":{},"sort":null,"hidden":["a","b"]}', ["a", "b"])?.hidden).toEqual([]);

  expect(isDefaultView(defaultListView())).toBe(true);
  expect(isDefaultView({ filters: { status: [] }, sort: null, hidden: [] })).toBe(true);
  expect(isDefaultView(view)).toBe(false);
});
