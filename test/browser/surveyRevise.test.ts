import type { Locator, Page } from "playwright-core";
import { BrowserHarness, startHarness } from "./harness";
import { overflow } from "./layoutMeasure";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { AgreementService } from "../../src/data/services/AgreementService";

/**
 * Department flows without rigidity (issue 33, point 8), in the Teams tab on a phone (390 px) and
 * a laptop (1024 px): a survey asks 可能性あり／なし explicitly, sits above the feedback list and can
 * be revised until the survey closes; Form 4's 実績報告を提出 and 該当なしで提出する are buttons in
 * view, never under 「…」; after every submit, keyboard focus is on the result, not on <body>.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

/** The text of the element that has keyboard focus ("<body>" when focus fell to the page). */
const focusedText = (page: Page): Promise<string> => page.evaluate(() => (document.activeElement === document.body ? "<body>" : (document.activeElement?.textContent ?? "")));

/** Waits until focus is on an element holding `text` (focus moves in an effect after the dialog closes). */
async function focusOn(page: Page, text: string): Promise<void> {
  await page.waitForFunction((t) => document.activeElement !== document.body && !!document.activeElement?.textContent?.includes(t), text, { timeout: 10000 }).catch(async (e) => {
    throw new Error(`${String(e)}; focus is on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 300))}`);
  });
}

/** A button or command inside the window's width, not hidden. */
async function inView(page: Page, button: Locator): Promise<void> {
  await button.scrollIntoViewIfNeeded();
  expect(await button.isVisible()).toBe(true);
  const b = await button.boundingBox();
  const width = page.viewportSize()!.width;
  expect(b).not.toBeNull();
  expect(b!.x).toBeGreaterThanOrEqual(0);
  expect(b!.x + b!.width).toBeLessThanOrEqual(width);
}

async function surveyOf(title: string): Promise<{ coord: AgreementService; agreementId: number }> {
  const coordData = new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": "7" }), h.backend.siteUrl);
  const coord = new AgreementService(coordData, await coordData.currentUser(), "2026-11-24");
  const dept = (await coordData.departments.list()).find((d) => d.code === "kodomo-kosodate")!;
  const partner = (await coordData.partners.list())[0];
  const a = await coord.start({ title, origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-11-01", proposedContent: "子育て世帯向けの講座と相談会" }, ["子育て支援に関すること", "食育に関すること"]);
  const story = await coord.story(a.id);
  await coord.launchSurvey(story.agreement, story.items, { briefingDate: "2026-11-25", briefingPlace: "本庁舎 会議室", briefingDepartmentIds: [dept.id], deadline: "2026-12-10", departmentIds: [dept.id] });
  return { coord, agreementId: a.id };
}

test.each([
  [390, "portal-survey-revise-390.png"],
  [1024, null],
])("at %i px: the survey asks 可能性あり／なし, sits above the feedback list, is revised while open, and refused once closed; focus on the result", async (width, shot) => {
  const title = `子育て支援に関する包括連携協定（案・${width}）`;
  const { coord, agreementId } = await surveyOf(title);
  const { page, errors } = await h.open("&host=teams&dept=kodomo-kosodate&only=portal&today=2026-11-24", "portal", 11);
  await page.setViewportSize({ width, height: 900 });
  const form = page.getByRole("region", { name: title });
  await form.waitFor();
  // Above the long feedback list.
  const feedback = page.locator("#pd-portal-feedback");
  expect((await form.boundingBox())!.y).toBeLessThan((await feedback.first().boundingBox())!.y);

  // Nothing chosen yet: sending is refused, and says why, item by item.
  const groups = form.getByRole("radiogroup", { name: /連携事業の可能性/ });
  expect(await groups.count()).toBe(2);
  expect(await form.getByRole("radio", { checked: true }).count()).toBe(0);
  const send = form.getByRole("button", { name: "回答を送信" });
  await inView(page, send);
  await send.click();
  await form.getByText("すべての連携事項について「可能性あり」か「可能性なし」を選んでください。").waitFor();
  expect(await form.getByText("「可能性あり」か「可能性なし」を選んでください。", { exact: true }).count()).toBe(2);
  // Focus on the first choice still to make.
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe("radio");

  await groups.nth(0).getByText("可能性あり", { exact: true }).click();
  await form.getByLabel("具体的な事業案").first().fill("親子講座を子育てひろばで開催");
  await groups.nth(1).getByText("可能性なし", { exact: true }).click();
  await send.click();
  await focusOn(page, "回答を送信しました。");
  await form.getByText(/^回答済み（/).waitFor();
  await form.getByText("可能性あり ／ 親子講座を子育てひろばで開催").waitFor();

  // Revised while the survey is open: the answers come back into the form, changed, sent again.
  const revise = form.getByRole("button", { name: "回答を修正する" });
  await inView(page, revise);
  await revise.click();
  expect(await groups.nth(0).getByRole("radio", { name: "可能性あり" }).isChecked()).toBe(true);
  await groups.nth(1).getByText("可能性あり", { exact: true }).click();
  await form.getByLabel("具体的な事業案").nth(1).fill("食育の出前講座");
  const resend = form.getByRole("button", { name: "修正した回答を送信" });
  await inView(page, resend);
  if (shot) await h.shot(page, shot, { fullPage: false });
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await resend.click();
  await focusOn(page, "回答を修正しました。");
  await form.getByText("可能性あり ／ 食育の出前講座").waitFor();

  // The coordinator decides (見送り): the survey is closed, and a revision is refused.
  await form.getByRole("button", { name: "回答を修正する" }).click();
  const story = await coord.story(agreementId);
  await coord.decline(story.agreement, "市の方向性と合わないため", "2026-11-24");
  await groups.nth(0).getByText("可能性なし", { exact: true }).click();
  await form.getByRole("button", { name: "修正した回答を送信" }).click();
  await form.getByText("庁内調査は締め切られました。回答は変更できません。").waitFor();
  // The refusal takes focus, as a result does.
  await focusOn(page, "庁内調査は締め切られました。");
  const after = await coord.story(agreementId);
  expect(after.survey.map((r) => r.feasible)).toEqual([true, true]);
  // The decision fixed the answers as they stood (a REST rewrite afterwards is not counted: rowFolders.test.ts).
  expect(after.surveyClosedAt).toBeTruthy();
  expect(errors).toEqual([]);
  await page.context().close();
}, 120000);

test.each([
  [390, "portal-form4-actions-390.png"],
  [1024, null],
])("at %i px: Form 4's actions are buttons in view (no 「…」), and focus goes to the result of each submit", async (width, shot) => {
  // 10 April 2027: the Form 4 owed is 2026's (the year just ended), with no rows yet.
  const user = width === 390 ? 11 : 12;
  const { page, errors } = await h.open(`&host=teams&only=portal&today=2027-04-10`, "portal", user);
  await page.setViewportSize({ width, height: 900 });
  const section = page.getByRole("region", { name: "実績報告（別紙④）" });
  await section.getByRole("combobox", { name: "年度" }).filter({ hasText: "令和8年度" }).waitFor();
  const command = (name: string): Locator => section.getByRole("menuitem", { name });
  for (const name of ["取組を追加", "実績報告を提出", "該当なしで提出する"]) await inView(page, command(name));
  expect(await section.getByRole("button", { name: "その他の操作" }).count()).toBe(0);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  if (shot) {
    await section.scrollIntoViewIfNeeded();
    await h.shot(page, shot, { fullPage: false });
  }

  if (width === 390) {
    // 該当なし: focus on what was handed in.
    await command("該当なしで提出する").click();
    const confirm = page.getByRole("alertdialog", { name: "該当なしで提出する" });
    await confirm.getByRole("button", { name: "該当なしで提出する" }).click();
    await focusOn(page, "該当なしとして提出済み");
  } else {
    // A row, then 実績報告を提出: focus on 「1 件を提出しました。」.
    await command("取組を追加").click();
    const dlg = page.getByRole("alertdialog", { name: "実績報告（別紙④）" });
    await dlg.getByLabel("取組の件名").fill("防災講座を共催");
    await dlg.getByLabel("取組内容").fill("地域の防災講座を1回共催し、30名が参加した。");
    await dlg.getByRole("combobox", { name: /連携企業名/ }).click();
    await page.getByRole("option").first().click();
    await dlg.getByRole("button", { name: "保存" }).click();
    await dlg.waitFor({ state: "hidden" });
    await section.locator('[role="menuitem"]:not([disabled])', { hasText: "実績報告を提出" }).waitFor();
    await command("実績報告を提出").click();
    const confirm = page.getByRole("alertdialog", { name: "実績報告を提出" });
    await confirm.getByRole("button", { name: "実績報告を提出" }).click();
    await focusOn(page, "1 件を提出しました。");
  }
  expect(await focusedText(page)).not.toBe("<body>");
  expect(errors).toEqual([]);
  await page.context().close();
}, 120000);
