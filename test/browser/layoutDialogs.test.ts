import type { Locator, Page } from "playwright-core";
import { BrowserHarness, choose, startHarness } from "./harness";
import { settledMeasure } from "./layoutMeasure";

/**
 * The dialogs and panels lay out cleanly too (issue 33 item 9): each is opened the way a
 * person opens it, then looked at in a window of 1366, 1024 and 390 px (a Teams tab on a
 * phone): no column header or button cut short, no dialog or panel wider than its window, no
 * table inside one scrolling sideways, and the page itself never scrolling sideways. The
 * register is also looked at in a 931 px page column (a SharePoint page's section narrower
 * than the window).
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const WIDTHS = [1366, 1024, 390];

/** What is cut or sideways in the open dialog or panel at every width, keyed by width. */
async function measureAtWidths(page: Page, visible: Locator, shot?: string): Promise<Record<string, unknown>> {
  const found: Record<string, unknown> = {};
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await visible.waitFor();
    // Measured once settled (DetailsList lays its columns out again after the window's last resize).
    const { cut, sideways } = await settledMeasure(page);
    if (cut.length) found[`${width}: cut`] = cut;
    if (sideways > 0) found[`${width}: scrolls sideways by`] = sideways;
    if (shot && width === 390) await h.shot(page, shot, { fullPage: false });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  return found;
}

const csv = [
  "協定先,協定名,締結日,連携事項,協定期間",
  '東久留米市,清瀬市と東久留米市との相互連携に関する協定,令和元年11月19日(水),"(1)防災に関すること。(2)子育て支援に関すること。",締結の日から1年間とし、期間満了の1か月前までに申出がないときは、さらに1年間更新するものとし、以後も同様とする。',
  "株式会社あおば電機,清瀬市と株式会社あおば電機との包括連携に関する協定,2022年4月1日,(1)環境保全に関すること。,締結の日から1年間とし、期間満了後は協議の上、更新することができる。",
].join("\r\n");

test("agreements: the new agreement and add-partner dialogs, an agreement's panel, the register import preview, and the register in a 931 px column", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  const found: Record<string, unknown> = {};
  await page.getByRole("menuitem", { name: "新しい協定" }).click();
  const start = page.getByRole("dialog", { name: "新しい協定" });
  found["新しい協定"] = await measureAtWidths(page, start.getByLabel("協定名"), "layout-dialogs-390.png");
  await page.keyboard.press("Escape");
  await start.waitFor({ state: "detached" });

  await page.getByRole("tab", { name: "企業等" }).click();
  await page.getByRole("menuitem", { name: "企業等を追加" }).click();
  const partner = page.getByRole("dialog", { name: "企業等を追加" });
  found["企業等を追加"] = await measureAtWidths(page, partner.getByRole("button").last());
  await page.keyboard.press("Escape");
  await partner.waitFor({ state: "detached" });

  await page.getByRole("tab", { name: "協定台帳" }).click();
  await page.getByRole("button", { name: "開く: 清瀬市と株式会社ひばり交通との包括連携に関する協定" }).click();
  const panel = page.getByRole("dialog", { name: "清瀬市と株式会社ひばり交通との包括連携に関する協定" });
  found["協定のパネル"] = await measureAtWidths(page, panel.getByRole("heading").first());
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "detached" });

  // The register in a page column of 931 px inside a 1366 px window (a SharePoint section with a side column).
  await page.evaluate(() => {
    const main = document.querySelector("main");
    if (main) (main as HTMLElement).style.maxWidth = "931px";
  });
  const column = await settledMeasure(page);
  if (column.cut.length) found["台帳 931 px"] = column.cut;
  await h.shot(page, "layout-register-931.png");
  await page.evaluate(() => {
    const main = document.querySelector("main");
    if (main) (main as HTMLElement).style.maxWidth = "";
  });

  await page.getByRole("tab", { name: "台帳の取込" }).click();
  await page.locator("#pd-register-file").setInputFiles({ name: "協定一覧.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  const grid = page.getByRole("grid", { name: "既存の協定台帳の取込" }).or(page.getByRole("list", { name: "既存の協定台帳の取込" }));
  found["台帳の取込"] = await measureAtWidths(page, grid.first());

  expect(found).toEqual({ "新しい協定": {}, "企業等を追加": {}, "協定のパネル": {}, "台帳の取込": {} });
  expect(errors).toEqual([]);
  await page.context().close();
}, 240000);

test("annual cycle: new call, a Form 1 call's status panel, Form 1 and Form 2 dialogs, a Form 3 row by hand, the channel picker", async () => {
  const { page, errors } = await h.open("&only=annual", "", 7);
  const found: Record<string, unknown> = {};
  await page.getByRole("tab", { name: "調査依頼" }).click();
  await page.getByRole("menuitem", { name: "新しい調査依頼" }).click();
  const call = page.getByRole("alertdialog", { name: "調査依頼の作成" });
  found["新しい調査依頼"] = await measureAtWidths(page, call.getByRole("button").last());
  await page.keyboard.press("Escape");
  await call.waitFor({ state: "detached" });

  // The Form 1 call's panel lists each partner's contact.
  // (Fluent's Link without an href is a button.)
  const form1Call = page.getByRole("grid", { name: "調査依頼", exact: true }).getByRole("button", { name: /（別紙①）/ }).first();
  const callTitle = (await form1Call.textContent()) ?? "";
  await form1Call.click();
  const board = page.getByRole("dialog", { name: callTitle });
  found["状況（別紙①）"] = await measureAtWidths(page, board.getByRole("grid", { name: "提出状況" }).or(board.getByRole("list", { name: "提出状況" })));
  await page.keyboard.press("Escape");
  await board.waitFor({ state: "detached" });

  await page.getByRole("tab", { name: "別紙① 企業等からの提案" }).click();
  await page.getByRole("menuitem", { name: "提案を登録" }).click();
  const form1 = page.getByRole("alertdialog", { name: "提案を登録" });
  found["提案を登録"] = await measureAtWidths(page, form1.getByRole("button").last());
  await page.keyboard.press("Escape");
  await form1.waitFor({ state: "detached" });

  await page.getByRole("tab", { name: "別紙② 市からの提案" }).click();
  await page.getByRole("grid", { name: "別紙② 市からの提案", exact: true }).getByRole("button", { name: /（市からの提案）$/ }).first().click();
  const answer = page.getByRole("alertdialog", { name: "回答を記録" });
  found["回答を記録"] = await measureAtWidths(page, answer.getByLabel("回答日"));
  await page.keyboard.press("Escape");
  await answer.waitFor({ state: "detached" });

  await page.getByRole("tab", { name: "別紙③ マッチング" }).click();
  // The candidates' list (with 却下) and the dialog of a row added by hand.
  found["別紙③ 候補"] = await measureAtWidths(page, page.getByRole("menuitem", { name: "手動で追加" }));
  await page.getByRole("menuitem", { name: "手動で追加" }).click();
  const byHand = page.getByRole("alertdialog", { name: "手動で追加" });
  found["手動で追加"] = await measureAtWidths(page, byHand.getByLabel("提案の件名"));
  await page.keyboard.press("Escape");
  await byHand.waitFor({ state: "detached" });

  await page.getByRole("tab", { name: "Teams チャネル" }).click();
  await page.getByRole("button", { name: /^チャネルを選ぶ: / }).first().click();
  const pick = page.getByRole("alertdialog", { name: "部署の Teams チャネルを選ぶ" });
  found["チャネルを選ぶ"] = await measureAtWidths(page, pick.getByRole("button").last());
  await page.keyboard.press("Escape");

  expect(found).toEqual({ "新しい調査依頼": {}, "状況（別紙①）": {}, "提案を登録": {}, "回答を記録": {}, "別紙③ 候補": {}, "手動で追加": {}, "チャネルを選ぶ": {} });
  expect(errors).toEqual([]);
  await page.context().close();
}, 240000);

test.each(["&only=portal", "&host=teams&dept=kodomo-kosodate&only=portal"])("portal (%s): the Form 2 and Form 4 dialogs", async (query) => {
  const { page, errors } = await h.open(query, "", 11);
  const found: Record<string, unknown> = {};
  await page.getByRole("menuitem", { name: "提案を登録" }).or(page.getByRole("button", { name: "提案を登録" })).first().click();
  const form2 = page.getByRole("alertdialog", { name: "市からの提案（別紙②）" });
  found["提案を登録"] = await measureAtWidths(page, form2.getByLabel("提案の件名"));
  await page.keyboard.press("Escape");
  await form2.waitFor({ state: "detached" });

  const section = page.getByRole("region", { name: "実績報告（別紙④）" });
  await section.getByRole("menuitem", { name: "取組を追加" }).or(section.getByRole("button", { name: "取組を追加" })).first().click();
  const form4 = page.getByRole("alertdialog", { name: "実績報告（別紙④）" });
  found["取組を追加"] = await measureAtWidths(page, form4.getByRole("combobox", { name: "連携企業名" }));
  await page.keyboard.press("Escape");

  expect(found).toEqual({ "提案を登録": {}, "取組を追加": {} });
  expect(errors).toEqual([]);
  await page.context().close();
}, 180000);

test("results: a count's drill-down panel", async () => {
  const { page, errors } = await h.open("&only=results", "", 7);
  const found: Record<string, unknown> = {};
  await choose(page, page, "年度", "2025年度（令和7年度）");
  await page.getByRole("heading", { name: "部署別の件数" }).waitFor();
  await page.getByRole("button", { name: /^内訳を見る: / }).first().click();
  const drill = page.getByRole("dialog");
  found["内訳"] = await measureAtWidths(page, drill.getByRole("button").first());
  await page.keyboard.press("Escape");
  await drill.waitFor({ state: "detached" });

  expect(found).toEqual({ "内訳": {} });
  expect(errors).toEqual([]);
  await page.context().close();
}, 180000);

test("English: a Form 3 edition is titled in English in the matching screen and the portal's to-do (the stored title stays Japanese); dates are ISO dates", async () => {
  const c = await h.open("&only=annual&lang=en", "", 7);
  await c.page.getByRole("tab", { name: "Form 3 matching" }).click();
  await c.page.getByRole("region", { name: "FY2026 matching and feedback, No. 1" }).waitFor();
  expect(await c.page.locator("main").getByText("提案のマッチング・結果のフィードバック").count()).toBe(0);
  expect(c.errors).toEqual([]);
  await c.page.context().close();

  // Dates on an English screen are ISO dates, not 令和 (the register's 締結日 of the seed's first agreement).
  const r = await h.open("&only=agreements&lang=en", "", 7);
  await r.page.getByRole("grid", { name: "Agreements" }).getByRole("gridcell", { name: "2024-01-31", exact: true }).waitFor();
  expect(await r.page.getByRole("grid", { name: "Agreements" }).getByRole("gridcell", { name: /^令和6年1月31日/ }).count()).toBe(0);
  expect(r.errors).toEqual([]);
  await r.page.context().close();

  const d = await h.open("&only=portal&lang=en", "", 11);
  await d.page.getByText("FY2026 matching and feedback, No. 1").first().waitFor();
  expect(await d.page.locator("main").getByText("提案のマッチング・結果のフィードバック").count()).toBe(0);
  expect(d.errors).toEqual([]);
  await d.page.context().close();
}, 120000);
