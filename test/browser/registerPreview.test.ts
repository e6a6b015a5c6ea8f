import type { Locator, Page } from "playwright-core";
import { BrowserHarness, startHarness } from "./harness";

/**
 * The preview as the coordinator needs it, on a register of mixed rows: what the file wrote
 * beside what was read and what the import will do, all on the page at 1366 px without
 * sideways scrolling; a conclusion date that could not be read typed in by hand; a renewal
 * by consultation confirmed; a row that ends said so; partners' kinds guessed (a 市 as
 * 自治体・公共団体, a 高等学校 as 学校) and one corrected before import.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const csv = [
  "協定先,協定名,締結日,連携事項,協定期間",
  '東久留米市,清瀬市と東久留米市との相互連携に関する協定,令和元年11月19日(水),"(1)防災に関すること。(2)子育て支援に関すること。",締結の日から1年間とし、期間満了の1か月前までに申出がないときは、さらに1年間更新するものとし、以後も同様とする。',
  "東京都立清瀬高等学校,清瀬市と東京都立清瀬高等学校との連携に関する協定,2020年4月1日,(1)教育に関すること。,締結の日から3年間とする。",
  "株式会社あおば電機,清瀬市と株式会社あおば電機との包括連携に関する協定,2022年4月1日,(1)環境保全に関すること。,締結の日から1年間とし、期間満了後は協議の上、更新することができる。",
  "(株)みらい電機,清瀬市と株式会社みらい電機との包括連携に関する協定,令和元年7月1日,(1)防災に関すること,",
  "特定非営利活動法人きよせの森,清瀬市と特定非営利活動法人きよせの森との包括連携に関する協定,令和4年4月1日,(1)緑の保全に関すること,期間の定めなし（3年ごとに見直し）",
  "清瀬ふれあいの会,清瀬市と清瀬ふれあいの会との包括連携に関する協定,令和5年6月1日,(1)健康づくりに関すること,期間の定めなし（3年ごとに見直し）",
].join("\r\n");

const noSidewaysScroll = async (page: Page): Promise<void> => {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
};

test("written beside read, decisions made in the preview, every row's fate in words, kinds guessed and corrected", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.getByRole("tab", { name: "台帳の取込" }).click();
  await page.locator("#pd-register-file").setInputFiles({ name: "協定一覧.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByText("全 6 行: 取込可 3 件 / 要確認 2 件 / 登録済み 1 件 / 取り込めない 0 件").waitFor();
  const grid = page.getByRole("grid", { name: "既存の協定台帳の取込" });
  const row = (n: number): Locator => grid.getByRole("row").filter({ hasText: `清瀬市と${["", "", "東久留米市", "東京都立清瀬高等学校", "株式会社あおば電機", "株式会社みらい電機", "特定非営利活動法人きよせの森", "清瀬ふれあいの会"][n]}との` });

  // The kind a row's dropdown shows (its text, without the chevron icon's glyph).
  const kindShown = async (n: number): Promise<string> => ((await grid.getByRole("combobox", { name: `種別: ${n}行目` }).textContent()) ?? "").replace(/[\uE000-\uF8FF]/g, "").trim();

  // The 市 and the 高等学校: kinds guessed from their names.
  expect(await kindShown(2)).toBe("自治体・公共団体");
  expect(await kindShown(3)).toBe("学校");
  expect(await kindShown(6)).toBe("団体");
  expect(await kindShown(7)).toBe("その他");

  // What the file wrote, verbatim, beside what was read.
  await row(2).getByText("令和元年11月19日(水)", { exact: true }).waitFor();
  await row(2).getByText("締結日の曜日が日付と合いません").waitFor();
  await row(2).getByText("締結日を入力すると取り込めます").waitFor();
  await row(3).getByText("締結の日から3年間とする。", { exact: true }).waitFor();
  await row(3).getByText("終了として取り込みます（令和5年3月31日 に期間満了）").waitFor();
  await row(3).getByText("第1期 令和2年4月1日〜令和5年3月31日").waitFor();
  await row(4).getByText("条件を確認すると取り込めます").waitFor();
  await row(5).getByText("取り込みません（既に登録済み）").waitFor();
  await row(6).getByText(/^締結済みとして取り込みます（次の判断: 令和/).waitFor();
  await row(6).getByText(/協定の見直し（見直し日 令和/).waitFor();
  // Rows waiting for a decision are not ticked.
  expect(await grid.getByRole("checkbox", { name: /取り込む: 2行目/ }).isChecked()).toBe(false);
  expect(await grid.getByRole("checkbox", { name: /取り込む: 4行目/ }).isChecked()).toBe(false);
  await noSidewaysScroll(page);
  expect(await h.axe(page)).toEqual([]);
  await h.shot(page, "register-import-preview-to-decide.png");

  // The date typed by hand: first without its year (refused, said under the field), then in full.
  const date = grid.getByRole("textbox", { name: "締結日を入力: 2行目" });
  await date.fill("11月19日");
  await grid.getByRole("button", { name: "この日付にする: 2行目" }).click();
  await row(2).getByText("締結日の年・月・日のいずれかがありません").waitFor();
  await date.fill("令和元年11月19日");
  await date.press("Enter");
  await row(2).getByText("（入力した日付）", { exact: false }).waitFor();
  await row(2).getByText(/^締結済みとして取り込みます（次の判断: 令和9年9月18日）$/).waitFor();
  await row(2).getByText("第8期 令和8年11月19日〜令和9年11月18日").waitFor();
  expect(await grid.getByRole("checkbox", { name: "取り込む: 2行目" }).isChecked()).toBe(true);
  await page.getByText("全 6 行: 取込可 4 件 / 要確認 1 件 / 登録済み 1 件 / 取り込めない 0 件").waitFor();

  // The renewal by consultation: the coordinator confirms it renews a year at a time.
  await grid.getByRole("button", { name: "条件を確認・修正: 4行目" }).click();
  const check = page.getByRole("alertdialog", { name: "読み取った条件の確認（4行目）" });
  await check.getByLabel("更新の単位（月）。空欄は更新なし").fill("12");
  await check.getByRole("button", { name: "この条件にする" }).click();
  await row(4).getByText(/^締結済みとして取り込みます（次の判断: 令和/).waitFor();
  expect(await grid.getByRole("checkbox", { name: "取り込む: 4行目" }).isChecked()).toBe(true);
  await page.getByText("全 6 行: 取込可 5 件 / 要確認 0 件 / 登録済み 1 件 / 取り込めない 0 件").waitFor();

  // A volunteer group: no hint in its name; the coordinator makes it a 団体.
  await grid.getByRole("combobox", { name: "種別: 7行目" }).click();
  await page.getByRole("option", { name: "団体", exact: true }).click();
  expect(await kindShown(7)).toBe("団体");

  await noSidewaysScroll(page);
  // The pointer off the rows (a hovered row's grey is not the page's).
  await page.getByRole("heading", { name: "既存の協定台帳の取込" }).hover();
  await h.shot(page, "register-import-preview.png");
  expect(await h.axe(page)).toEqual([]);

  await page.getByRole("button", { name: "5 件を取り込む" }).click();
  await page.getByText("5 件を取り込みました（新しい企業等 5 件、取り込まなかった行 1 件）。").waitFor();

  // The partners were created with the kinds shown.
  await page.getByRole("tab", { name: "企業等" }).click();
  const partners = page.getByRole("grid").first();
  for (const [name, kind] of [
    ["東久留米市", "自治体・公共団体"],
    ["東京都立清瀬高等学校", "学校"],
    ["清瀬ふれあいの会", "団体"],
    ["特定非営利活動法人きよせの森", "団体"],
  ]) {
    await partners.getByRole("row").filter({ hasText: name }).getByText(kind, { exact: true }).waitFor();
  }
  expect(errors).toEqual([]);
  await page.context().close();
}, 120000);
