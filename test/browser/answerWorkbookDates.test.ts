import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BrowserHarness, startHarness } from "./harness";

/**
 * Issue 33, point 3, in Chromium: the partner returns the Form 2 answer workbook with 回答日
 * written in 和暦 (「令和9年5月20日」); the 可 is imported with its date. Returned again with a date
 * that does not exist, the answer and comment still arrive and the cell is named in Japanese.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

test("a Form 2 answer workbook with 回答日 「令和9年5月20日」 imports the 可", async () => {
  const c = await h.open("&only=annual&today=2027-03-10", "", 7);
  await c.page.getByRole("tab", { name: "別紙② 市からの提案" }).click();
  await c.page.getByRole("combobox", { name: "企業等" }).click();
  const partner = c.page.getByRole("listbox").getByRole("option").nth(1);
  const partnerName = ((await partner.textContent()) ?? "").trim();
  await partner.click();
  const [download] = await Promise.all([c.page.waitForEvent("download"), c.page.getByRole("button", { name: "企業等へ渡す一覧（Excel）" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  const ws = wb.getWorksheet("別紙②")!;
  expect(ws.getCell("B4").value).toBe(partnerName);
  const title = String(ws.getCell("E7").value);
  ws.getCell("G7").value = "可";
  ws.getCell("H7").value = "5月以降に実施できます";
  ws.getCell("I7").value = "令和9年5月20日";
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pd-answers-")), `別紙②_${partnerName}_回答.xlsx`);
  await wb.xlsx.writeFile(file);

  await c.page.locator('input[type="file"]').last().setInputFiles(file);
  await c.page.getByText("取り込んだ行: 1 件").waitFor();
  const row = c.page.getByRole("row").filter({ hasText: title });
  await row.filter({ hasText: "可" }).filter({ hasText: "令和9年5月20日" }).waitFor();

  // Returned again with an impossible date: the comment changes, the date is named, the row is not lost.
  ws.getCell("H7").value = "6月以降に実施できます";
  ws.getCell("I7").value = "令和9年2月30日";
  await wb.xlsx.writeFile(file);
  await c.page.locator('input[type="file"]').last().setInputFiles(file);
  await c.page.getByText("7 行目: 回答日「令和9年2月30日」は存在しない日付です。連携の可否とコメントは取り込みました。回答日は一覧の件名から入力してください").waitFor();
  await c.page.getByText("取り込んだ行: 1 件").waitFor();
  // The date recorded before is kept.
  await row.filter({ hasText: "令和9年5月20日" }).waitFor();
  await h.shot(c.page, "form2-answers-wareki-date.png");
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 90000);
