import type { Page } from "playwright-core";
import { BrowserHarness, startHarness } from "./harness";

/**
 * Issue 33, point 10g: the import preview names the file it shows and counts the rows that wait
 * for the coordinator's decision; it never says 「取り込める行はありません。」 while rows wait.
 * The register is small and written as cities write them: a renewal that does not say whether it
 * repeats (10a), a notice in days (10b), two companies with their locations joined by 及び (10d).
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const csv = [
  "協定先,協定名,締結日,連携事項,協定期間",
  "株式会社ひまわり薬局,清瀬市と株式会社ひまわり薬局との包括連携に関する協定,平成29年4月1日,(1)健康づくりに関すること,締結の日から3年間とする。ただし、期間満了の1か月前までに申出がないときは、同一期間更新する。",
  "株式会社A（東京都千代田区）及び株式会社B（大阪市北区）,清瀬市と株式会社A及び株式会社Bとの包括連携に関する協定,令和6年4月1日,(1)防災に関すること,期間の定めなし（3年ごとに見直し）",
  "清瀬北大学,清瀬市と清瀬北大学との包括連携に関する協定,令和5年4月1日,(1)教育に関すること,締結の日から1年間とし、満了の30日前までに申出がなければ1年間更新し、以後も同様とする。",
].join("\r\n");

const noSidewaysScroll = async (page: Page): Promise<void> => {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
};

test("the preview names its file and counts the rows waiting for a decision", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.getByRole("tab", { name: "台帳の取込" }).click();
  await page.locator("#pd-register-file").setInputFiles({ name: "包括連携協定一覧（令和8年度）.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByText("ファイル: 包括連携協定一覧（令和8年度）.csv", { exact: true }).waitFor();
  await page.getByText("全 3 行: 取込可 1 件 / 要確認 2 件 / 登録済み 0 件 / 取り込めない 0 件").waitFor();
  await page.getByText("判断を待つ行が 2 件あります（【要確認】の行）。決めた行から取り込みの対象になります。").waitFor();
  const grid = page.getByRole("grid", { name: "既存の協定台帳の取込" });
  // 10a: flagged for a decision, never imported as 終了.
  await grid.getByText("更新が 1 回限りか、以後も繰り返すかが書かれていません（「以後も同様に更新する」を確認してください）").waitFor();
  expect(await grid.getByText(/終了として取り込みます/).count()).toBe(0);
  await grid.getByText("36 か月の更新（1回のみか、以後も同様かは未確認）").waitFor();
  // 10d: two companies proposed as two partners.
  await grid.getByText("協定先に 2 者の名前があります。分けて登録するかを選んでください").waitFor();
  await grid.locator("li").filter({ hasText: /^株式会社A\s*（新規登録）所在地「東京都千代田区」は住所として登録します/ }).waitFor();
  await grid.locator("li").filter({ hasText: /^株式会社B\s*（新規登録）所在地「大阪市北区」は住所として登録します/ }).waitFor();
  // 10b: the notice in days leaves no note behind; the row is ready.
  expect(await grid.getByText("申出の期限が日数で書かれています", { exact: false }).count()).toBe(0);
  await grid.getByText("満了の 30 日前まで").waitFor();
  await noSidewaysScroll(page);
  await h.shot(page, "register-import-decisions.png");

  // Only the rows waiting for a decision, none ready: still never 「取り込める行はありません。」.
  const waitingOnly = csv.split("\r\n").slice(0, 3).join("\r\n");
  await page.locator("#pd-register-file").setInputFiles({ name: "協定一覧_要確認.csv", mimeType: "text/csv", buffer: Buffer.from(waitingOnly, "utf8") });
  await page.getByText("ファイル: 協定一覧_要確認.csv", { exact: true }).waitFor();
  await page.getByText("全 2 行: 取込可 0 件 / 要確認 2 件 / 登録済み 0 件 / 取り込めない 0 件").waitFor();
  await page.getByText(/^判断を待つ行が 2 件あります。【要確認】の行で/).waitFor();
  expect(await page.getByText("取り込める行はありません。", { exact: true }).count()).toBe(0);
  expect(errors).toEqual([]);
});

/** Issue 33, points 10e and 10f: an agreement imported without items gets them recorded once; its 発意 is 不明. */
test("an agreement imported without items: 発意 不明, its items recorded once in the panel, then locked", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.getByRole("tab", { name: "台帳の取込" }).click();
  const title = "清瀬市と株式会社こもれび工務店との包括連携に関する協定";
  const noItems = ["協定先,協定名,締結日,連携事項,協定期間", `株式会社こもれび工務店,${title},令和5年4月1日,,期間の定めなし（3年ごとに見直し）`].join("\r\n");
  await page.locator("#pd-register-file").setInputFiles({ name: "協定一覧_事項なし.csv", mimeType: "text/csv", buffer: Buffer.from(noItems, "utf8") });
  await page.getByText("ファイル: 協定一覧_事項なし.csv", { exact: true }).waitFor();
  await page.getByRole("button", { name: "1 件を取り込む" }).click();
  await page.getByText(/^1 件を取り込みました/).waitFor();

  await page.getByRole("tab", { name: "協定台帳" }).click();
  await page.getByRole("searchbox").fill("こもれび工務店");
  await page.getByRole("button", { name: `開く: ${title}` }).click();
  const panel = page.getByRole("dialog", { name: title });
  await panel.getByText("不明（台帳から取り込み）").waitFor();
  await panel.getByText("台帳の取込で連携事項がなかった協定です。", { exact: false }).waitFor();
  await panel.getByLabel("連携事項（1行に1つ。上から第1号、第2号…）").fill("住まいの防災に関すること\n地域の木材の活用に関すること");
  await panel.getByRole("button", { name: "連携事項を保存" }).click();
  await panel.getByText("地域の木材の活用に関すること", { exact: false }).waitFor();
  await panel.getByText("締結後は連携事項を変更できません。").waitFor();
  expect(await panel.getByRole("button", { name: "連携事項を保存" }).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);
