import * as fs from "fs";
import ExcelJS from "exceljs";
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

test("別紙② 「Excel で書き出す」 writes the list as shown: only the rows the filter leaves, 回答日 as Excel dates, 連携事項 written out", async () => {
  const { page, errors } = await h.open("&only=annual", "", 7);
  await page.getByRole("tab", { name: "別紙② 市からの提案" }).click();
  const filters = page.getByRole("region", { name: "列で絞り込む" });
  const all = page.getByRole("status").filter({ hasText: /^全 \d+ 件$/ });
  await all.waitFor();
  const total = Number((await all.textContent())!.match(/\d+/)![0]);
  await filters.getByRole("button", { name: /^連携の可否/ }).click();
  const can = filters.getByRole("group", { name: "連携の可否" }).locator("label").filter({ hasText: /^可（\d+ 件）$/ });
  const n = Number((await can.textContent())!.match(/（(\d+) 件）/)![1]);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(total);
  await can.getByRole("checkbox").check();
  await page.getByRole("status").filter({ hasText: `${n} 件を表示（全 ${total} 件）` }).waitFor();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Excel で書き出す" }).click()]);
  expect(download.suggestedFilename()).toBe("別紙②_2026年度.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await download.path())!));
  const ws = wb.worksheets[0];
  expect(ws.getCell("A1").value).toBe("令和8年度 連携事項の提案【清瀬市→企業等】（別紙②）");
  expect(ws.getCell("A2").value).toBe(`令和8年11月24日現在・${n} 件（全 ${total} 件から絞り込み）`);
  expect(ws.getRow(4).values).toEqual([undefined, "年度", "部課名", "連携相手企業", "該当する連携事項", "提案の件名", "提案内容", "視点", "連携の可否", "コメント", "回答日"]);
  // Exactly the rows shown: n rows, each 可, each answered on a date that is an Excel date, not text.
  expect(ws.getCell(`E${5 + n - 1}`).text).not.toBe("");
  expect(ws.getCell(`E${5 + n}`).text).toBe("");
  for (let r = 5; r < 5 + n; r++) {
    expect(ws.getCell(`H${r}`).value).toBe("可");
    const answered = ws.getCell(`J${r}`);
    expect([r, answered.type]).toEqual([r, ExcelJS.ValueType.Date]);
    expect(answered.numFmt).toBe("yyyy/mm/dd");
    expect((answered.value as Date).toISOString().slice(0, 4)).toBe("2026");
    expect(ws.getCell(`D${r}`).value).toMatch(/^第\d+号 .+/);
  }
  expect(errors).toEqual([]);
  await page.context().close();
}, 120000);

test("別紙③ has the same column filters and saved view: filtered by 企業等, kept across a reload, nothing sideways at 1366 and 390 px", async () => {
  const { page, errors } = await h.open("&only=annual", "", 7);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByRole("tab", { name: "別紙③ マッチング" }).click();
  const filters = page.getByRole("region", { name: "列で絞り込む" });
  await filters.waitFor();
  const all = page.getByRole("status").filter({ hasText: /^全 \d+ 件$/ });
  await all.waitFor();
  const total = Number((await all.textContent())!.match(/\d+/)![0]);
  // The seeded year has its 第1回 issued: its rows are the list's.
  const edition = page.getByRole("region", { name: /第1回/ });
  expect(await edition.getByRole("listitem").count()).toBe(total);
  for (const name of ["回", "対象部署", "企業等", "連携事項", "実施希望"]) await filters.getByRole("button", { name: new RegExp(`^${name} ▾$`) }).waitFor();
  // Values by their labels, never ids: the edition by its title, items by their text, 全部署 for a row sent to all.
  await filters.getByRole("button", { name: "回 ▾" }).click();
  await filters.getByRole("group", { name: "回" }).getByText(`第1回 提案のマッチング・結果のフィードバック（${total} 件）`, { exact: false }).waitFor();
  await filters.getByRole("button", { name: "連携事項 ▾" }).click();
  expect(await filters.getByRole("group", { name: "連携事項" }).locator("label").first().textContent()).toMatch(/^[^0-9].*に関すること（\d+ 件）$/);
  await filters.getByRole("button", { name: "対象部署 ▾" }).click();
  await filters.getByRole("group", { name: "対象部署" }).getByText(/^全部署（\d+ 件）$/).waitFor();

  await filters.getByRole("button", { name: "企業等 ▾" }).click();
  const first = filters.getByRole("group", { name: "企業等" }).locator("label").first();
  const [, partner, count] = (await first.textContent())!.match(/^(.+)（(\d+) 件）$/)!;
  const n = Number(count);
  expect(n).toBeLessThan(total);
  await first.getByRole("checkbox").check();
  const narrowed = `${n} 件を表示（全 ${total} 件）`;
  await page.getByRole("status").filter({ hasText: narrowed }).waitFor();
  // Only that partner's rows, each under its own No. in the edition.
  const items = edition.getByRole("listitem");
  expect(await items.count()).toBe(n);
  for (let i = 0; i < n; i++) expect(await items.nth(i).textContent()).toContain(`— ${partner}`);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  // The screenshot: the filters (panel closed) and the edition they narrowed.
  await filters.getByRole("button", { name: "企業等（1） ▴" }).click();
  await page.getByText("次の絞り込みと保存したビューは", { exact: false }).evaluate((el) => el.scrollIntoView({ block: "start" }));
  await h.shot(page, "matching-filters.png", { fullPage: false });

  await filters.getByRole("button", { name: "ビューを保存" }).click();
  await filters.getByText("ビューを保存しました。").waitFor();
  await page.reload();
  await page.getByRole("tab", { name: "別紙③ マッチング" }).click();
  const again = page.getByRole("region", { name: "列で絞り込む" });
  await again.getByRole("button", { name: "企業等（1） ▾" }).waitFor();
  await again.getByText("保存したビューで表示しています。").waitFor();
  await page.getByRole("status").filter({ hasText: narrowed }).waitFor();
  expect(await page.getByRole("region", { name: /第1回/ }).getByRole("listitem").count()).toBe(n);
  expect(await overflow(page)).toBeLessThanOrEqual(0);

  // On a phone (Teams on a phone): the filters wrap, nothing sideways, the open panel included.
  await page.setViewportSize({ width: 390, height: 844 });
  await again.getByRole("button", { name: "企業等（1） ▾" }).click();
  await again.getByRole("group", { name: "企業等" }).waitFor();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await again.scrollIntoViewIfNeeded();
  await h.shot(page, "matching-filters-390.png", { fullPage: false });

  // 既定に戻す: every row again, and opened again still every row.
  await again.getByRole("button", { name: "既定に戻す" }).click();
  await page.getByRole("status").filter({ hasText: new RegExp(`^全 ${total} 件$`) }).waitFor();
  await page.reload();
  await page.getByRole("tab", { name: "別紙③ マッチング" }).click();
  await page.getByRole("status").filter({ hasText: new RegExp(`^全 ${total} 件$`) }).waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}, 150000);

test("別紙③ while compiling: a header sorts the list being compiled; 上へ・下へ are off while sorted by another column or filtered, and back in No. order", async () => {
  const { page, errors } = await h.open("&only=annual", "", 7);
  await page.getByRole("tab", { name: "別紙③ マッチング" }).click();
  const accept = page.getByRole("button", { name: /^採用: / });
  await accept.first().waitFor();
  for (let i = 0; i < 2; i++) {
    const title = ((await accept.first().getAttribute("aria-label")) ?? "").replace(/^採用: /, "");
    await accept.first().click();
    await page.getByRole("grid", { name: "作成中のフィードバック一覧" }).getByText(title).first().waitFor();
  }
  const grid = page.getByRole("grid", { name: "作成中のフィードバック一覧" });
  const down = grid.getByRole("button", { name: /^下へ: / }).first();
  await page.waitForFunction(() => [...document.querySelectorAll("button")].some((b) => b.getAttribute("aria-label")?.startsWith("下へ: ") && !b.disabled));
  const note = page.getByText("絞り込みや列の並べ替えをしている間は、行の順番（上へ・下へ）を変えられません。", { exact: false });
  expect(await note.count()).toBe(0);

  // Sorted by 提案の件名 (descending after a second click): the buttons are off and say why.
  await grid.getByRole("columnheader", { name: /提案の件名/ }).click();
  await grid.getByRole("columnheader", { name: /提案の件名/ }).click();
  expect(await grid.getByRole("columnheader", { name: /提案の件名/ }).getAttribute("aria-sort")).toBe("descending");
  await note.waitFor();
  expect(await down.isDisabled()).toBe(true);
  const titles = await grid.getByRole("row").filter({ hasNot: page.getByRole("columnheader") }).evaluateAll((rows) => rows.map((r) => r.querySelectorAll("[role=gridcell]")[1]?.textContent ?? ""));
  expect(titles.length).toBe(2);
  expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, "ja")));

  // Back in No. order: the buttons work again.
  await grid.getByRole("columnheader", { name: /No\./ }).click();
  expect(await grid.getByRole("columnheader", { name: /No\./ }).getAttribute("aria-sort")).toBe("ascending");
  await note.waitFor({ state: "detached" });
  expect(await grid.getByRole("button", { name: /^下へ: / }).first().isDisabled()).toBe(false);

  // Filtered (実施希望: なし): off again.
  const filters = page.getByRole("region", { name: "列で絞り込む" });
  await filters.getByRole("button", { name: "実施希望 ▾" }).click();
  await filters.getByRole("group", { name: "実施希望" }).getByRole("checkbox", { name: /^なし/ }).check();
  await note.waitFor();
  expect(await grid.getByRole("button", { name: /^下へ: / }).first().isDisabled()).toBe(true);
  expect(errors).toEqual([]);
  await page.context().close();
}, 150000);
