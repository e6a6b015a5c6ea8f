import { BrowserHarness, startHarness } from "./harness";
import { overflow } from "./layoutMeasure";

/**
 * The register as Microsoft Lists users expect it (issue 33, point 11): a filter per column, and
 * a view saved per user in the browser that the register opens with next time (「ビューを保存」),
 * forgotten with 「既定に戻す」.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

test("a column filter narrows the register; the saved view survives a reload; 既定に戻す shows everything again", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.setViewportSize({ width: 1366, height: 900 });
  const filters = page.getByRole("region", { name: "列で絞り込む" });
  await filters.waitFor();
  const all = page.getByRole("status").filter({ hasText: /^全 \d+ 件$/ });
  await all.waitFor();
  const total = Number((await all.textContent())!.match(/\d+/)![0]);

  // 状態 ▾ opens its values, each with how many rows have it.
  await filters.getByRole("button", { name: /^状態/ }).click();
  const group = filters.getByRole("group", { name: "状態" });
  const concluded = group.getByRole("checkbox", { name: /^締結（\d+ 件）$/ });
  const n = Number((await group.getByText(/^締結（\d+ 件）$/).textContent())!.match(/（(\d+) 件）/)![1]);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(total);
  await concluded.check();
  await page.getByRole("status").filter({ hasText: `${n} 件を表示（全 ${total} 件）` }).waitFor();
  // Every row shown is 締結済.
  const grid = page.getByRole("grid", { name: "協定管理" });
  const statusCells = grid.getByRole("row").filter({ hasNot: page.getByRole("columnheader") });
  expect(await statusCells.count()).toBe(n);
  for (let i = 0; i < n; i++) await statusCells.nth(i).getByRole("gridcell", { name: "締結", exact: true }).waitFor();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await h.shot(page, "register-column-filter.png", { fullPage: false });

  // Sorted by 締結日 (a header click), then saved.
  await grid.getByRole("columnheader", { name: /締結日/ }).click();
  await filters.getByRole("button", { name: "ビューを保存" }).click();
  await filters.getByText("ビューを保存しました。").waitFor();

  // Opened again: the same filter, sort and count.
  await page.reload();
  await page.getByRole("status").filter({ hasText: `${n} 件を表示（全 ${total} 件）` }).waitFor();
  await page.getByRole("region", { name: "列で絞り込む" }).getByText("保存したビューで表示しています。").waitFor();
  await page.getByRole("region", { name: "列で絞り込む" }).getByRole("button", { name: "状態（1） ▾" }).waitFor();
  expect(await page.getByRole("grid", { name: "協定管理" }).getByRole("columnheader", { name: /締結日/ }).getAttribute("aria-sort")).toBe("ascending");

  // 既定に戻す: everything, and opened again still everything.
  await page.getByRole("region", { name: "列で絞り込む" }).getByRole("button", { name: "既定に戻す" }).click();
  await page.getByRole("status").filter({ hasText: `全 ${total} 件` }).waitFor();
  await page.reload();
  await page.getByRole("status").filter({ hasText: new RegExp(`^全 ${total} 件$`) }).waitFor();
  expect(await page.getByRole("region", { name: "列で絞り込む" }).getByText("保存したビューで表示しています。").count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
}, 120000);

test("the yearly lists have the same column filters and saved view: 別紙② filtered by 連携の可否, kept across a reload", async () => {
  const { page, errors } = await h.open("&only=annual", "", 7);
  await page.getByRole("tab", { name: "別紙② 市からの提案" }).click();
  const filters = page.getByRole("region", { name: "列で絞り込む" });
  await filters.waitFor();
  const all = page.getByRole("status").filter({ hasText: /^全 \d+ 件$/ });
  await all.waitFor();
  const total = Number((await all.textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(1);
  await filters.getByRole("button", { name: /^連携の可否/ }).click();
  const group = filters.getByRole("group", { name: "連携の可否" });
  const first = group.getByRole("checkbox").first();
  const label = (await group.locator("label").first().textContent())!;
  const n = Number(label.match(/（(\d+) 件）/)![1]);
  await first.check();
  const narrowed = n === total ? `全 ${total} 件` : `${n} 件を表示（全 ${total} 件）`;
  await page.getByRole("status").filter({ hasText: narrowed }).waitFor();
  await filters.getByRole("button", { name: "ビューを保存" }).click();
  await page.reload();
  await page.getByRole("tab", { name: "別紙② 市からの提案" }).click();
  await page.getByRole("region", { name: "列で絞り込む" }).getByRole("button", { name: "連携の可否（1） ▾" }).waitFor();
  await page.getByRole("status").filter({ hasText: narrowed }).waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}, 120000);
