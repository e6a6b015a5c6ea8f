import { columnSorter } from "../../src/components/ListTools";

/** The one sorter behind every list's clickable headers. */
type R = { name: string; n?: number; date: string | null };
const rows: R[] = [
  { name: "さくら", n: 3, date: "2026-04-01" },
  { name: "あおば", n: 10, date: null },
  { name: "かえで", n: 2, date: "2025-10-01" },
];
const value = (r: R, key: string): string | number | null | undefined => (key === "name" ? r.name : key === "n" ? r.n : r.date);

test("text in Japanese order, numbers as numbers, either way", () => {
  expect([...rows].sort(columnSorter(value, { key: "name", desc: false })).map((r) => r.name)).toEqual(["あおば", "かえで", "さくら"]);
  expect([...rows].sort(columnSorter(value, { key: "name", desc: true })).map((r) => r.name)).toEqual(["さくら", "かえで", "あおば"]);
  expect([...rows].sort(columnSorter(value, { key: "n", desc: false })).map((r) => r.n)).toEqual([2, 3, 10]);
});

test("empty values stay last whichever way the column is sorted", () => {
  expect([...rows].sort(columnSorter(value, { key: "date", desc: false })).map((r) => r.date)).toEqual(["2025-10-01", "2026-04-01", null]);
  expect([...rows].sort(columnSorter(value, { key: "date", desc: true })).map((r) => r.date)).toEqual(["2026-04-01", "2025-10-01", null]);
});
