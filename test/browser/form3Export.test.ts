import * as fs from "fs";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { BrowserHarness, startHarness } from "./harness";

/**
 * Issue 18 items 5 and 9 in Chromium: issuing 別紙③ when no department is reached is an error
 * (who and why, 再送); after a channel is set, 再送 reaching one of two is a warning naming the
 * other, and 再送 again turns it to success. The issued edition goes out as Excel, CSV (BOM) and a printable page in the form's
 * layout; the internal survey's answers likewise, 未回答 included. Print views are checked
 * with axe and photographed.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const FORM3_HEADER = ["NO", "提案の件名", "提案内容", "企業等名", "企業等の連絡先", "企業等の回答・コメント", "対象部署", "実施希望部署"];

/** The printable page a click opens in a new tab. */
async function printView(page: Page, click: () => Promise<void>): Promise<Page> {
  const [popup] = await Promise.all([page.context().waitForEvent("page"), click()]);
  await popup.waitForLoadState("load");
  await popup.setViewportSize({ width: 1240, height: 877 }); // A4 landscape at about 105 dpi
  return popup;
}

test("issuing: none reached is an error, one of two a warning naming it with 再送, then success; the edition as Excel, CSV and print", async () => {
  const c = await h.open("&only=annual", "", 7);
  await c.page.getByRole("tab", { name: "別紙③ マッチング" }).click();
  const accept = c.page.getByRole("button", { name: /^採用: / });
  await accept.first().waitFor();
  const firstTitle = ((await accept.first().getAttribute("aria-label")) ?? "").replace(/^採用: /, "");
  await accept.first().click();
  await c.page.getByRole("grid", { name: "作成中のフィードバック一覧" }).getByText(firstTitle).first().waitFor();
  await accept.first().click();
  await c.page.getByRole("button", { name: /^下へ: / }).first().waitFor();
  // The list being compiled can be exported too (marked 作成中).
  const [draftCsv] = await Promise.all([c.page.waitForEvent("download"), c.page.getByRole("menuitem", { name: "CSV に出力" }).first().click()]);
  expect(draftCsv.suggestedFilename()).toBe("別紙③_フィードバック一覧_2026年度_第2回_作成中.csv");

  // Every post fails (one department's Graph post, the other has no channel): an error, with 再送.
  h.backend.faults.set({ graph500: 50 });
  await c.page.getByRole("menuitem", { name: "発行して Teams に通知" }).click();
  const confirm = c.page.getByRole("alertdialog", { name: "発行して Teams に通知" });
  await confirm.getByText("部署のチャネルに投稿します", { exact: false }).waitFor();
  await confirm.getByRole("button", { name: "発行して Teams に通知" }).click();
  const failed = c.page.getByText(/^2 部署のいずれにも通知できませんでした（.+: 送信に失敗、.+: チャネル未設定）。$/);
  await failed.waitFor();
  h.backend.faults.set({ graph500: 0 });
  const errorBar = c.page.locator(".ms-MessageBar", { has: failed });
  expect(await errorBar.getAttribute("class")).toMatch(/ms-MessageBar--error/);
  await errorBar.getByRole("button", { name: "再送", exact: true }).waitFor();
  await errorBar.getByText("チャネルを設定するか、個別に連絡してください。", { exact: false }).waitFor();
  const noChannel = /（.+: 送信に失敗、(.+): チャネル未設定）/.exec((await failed.textContent()) ?? "")![1];

  // The coordinator sets the missing channel; 再送 reaches one of the two (a Graph failure): a warning naming the other.
  await c.page.getByRole("tab", { name: "Teams チャネル" }).click();
  await c.page.getByRole("button", { name: `チャネルを選ぶ: ${noChannel}` }).click();
  const pick = c.page.getByRole("alertdialog", { name: "部署の Teams チャネルを選ぶ" });
  await pick.getByRole("combobox", { name: "チーム（あなたが参加しているもの）" }).click();
  await c.page.getByRole("option", { name: "総務部 情報政策課" }).click();
  await pick.getByRole("combobox", { name: "チャネル" }).click();
  await c.page.getByRole("option", { name: "連携" }).click();
  await pick.getByRole("button", { name: "このチャネルにする" }).click();
  await c.page.getByText("保存しました。").waitFor();
  await c.page.getByRole("tab", { name: "別紙③ マッチング" }).click();
  h.backend.faults.set({ graph500: 1 });
  await c.page.getByRole("region", { name: /第2回/ }).getByRole("button", { name: /^再送: / }).first().click();
  const partial = c.page.getByText(/^2 部署中 1 部署に通知しました。1 部署に通知できませんでした（.+: 送信に失敗）。$/);
  await partial.waitFor();
  const bar = c.page.locator(".ms-MessageBar", { has: partial });
  expect(await bar.getAttribute("class")).toMatch(/ms-MessageBar--warning/);
  await h.shot(c.page, "matching-issue-partial.png", { fullPage: false });
  expect(await h.axe(c.page)).toEqual([]);
  await bar.getByRole("button", { name: "再送", exact: true }).click();
  await c.page.getByText("2 部署すべてに通知しました。").waitFor();
  expect(await c.page.locator(".ms-MessageBar--success", { hasText: "すべてに通知しました" }).count()).toBe(1);

  // The issued edition as Excel, CSV and a printable page.
  const edition = c.page.getByRole("region", { name: /第2回/ });
  const rows = await edition.locator("ol > li").count();
  expect(rows).toBe(2);
  const [xlsx] = await Promise.all([c.page.waitForEvent("download"), edition.getByRole("menuitem", { name: "Excel に出力" }).click()]);
  expect(xlsx.suggestedFilename()).toBe("別紙③_フィードバック一覧_2026年度_第2回.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  const ws = wb.getWorksheet("別紙③")!;
  expect(ws.getCell("A1").value).toBe("別紙③");
  expect(ws.getCell("A2").value).toBe("令和8年度 包括連携協定 フィードバック一覧（別紙③）");
  expect(String(ws.getCell("A4").value)).toBe("第2回　発行日 令和8年11月24日　全 2 件");
  expect(ws.getRow(7).values).toEqual([undefined, ...FORM3_HEADER]);
  expect(ws.rowCount).toBe(7 + rows);
  expect([ws.getCell(8, 1).value, ws.getCell(9, 1).value]).toEqual([1, 2]);
  const [csv] = await Promise.all([c.page.waitForEvent("download"), edition.getByRole("menuitem", { name: "CSV に出力" }).click()]);
  const text = fs.readFileSync((await csv.path())!, "utf8");
  expect(text.startsWith(`\uFEFF${FORM3_HEADER.map((t) => `"${t}"`).join(",")}\r\n`)).toBe(true);
  expect(text.split("\r\n").filter((l) => /^"\d+",/.test(l))).toHaveLength(rows);

  const print = await printView(c.page, () => edition.getByRole("menuitem", { name: "印刷用に表示" }).click());
  await print.getByRole("heading", { level: 1, name: "令和8年度 包括連携協定 フィードバック一覧（別紙③）" }).waitFor();
  expect(await print.locator("tbody tr").count()).toBe(rows);
  expect(await print.locator("thead th").allTextContents()).toEqual(FORM3_HEADER);
  expect(await h.axe(print, "document")).toEqual([]);
  await h.shot(print, "form3-print.png");
  await print.close();
  expect(c.errors.filter((e) => !/status of 500/.test(e))).toEqual([]);
  await c.page.context().close();
}, 180000);

test("the internal survey's answers as Excel, CSV and print: per item, every department asked, 未回答 shown", async () => {
  const title = "清瀬市と株式会社ひばり交通との包括連携に関する協定";
  const c = await h.open("&only=agreements", "", 7);
  await c.page.getByRole("button", { name: `開く: ${title}` }).click();
  const panel = c.page.getByRole("dialog", { name: title });
  await panel.getByText("回答済 2 / 4").waitFor();
  const bar = panel.getByRole("menubar", { name: "庁内調査の回答一覧の出力" });
  await bar.scrollIntoViewIfNeeded();
  await h.shot(c.page, "agreements-survey-export.png", { fullPage: false });
  const [csv] = await Promise.all([c.page.waitForEvent("download"), bar.getByRole("menuitem", { name: "CSV に出力" }).click()]);
  expect(csv.suggestedFilename()).toBe("庁内調査_株式会社ひばり交通_2026-11-24.csv");
  const lines = fs.readFileSync((await csv.path())!, "utf8").split("\r\n").filter(Boolean);
  expect(lines[0]).toBe('\uFEFF"連携事項","調査対象部署","回答状況","連携事業の可能性","具体的な事業案","意見","回答日"');
  // Three items × four departments; two have not answered.
  expect(lines).toHaveLength(1 + 12);
  expect(lines.filter((l) => l.includes('"未回答"'))).toHaveLength(6);
  expect(lines.filter((l) => l.includes('"可能性あり"'))).toHaveLength(4);
  const [xlsx] = await Promise.all([c.page.waitForEvent("download"), bar.getByRole("menuitem", { name: "Excel に出力" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  const ws = wb.getWorksheet("庁内調査")!;
  expect(ws.getCell("A2").value).toBe("包括連携協定 庁内調査 回答一覧");
  const head = 3 + 5 + 1;
  expect(ws.getRow(head).values).toEqual([undefined, "連携事項", "調査対象部署", "回答状況", "連携事業の可能性", "具体的な事業案", "意見", "回答日"]);
  expect(ws.rowCount).toBe(head + 12);

  const print = await printView(c.page, () => bar.getByRole("menuitem", { name: "印刷用に表示" }).click());
  await print.getByRole("heading", { level: 1, name: "包括連携協定 庁内調査 回答一覧" }).waitFor();
  expect(await print.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
    "第1号 地域交通に関すること 回答 2 / 4 部署・可能性あり 2",
    "第2号 観光振興に関すること 回答 2 / 4 部署・可能性あり 0",
    "第3号 高齢者の外出支援に関すること 回答 2 / 4 部署・可能性あり 2",
  ]);
  expect(await print.getByRole("cell", { name: "未回答", exact: true }).count()).toBe(6);
  expect(await h.axe(print, "document")).toEqual([]);
  await h.shot(print, "survey-summary-print.png");
  await print.close();
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 120000);
