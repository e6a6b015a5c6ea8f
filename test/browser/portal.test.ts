import { BrowserHarness, startHarness } from "./harness";
import { overflow } from "./layoutMeasure";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { AgreementService } from "../../src/data/services/AgreementService";

/**
 * The department portal as a clerk of 子ども家庭部 子育て支援課 meets it, in the Teams tab on a
 * laptop (1366 and 1024 px) and on a phone (390 px): what is asked of the department comes
 * first, counted as things to do; every action is in view and nothing needs sideways
 * scrolling (issue 18 items 1, 3 and 4).
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

test.each([
  [1366, "portal-todo-1366.png"],
  [1024, "portal-todo-1024.png"],
  [390, "portal-todo-390.png"],
])("at %i px: the to-do list first, every action in view, no sideways scrolling", async (width, shot) => {
  const { page, errors } = await h.open("&host=teams&dept=kodomo-kosodate&only=portal&today=2026-11-24", "portal", 11);
  await page.setViewportSize({ width, height: 900 });
  const todo = page.getByTestId("todo-list");
  await todo.getByRole("heading", { name: "この部署への依頼" }).waitFor();
  // The first tile counts things to do, not rows.
  const tiles = page.locator(`dl[aria-label="部署の概要"]`);
  await tiles.getByText("対応が必要な依頼").waitFor();
  const items = todo.getByRole("listitem");
  expect(await items.count()).toBeGreaterThan(0);
  // Every to-do button and every 実施希望 action lies inside the window's width.
  const buttons = todo.getByRole("button");
  for (let i = 0; i < (await buttons.count()); i++) {
    const b = await buttons.nth(i).boundingBox();
    expect(b).not.toBeNull();
    expect(b!.x).toBeGreaterThanOrEqual(0);
    expect(b!.x + b!.width).toBeLessThanOrEqual(width);
  }
  const wishes = page.getByRole("button", { name: /実施を希望する/ });
  for (let i = 0; i < Math.min(3, await wishes.count()); i++) {
    await wishes.nth(i).scrollIntoViewIfNeeded();
    const b = await wishes.nth(i).boundingBox();
    expect(b!.x + b!.width).toBeLessThanOrEqual(width);
  }
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await h.shot(page, shot, { fullPage: width === 390 });
  expect(await h.axe(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);

test("a survey asked of the department: counted once, 回答する leads to it, and once answered it stays listed as done with the answers readable", async () => {
  // The coordinator starts an internal survey of 子育て支援課 on an agreement being prepared.
  const coordData = new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": "7" }), h.backend.siteUrl);
  const coord = new AgreementService(coordData, await coordData.currentUser(), "2026-11-24");
  const dept = (await coordData.departments.list()).find((d) => d.code === "kodomo-kosodate")!;
  const partner = (await coordData.partners.list())[0];
  const a = await coord.start({ title: "子育て支援に関する包括連携協定（案）", origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-11-01", proposedContent: "子育て世帯向けの講座と相談会" }, ["子育て支援に関すること", "食育に関すること"]);
  const story = await coord.story(a.id);
  await coord.launchSurvey(story.agreement, story.items, { briefingDate: "2026-11-25", briefingPlace: "本庁舎 会議室", briefingDepartmentIds: [dept.id], deadline: "2026-12-10", departmentIds: [dept.id] });

  const { page, errors } = await h.open("&host=teams&dept=kodomo-kosodate&only=portal&today=2026-11-24", "portal", 11);
  const todo = page.getByTestId("todo-list");
  const tile = page.locator(`dl[aria-label="部署の概要"] > div`, { hasText: "回答待ちの庁内調査" });
  expect(await tile.locator("dd").textContent()).toBe("1");
  await todo.getByRole("listitem").filter({ hasText: a.title }).getByText(`回答する項目 ${story.items.length} 件`).waitFor();
  await todo.getByRole("button", { name: `回答する: ${a.title}` }).click();
  const form = page.getByRole("region", { name: `${a.title}（庁内調査）` }).or(page.getByRole("region", { name: a.title }));
  const groups = form.getByRole("radiogroup");
  await groups.first().waitFor();
  for (let i = 0; i < (await groups.count()); i++) await groups.nth(i).getByText("可能性なし", { exact: true }).click();
  await form.getByRole("button", { name: "回答を送信" }).click();
  await page.getByText("回答を送信しました。ありがとうございました。").waitFor();
  // Answered: still listed, as done, and the answers readable.
  await todo.getByRole("button", { name: `内容を見る: ${a.title}` }).waitFor();
  await form.getByText(/^回答済み（/).waitFor();
  expect(await tile.locator("dd").textContent()).toBe("0");
  await h.shot(page, "portal-survey-answered.png");
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);

test("across 1 April (10 April 2027): last year's open Form 4 is the department's first to-do and leads to the 実績報告 on 令和8年度 with that year's feedback rows (issue 33)", async () => {
  const { page, errors } = await h.open("&host=teams&dept=kodomo-kosodate&only=portal&today=2027-04-10", "portal", 11);
  const todo = page.getByTestId("todo-list");
  const first = todo.getByRole("listitem").first();
  await first.getByText("実績報告（別紙④）の依頼", { exact: true }).waitFor();
  await first.getByText("2026年度 実績報告（別紙④）の依頼").waitFor();
  expect(await todo.getByText("いま対応が必要な依頼はありません").count()).toBe(0);
  await first.getByRole("button", { name: /^実績を報告する: 2026年度/ }).click();
  const section = page.getByRole("region", { name: "実績報告（別紙④）" });
  await section.getByRole("combobox", { name: "年度" }).filter({ hasText: "令和8年度" }).waitFor();
  // A row added for 2026 can name one of 2026's feedback rows, not only （なし）.
  await section.getByRole("menuitem", { name: "取組を追加" }).or(section.getByRole("button", { name: "取組を追加" })).first().click();
  await page.getByRole("combobox", { name: /もとになったフィードバックの行/ }).click();
  await page.getByRole("option").first().waitFor();
  expect(await page.getByRole("option").count()).toBeGreaterThan(1);
  await page.getByRole("option", { name: /^NO\.1 / }).first().waitFor();
  await page.keyboard.press("Escape");
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);
