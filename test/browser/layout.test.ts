import { BrowserHarness, startHarness } from "./harness";
import { settledMeasure } from "./layoutMeasure";

/**
 * Every screen lays out cleanly (issue 18 item 9), in Japanese and in English, on a laptop
 * (1366 and 1024 px) and on a phone (390 px: departments and the coordinator too open the Teams tab on a phone, issue 33 item 9): no column header,
 * button or tab label is cut short (its text fits its box), and the page never scrolls
 * sideways.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const screens: Array<{ only: string; user: number; tabs: number; widths: number[] }> = [
  // 協定管理: 台帳, カレンダー, 企業等, 台帳の取込, 設定
  { only: "agreements", user: 7, tabs: 5, widths: [1366, 1024, 390] },
  // 年度の連携: 年度の概要, 調査依頼, 別紙①, 別紙②, 別紙③, Teams チャネル
  { only: "annual", user: 7, tabs: 6, widths: [1366, 1024, 390] },
  { only: "portal", user: 11, tabs: 0, widths: [1366, 1024, 390] },
  { only: "results", user: 7, tabs: 0, widths: [1366, 1024, 390] },
];

const cases = screens.flatMap((s) => ["ja", "en"].map((lang) => ({ ...s, lang })));

test.each(cases)("$only ($lang): no label cut short and no sideways scrolling at every width, on every tab", async ({ only, user, tabs, widths, lang }) => {
  const { page, errors } = await h.open(`&only=${only}${lang === "en" ? "&lang=en" : ""}`, "", user);
  await page.locator("main h2").first().waitFor();
  const found: Record<string, unknown> = {};
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    for (let t = 0; t < Math.max(tabs, 1); t++) {
      if (tabs) await page.locator("main").getByRole("tab").nth(t).click();
      await page.waitForLoadState("networkidle");
      // Measured once the tab has settled (its rows in, lists laid out again after the resize).
      const { cut, sideways } = await settledMeasure(page);
      const name = tabs ? ((await page.locator("main").getByRole("tab").nth(t).textContent()) ?? String(t)) : only;
      if (cut.length) found[`${width} ${name}: cut`] = cut;
      if (sideways > 0) found[`${width} ${name}: scrolls sideways by`] = sideways;
      if (width === 1024 && only === "agreements" && t === 0 && lang === "en") await h.shot(page, "layout-register-en-1024.png");
      if (width === 1366 && only === "agreements" && t === 1 && lang === "ja") await h.shot(page, "layout-calendar-1366.png");
      if (width === 1024 && only === "annual" && t === 2 && lang === "ja") await h.shot(page, "layout-form1-1024.png");
      if (width === 390 && only === "portal") await h.shot(page, `layout-portal-${lang}-390.png`);
    }
  }
  expect(found).toEqual({});
  expect(errors).toEqual([]);
  await page.context().close();
}, 180000);

test("a department's Form 2 submission says what happened", async () => {
  const { page, errors } = await h.open("&only=portal", "", 11);
  await page.getByRole("menuitem", { name: "提案を登録" }).click();
  const dialog = page.getByRole("alertdialog", { name: "市からの提案（別紙②）" });
  await dialog.getByRole("combobox", { name: "連携相手企業" }).click();
  await page.getByRole("option").first().click();
  await dialog.getByRole("combobox", { name: "該当する連携事項" }).click();
  await page.getByRole("option").first().click();
  await dialog.getByLabel("提案の件名").fill("レイアウト確認の提案");
  await dialog.getByLabel("提案内容").fill("提出後の知らせを確かめる。");
  await dialog.getByRole("button", { name: "提出する" }).click();
  await page.getByRole("alertdialog", { name: "提出する" }).getByRole("button", { name: "提出する" }).click();
  await page.getByRole("status").getByText("提案を提出しました（令和8年11月24日）。提出後の変更は未来創造課にご連絡ください。").waitFor();
  await page.getByRole("button", { name: "レイアウト確認の提案" }).waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);
