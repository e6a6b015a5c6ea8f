import { BrowserHarness, focusedName, startHarness, tabTo } from "./harness";

/**
 * The yearly cycle's main flows by keyboard only: a department's Form 2 proposal, the
 * coordinator issuing a feedback list, and a department's Form 4. No mouse clicks: Tab,
 * arrow keys, Enter and typing, as a person who does not use a mouse works.
 */

/**
 * A confirmation moves focus to its button a moment after it shows (Fluent's focus trap): a person
 * presses Enter once it is there. Pressed before, Enter went nowhere, and (the form behind being
 * hidden from the accessibility tree while the confirmation is open) the form looked closed.
 */
async function enterOnceFocused(button: import("playwright-core").Locator): Promise<void> {
  await button.waitFor();
  await button.page().waitForFunction((b) => b === document.activeElement, await button.elementHandle(), { timeout: 10000 });
  await button.page().keyboard.press("Enter");
}

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

test("keyboard only: a department submits a Form 2 proposal", async () => {
  const { page, errors } = await h.open("&only=portal", "", 11);
  await page.getByRole("menuitem", { name: "提案を登録" }).waitFor();
  await page.locator("body").focus();
  await tabTo(page, /^提案を登録$/);
  await page.keyboard.press("Enter");
  const dlg = page.getByRole("alertdialog", { name: "市からの提案（別紙②）" });
  await dlg.getByRole("combobox", { name: /連携相手企業/ }).waitFor();
  await tabTo(page, /^連携相手企業/);
  await page.keyboard.press("ArrowDown"); // a closed dropdown takes the next option
  await dlg.getByRole("combobox", { name: /該当する連携事項/ }).and(page.locator(":not([aria-disabled='true'])")).waitFor();
  await page.keyboard.press("Tab");
  expect(await focusedName(page)).toMatch(/^該当する連携事項/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await page.keyboard.type("キーボードだけで登録した提案");
  await page.keyboard.press("Tab");
  await page.keyboard.type("子育て世帯向けの講座を共催する。");
  await tabTo(page, /^提出する$/);
  await page.keyboard.press("Enter");
  // Asked first (a submission locks the row); the confirmation opens with its button in focus.
  await enterOnceFocused(page.getByRole("alertdialog", { name: "提出する" }).getByRole("button", { name: "提出する" }));
  await dlg.waitFor({ state: "detached" });
  try {
    // In the department's proposals, a table or stacked cards by the width the list has.
    await page.getByRole("main").getByText("キーボードだけで登録した提案", { exact: true }).first().waitFor();
  } catch (e) {
    // What the page showed instead (for a run that fails: the notices and the proposals' part).
    const text = await page.locator("main").innerText().catch(() => "");
    throw new Error(`${String(e)}\n--- errors: ${JSON.stringify(errors)}\n--- page: ${text.slice(Math.max(0, text.indexOf("部署の提案（別紙②）") - 100), text.indexOf("部署の提案（別紙②）") + 1500)}`);
  }
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);

test("keyboard only: the coordinator accepts a suggestion and issues the feedback list", async () => {
  const { page, errors } = await h.open("&only=annual", "", 7);
  await page.getByRole("tab", { name: "年度の概要" }).waitFor();
  await page.getByRole("tab", { name: "年度の概要" }).focus();
  for (let i = 0; i < 8 && !/マッチング/.test(await focusedName(page)); i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: /^採用: / }).first().waitFor();
  // The suggestions are one tab stop; the right arrow enters a row's buttons.
  await tabTo(page, /採用却下$/);
  for (let i = 0; i < 12 && !/^採用: /.test(await focusedName(page)); i++) await page.keyboard.press("ArrowRight");
  const accepted = (await focusedName(page)).replace(/^採用: /, "");
  await page.keyboard.press("Enter");
  await page.getByRole("grid", { name: "作成中のフィードバック一覧" }).getByText(accepted).first().waitFor();
  await page.locator("body").focus();
  await tabTo(page, /^発行して Teams に通知$/);
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("alertdialog", { name: "発行して Teams に通知" });
  // (Fluent's modal wrapper has no height of its own — its content is fixed-position — so
  // wait for what is inside it, not for the wrapper to be "visible".)
  await confirm.getByRole("button", { name: "発行して Teams に通知" }).waitFor();
  await tabTo(page, /^発行して Teams に通知$/);
  await page.keyboard.press("Enter");
  // The result bar: all departments told, or how many were and which were not (never all-green then).
  await page.getByText(/部署すべてに通知しました|部署中 \d+ 部署に通知しました/).first().waitFor();
  await page.getByRole("region", { name: /第2回/ }).getByText(accepted).first().waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);

test("keyboard only: a department records and submits Form 4 after the year ends", async () => {
  const { page, errors } = await h.open("&today=2027-04-10&only=portal", "", 11);
  const section = page.getByRole("region", { name: "実績報告（別紙④）" });
  await section.getByRole("combobox", { name: "年度" }).waitFor();
  await page.locator("body").focus();
  await tabTo(page, /^年度/);
  // A closed dropdown steps through its options with the arrow keys.
  for (let i = 0; i < 6 && !/2026年度/.test(await focusedName(page)); i++) await page.keyboard.press("ArrowUp");
  for (let i = 0; i < 6 && !/2026年度/.test(await focusedName(page)); i++) await page.keyboard.press("ArrowDown");
  expect(await focusedName(page)).toMatch(/2026年度/);
  await tabTo(page, /^取組を追加$/);
  await page.keyboard.press("Enter");
  const dlg = page.getByRole("alertdialog", { name: "実績報告（別紙④）" });
  await dlg.getByLabel("取組の件名").waitFor();
  await tabTo(page, /^取組の件名/);
  await page.keyboard.type("キーボードで記録した親子講座");
  await page.keyboard.press("Tab");
  await page.keyboard.type("親子講座を1回開催し、20名が参加した。");
  await page.keyboard.press("Tab");
  expect(await focusedName(page)).toMatch(/^連携企業名/);
  await page.keyboard.press("ArrowDown");
  await tabTo(page, /^保存$/);
  await page.keyboard.press("Enter");
  await dlg.waitFor({ state: "detached" });
  await section.getByRole("gridcell", { name: "キーボードで記録した親子講座", exact: true }).waitFor();
  // The command becomes available once the saved row is read back; a keyboard user waits for it too.
  await section.locator('[role="menuitem"]:not([aria-disabled="true"]):not([disabled])', { hasText: "実績報告を提出" }).waitFor();
  await page.locator("body").focus();
  await tabTo(page, /^実績報告を提出$/);
  await page.keyboard.press("Enter");
  // The confirmation opens with its button in focus: Enter submits.
  await enterOnceFocused(page.getByRole("alertdialog", { name: "実績報告を提出" }).getByRole("button", { name: "実績報告を提出" }));
  await page.getByText("1 件を提出しました。").waitFor();
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);
