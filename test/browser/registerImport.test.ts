import { spawnSync } from "child_process";
import { BrowserHarness, startHarness } from "./harness";
import { writeRegisterWorkbook } from "../helpers/registerWorkbook";
import { REGISTER_HEADING, registerRows } from "../fixtures/register";

/**
 * A city's existing register of forty agreements imported in Chromium: preview with every
 * row and its problems, one row's terms confirmed and corrected, one row left out, import,
 * the same file again (only the row left out is new), then the review calendar and one
 * agreement's renewal chain.
 */

let h: BrowserHarness;
let file: string;
beforeAll(async () => {
  h = await startHarness();
  file = await writeRegisterWorkbook("包括連携協定 締結一覧（令和8年4月1日現在）", REGISTER_HEADING, registerRows());
}, 90000);
afterAll(async () => h?.stop());

test("import a register of forty agreements, then see the calendar and a renewal chain", async () => {
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.getByRole("tab", { name: "台帳の取込" }).click();
  await page.locator("#pd-register-file").setInputFiles(file);
  const summary = page.getByText(/^全 40 行:/);
  await summary.waitFor();
  expect(await summary.textContent()).toBe("全 40 行: 取込可 36 件 / 要確認 2 件 / 登録済み 1 件 / 取り込めない 1 件");
  const grid = page.getByRole("grid", { name: "既存の協定台帳の取込" });
  await grid.getByText("協定先がありません").waitFor();
  await grid.getByText("締結日の曜日が日付と合いません").waitFor();
  await grid.getByText("締結日が存在しない日付です").waitFor();
  await grid.getByText("取り込みません（既に登録済み）").waitFor();
  expect(await h.axe(page)).toEqual([]);
  // Forty rows, written beside read: nothing scrolls sideways at 1366 px.
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
  await h.shot(page, "register-import-forty.png");

  // The coordinator checks one row's terms (no clause: the site's default was proposed) and sets them;
  // and leaves one row out of this import.
  await grid.getByRole("button", { name: "条件を確認・修正: 3行目" }).click();
  const check = page.getByRole("alertdialog", { name: "読み取った条件の確認（3行目）" });
  await check.getByText("月数で定める", { exact: true }).click();
  await check.getByLabel("当初期間（月）").fill("24");
  await check.getByLabel("更新の単位（月）。空欄は更新なし").fill("12");
  expect(await h.axe(page, "document")).toEqual([]);
  await h.shot(page, "register-import-confirm-terms.png", { fullPage: false });
  await check.getByRole("button", { name: "この条件にする" }).click();
  const row3 = grid.getByRole("row").filter({ has: page.getByRole("checkbox", { name: "取り込む: 3行目" }) });
  await row3.getByText("開始日から 24 か月", { exact: true }).waitFor();
  await row3.getByText("12 か月ごとに自動更新（以後も同様）", { exact: true }).waitFor();
  await row3.getByText("（確認済み）", { exact: false }).waitFor();
  await grid.getByRole("checkbox", { name: "取り込む: 5行目" }).uncheck({ force: true });
  await page.getByRole("button", { name: "35 件を取り込む" }).click();
  await page.getByText("35 件を取り込みました（新しい企業等 35 件、取り込まなかった行 5 件）。").waitFor();

  // The same file again: only the row left out is new.
  await page.locator("#pd-register-file").setInputFiles(file);
  await page.getByText("全 40 行: 取込可 1 件 / 要確認 2 件 / 登録済み 36 件 / 取り込めない 1 件").waitFor();
  await page.getByRole("button", { name: "1 件を取り込む" }).waitFor();

  // The review calendar now holds the imported agreements' decisions, keyed on decision dates.
  await page.getByRole("tab", { name: "見直し・更新カレンダー" }).click();
  const cal = page.getByRole("grid", { name: /判断の期日/ });
  await cal.getByText("清瀬市とひかり損害保険株式会社との包括連携に関する協定").first().waitFor();
  // Opening the calendar posts nothing (issue 33); 「リマインドを送信」 lists what is due and sends it on confirmation.
  const posts = h.backend.store.graphMessages.length;
  await page.getByRole("menuitem", { name: /^リマインドを送信（\d+件）$/ }).click();
  const remind = page.getByRole("alertdialog", { name: "リマインドを送信" });
  await remind.getByRole("listitem").first().waitFor();
  expect(h.backend.store.graphMessages.length).toBe(posts);
  await remind.getByRole("button", { name: /件を送信$/ }).click();
  await page.getByText(/件を未来創造課のチャネルに通知しました/).waitFor();
  expect(h.backend.store.graphMessages.length).toBeGreaterThan(posts);
  await remind.waitFor({ state: "detached" });
  // The pointer left where the dialog's button was, over a grid row (its hover shade): moved off the grid, as a reader would.
  await page.mouse.move(1, 1);
  expect(await h.axe(page)).toEqual([]);
  await h.shot(page, "register-import-calendar.png");

  // One agreement's renewal chain: concluded in 2015 until the fiscal year end, then a year at a time.
  await page.getByRole("tab", { name: "協定台帳" }).click();
  await page.getByRole("searchbox").fill("ひかり損害保険");
  await page.getByRole("button", { name: "開く: 清瀬市とひかり損害保険株式会社との包括連携に関する協定" }).click();
  const panel = page.getByRole("dialog", { name: "清瀬市とひかり損害保険株式会社との包括連携に関する協定" });
  const chain = panel.getByRole("table", { name: "期間の記録（更新の連鎖）" });
  await chain.waitFor();
  // A heading row and twelve terms, the last running to 31 March 2027.
  expect(await chain.getByRole("row").count()).toBe(13);
  await chain.getByRole("row", { name: /第12期/ }).getByText("令和9年3月31日").waitFor();
  await panel.getByText("当該年度の末日まで", { exact: false }).waitFor();
  await panel.getByRole("region", { name: "協定期間・更新・申出" }).scrollIntoViewIfNeeded();
  await h.shot(page, "register-import-renewal-chain.png");
  expect(errors).toEqual([]);
  await page.context().close();
}, 120000);

test("a CSV saved by Japanese Excel (Shift_JIS) reads as the same register", async () => {
  const csv = [
    "協定の相手方,協定名,締結年月日,連携事項,有効期間",
    '株式会社ＳＪＩＳ商会,清瀬市と株式会社ＳＪＩＳ商会との包括連携に関する協定,令和５年１０月２日（月）,"(1)防災に関すること。(2)環境に関すること。",締結の日から1年間とし、満了の1か月前までに申出がないときは1年間更新し、以後も同様とする。',
  ].join("\r\n");
  const sjis = spawnSync("iconv", ["-f", "UTF-8", "-t", "CP932"], { input: csv });
  expect(sjis.status).toBe(0);
  const { page, errors } = await h.open("&only=agreements", "", 7);
  await page.getByRole("tab", { name: "台帳の取込" }).click();
  await page.locator("#pd-register-file").setInputFiles({ name: "協定一覧.csv", mimeType: "text/csv", buffer: sjis.stdout });
  await page.getByText("全 1 行: 取込可 1 件 / 要確認 0 件 / 登録済み 0 件 / 取り込めない 0 件").waitFor();
  const grid = page.getByRole("grid", { name: "既存の協定台帳の取込" });
  await grid.getByText("株式会社ＳＪＩＳ商会", { exact: false }).first().waitFor();
  await grid.getByText("令和5年10月2日", { exact: false }).waitFor();
  await grid.getByText("12 か月ごとに自動更新（以後も同様）", { exact: false }).waitFor();
  await page.getByRole("button", { name: "1 件を取り込む" }).click();
  await page.getByText("1 件を取り込みました", { exact: false }).waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}, 60000);
