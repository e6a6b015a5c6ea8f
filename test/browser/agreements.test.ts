import * as fs from "fs";
import ExcelJS from "exceljs";
import { Page } from "playwright-core";
import { BrowserHarness, setDate, startHarness } from "./harness";

/**
 * The partner-initiated path in Chromium, as the coordinator and as two departments:
 * a new partner approaches, items are entered, the internal survey is launched, both
 * departments answer in their portal, the coordinator concludes with the signed PDF.
 * Also: two coordinators editing at once, and hostile text shown as text.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const TITLE = "清瀬市と株式会社テスト物産との包括連携に関する協定";

async function pickDropdown(page: Page, label: string | RegExp, option: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.getByRole("option", { name: option }).click();
}

test("approach → briefing and survey → answers from two departments → conclusion", async () => {
  const { page, errors: startErrors } = await h.open("&only=agreements", "", 7);

  // A new partner, then the approach with three items. Hostile text stays text.
  await page.getByRole("tab", { name: "企業等" }).click();
  await page.getByRole("menuitem", { name: "企業等を追加" }).click();
  const pp = page.getByRole("dialog", { name: "企業等を追加" });
  await pp.getByLabel("企業等名").fill("株式会社テスト物産");
  await pp.getByLabel("担当者").fill("試験 花子");
  await pp.getByLabel("メールアドレス").fill("hanako@test-bussan.example.jp");
  await pp.getByRole("button", { name: "保存" }).click();
  await page.getByText("企業等を保存しました。").waitFor();

  await page.getByRole("menuitem", { name: "新しい協定" }).click();
  const sp = page.getByRole("dialog", { name: "新しい協定" });
  await pickDropdown(page, /^企業等/, "株式会社テスト物産");
  await sp.getByLabel("協定名").fill(TITLE);
  await setDate(sp.getByLabel("打診日"), "2026-10-01");
  await sp.getByLabel("企業等から提案された協定内容").fill('<img src=x onerror="window.__pwned=1">食と健康の分野で連携したい。');
  await sp.getByLabel("連携事項（1行に1つ。上から第1号、第2号…）").fill("食育に関すること\n健康づくりに関すること\n地産地消に関すること");
  await h.shot(page, "agreements-start.png");
  await sp.getByRole("button", { name: "登録する" }).click();

  // The new agreement opens; launch the briefing and survey for two departments.
  const panel = page.getByRole("dialog", { name: TITLE });
  await panel.getByText("打診", { exact: true }).first().waitFor();
  await panel.getByRole("menuitem", { name: "庁内説明会・庁内調査" }).click();
  const dlg = page.getByRole("alertdialog", { name: "庁内説明会と庁内調査" });
  await setDate(dlg.getByLabel("説明会の日"), "2026-11-26");
  await setDate(dlg.getByLabel("回答期限"), "2026-12-18");
  await dlg.getByLabel("説明会の場所").fill("本庁舎 4階 会議室");
  await dlg.getByText("子ども家庭部 子育て支援課").click();
  await dlg.getByText("総務部 防災防犯課").click();
  await dlg.getByRole("button", { name: "調査を開始する" }).click();
  await panel.getByText("回答済 0 / 2").waitFor();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(startErrors).toEqual([]);
  await page.context().close();

  // Each department answers in its portal.
  for (const [userId, idea] of [
    [11, "親子料理教室を子育てひろばで開催"],
    [12, "災害時の食料備蓄の啓発"],
  ] as const) {
    const d = await h.open("&only=portal", "", userId);
    const form = d.page.getByRole("region", { name: TITLE });
    // 可能性あり for the first item, なし for the others: every item's choice is made.
    const groups = form.getByRole("radiogroup");
    await groups.first().waitFor();
    for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).getByText(i === 0 ? "可能性あり" : "可能性なし", { exact: true }).click();
    await form.getByLabel("具体的な事業案").first().fill(idea);
    if (userId === 11) await h.shot(d.page, "agreements-survey-answer.png");
    await form.getByRole("button", { name: "回答を送信" }).click();
    await d.page.getByText("回答を送信しました。").waitFor();
    expect(d.errors).toEqual([]);
    await d.page.context().close();
  }

  // The coordinator sees both answers and concludes with the signed PDF.
  const c = await h.open("&only=agreements", "", 7);
  await c.page.getByRole("button", { name: `開く: ${TITLE}` }).click();
  const p2 = c.page.getByRole("dialog", { name: TITLE });
  await p2.getByText("回答済 2 / 2").waitFor();
  await p2.getByText("親子料理教室を子育てひろばで開催").waitFor();
  await h.shot(c.page, "agreements-survey-summary.png");
  await p2.getByRole("menuitem", { name: "締結する" }).click();
  const cd = c.page.getByRole("alertdialog", { name: "協定の締結" });
  await setDate(cd.getByLabel("締結日"), "2026-09-01");
  await setDate(cd.getByLabel("協定期間の開始日"), "2026-12-01");
  await cd.getByRole("button", { name: "締結を記録する" }).click();
  await cd.getByText("締結日が打診日より前になっています。").waitFor();
  await cd.getByText("署名済みの協定書（PDF）を添付してください。").waitFor();
  await setDate(cd.getByLabel("締結日"), "2026-11-30");
  await cd.locator("#pd-signed-pdf").setInputFiles({ name: "協定書（署名済み）.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% signed\n") });
  await cd.getByRole("button", { name: "締結を記録する" }).click();
  await p2.getByText("締結", { exact: true }).first().waitFor();
  await p2.getByText("協定書（署名済み）.pdf").waitFor();
  await p2.getByText("令和11年11月30日").first().waitFor(); // next review, three years on
  await p2.getByText("協定を締結").waitFor();
  await h.shot(c.page, "agreements-concluded.png");
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 120000);

test("two coordinators edit the same agreement: the second is told, reloads, keeps what it typed, and saves", async () => {
  const one = await h.open("&only=agreements", "", 7);
  const two = await h.open("&only=agreements", "", 7);
  const name = "清瀬市と株式会社ひばり交通との包括連携に関する協定";
  for (const x of [one, two]) await x.page.getByRole("button", { name: `開く: ${name}` }).click();
  const p1 = one.page.getByRole("dialog", { name });
  const p2 = two.page.getByRole("dialog", { name });
  await p1.getByLabel("提案された協定内容").fill("一人目が保存した内容");
  await p1.getByRole("button", { name: "保存", exact: true }).click();
  await p1.getByText("保存しました。").waitFor();

  await p2.getByLabel("提案された協定内容").fill("二人目が入力した内容");
  await p2.getByRole("button", { name: "保存", exact: true }).click();
  await p2.getByText("ほかの人が先に保存したため", { exact: false }).waitFor();
  await h.shot(two.page, "agreements-conflict.png");
  await p2.getByRole("button", { name: "最新を読み込む（入力は残す）" }).click();
  expect(await p2.getByLabel("提案された協定内容").inputValue()).toBe("二人目が入力した内容");
  await p2.getByRole("button", { name: "保存", exact: true }).click();
  await p2.getByText("保存しました。").waitFor();
  await p2.getByText("基本情報を変更").first().waitFor();
  for (const x of [one, two]) {
    // The refused save itself is logged by the browser (412); nothing else may fail.
    expect(x.errors.filter((e) => !/status of 412/.test(e))).toEqual([]);
    await x.page.context().close();
  }
}, 60000);

test("the review calendar and the register for a department member", async () => {
  const c = await h.open("&only=agreements", "", 7);
  await c.page.getByRole("tab", { name: "見直し・更新カレンダー" }).click();
  await c.page.getByText("判断の期日（90日以内・期限超過）").waitFor();
  await h.shot(c.page, "agreements-review-calendar.png");
  expect(await h.axe(c.page)).toEqual([]);
  await c.page.context().close();

  const m = await h.open("&only=agreements", "", 11);
  await m.page.getByText("協定の編集は未来創造課が行います", { exact: false }).waitFor();
  expect(await m.page.getByRole("menuitem", { name: "新しい協定" }).count()).toBe(0);
  await m.page.getByRole("button", { name: "開く: 清瀬市と清瀬北大学との包括連携に関する協定" }).click();
  const p = m.page.getByRole("dialog", { name: "清瀬市と清瀬北大学との包括連携に関する協定" });
  await p.getByText("連携事項", { exact: true }).first().waitFor();
  expect(await p.getByRole("button", { name: "保存", exact: true }).count()).toBe(0);
  expect(await p.getByRole("menuitem", { name: "締結する" }).count()).toBe(0);
  await m.page.context().close();
}, 60000);


test("the register like Microsoft Lists: search by the partner's reading, a count after filtering, headers that sort, and the next decision beside the term's end", async () => {
  const { page, errors } = await h.open("&only=agreements&today=2026-11-24", "", 7);
  const grid = page.getByRole("grid", { name: "協定管理" });
  await grid.getByRole("row").nth(2).waitFor();
  const total = Number(((await page.getByRole("status").filter({ hasText: /^全 \d+ 件$/ }).textContent()) ?? "").replace(/\D/g, ""));
  expect(total).toBeGreaterThan(5);
  // ひらがなの読みで: 武蔵野ガス（ムサシノガス）.
  await page.getByRole("searchbox").fill("むさしの");
  await page.getByRole("status").filter({ hasText: `1 件を表示（全 ${total} 件）` }).waitFor();
  const row = grid.getByRole("row", { name: /武蔵野ガス株式会社/ });
  await row.getByText("第2期の更新の判断（満了 令和8年5月31日、申出期限 令和8年3月31日・書面）").waitFor();
  await page.getByRole("searchbox").fill("");
  // 企業等 sorts by reading; again, the other way.
  const header = grid.getByRole("columnheader", { name: /^企業等/ });
  await header.click();
  const firstPartner = async (): Promise<string> => (await grid.getByRole("row").nth(1).getByRole("gridcell").nth(1).textContent()) ?? "";
  const asc = await firstPartner();
  await header.click();
  await grid.getByRole("columnheader", { name: /^企業等/ }).and(page.locator('[aria-sort="descending"]')).waitFor();
  expect(await firstPartner()).not.toBe(asc);
  await h.shot(page, "register-sorted-filtered.png", { fullPage: false });
  // The register as shown, for 決裁: CSV (Excel reads its BOM) and a workbook.
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "CSV に出力" }).click()]);
  const text = fs.readFileSync((await csv.path())!, "utf8");
  expect(text.startsWith("\uFEFF\"協定名\",\"企業等\",\"状態\",\"締結日\",\"現在の期間の終了\",\"次の判断（期日）\"")).toBe(true);
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(total + 1);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Excel に出力" }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  expect(wb.worksheets[0].getCell("A1").value).toBe("包括連携協定 台帳");
  expect(wb.worksheets[0].rowCount).toBe(4 + total);
  // …and the printable page, as shown (A4 landscape).
  const [popup] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("menuitem", { name: "印刷用に表示" }).click()]);
  await popup.waitForLoadState("load");
  await popup.setViewportSize({ width: 1240, height: 877 });
  await popup.getByRole("heading", { name: "包括連携協定 台帳" }).waitFor();
  expect(await popup.locator("tbody tr").count()).toBe(total);
  await h.shot(popup, "register-export-print.png", { fullPage: false });
  await popup.close();
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);
