import { BrowserHarness, startHarness } from "./harness";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { CycleService } from "../../src/data/services/CycleService";

/**
 * Issue 33, point 7 in Chromium: after the deadline of a Form 2 call, a department with nothing
 * to propose hands it in as 「提案なし」 from its portal page and another from its Teams tab; the
 * to-do says so (no longer 期限を過ぎています); the coordinator's board shows 提案なし and the call
 * reads 締切 beside 再開する.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const OPENED = "2027-05-10";
const AFTER = "2027-06-05";

test("提案なし from the portal page and the Teams tab after the deadline; the coordinator sees 提案なし and 締切", async () => {
  // The coordinator asks every department for Form 2 of 令和9年度 (deadline 31 May 2027).
  const data = new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": "7" }), h.backend.siteUrl);
  const coord = new CycleService(data, await data.currentUser(), OPENED);
  const year = await coord.year(2027);
  const departments = year.departments.filter((d) => d.active && !d.isCoordinator).map((d) => ({ id: d.id, title: d.title }));
  await coord.openCall({ title: "令和9年度 市からの提案（別紙②）の依頼", fiscalYear: 2027, form: "form2", deadline: "2027-05-31", message: "", recipientDepartments: departments, recipientPartners: [] });

  // 防災 次郎 (総務部 防災防犯課) on the portal page, after the deadline.
  const p = await h.open(`today=${AFTER}&only=portal`, "", 12);
  const todo = p.page.getByTestId("todo-list").getByRole("listitem").filter({ hasText: "令和9年度 市からの提案（別紙②）の依頼" });
  await todo.getByText("期限を過ぎています").waitFor();
  await p.page.getByRole("button", { name: "提案なしで提出する" }).click();
  const confirm = p.page.getByRole("alertdialog", { name: "提案なしで提出する" });
  await confirm.getByText("令和9年度は企業等への提案がない（提案なし）として提出します。", { exact: false }).waitFor();
  await confirm.getByRole("button", { name: "提案なしで提出する" }).click();
  // When: the row as SharePoint stamped it (the real clock, not the page's faked day).
  const done = p.page.getByText(/^令和9年度は提案なしとして提出済み（令和\d+年\d+月\d+日）$/);
  await done.waitFor();
  await todo.getByText("提案なしとして提出済み").waitFor();
  expect(await todo.getByText("期限を過ぎています").count()).toBe(0);
  expect(await p.page.getByRole("button", { name: "提案なしで提出する" }).count()).toBe(0);
  // Focus is on the result, not on <body>.
  expect(await p.page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("提案なしとして提出済み");
  // Never listed as a proposal.
  expect(await p.page.getByRole("grid", { name: "部署の提案（別紙②）" }).getByText("提案なし", { exact: true }).count()).toBe(0);
  await h.shot(p.page, "portal-form2-no-proposal.png");
  expect(await h.axe(p.page)).toEqual([]);
  expect(await p.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(p.errors).toEqual([]);
  await p.page.context().close();

  // 兼務 四郎 in 健康推進課's Teams tab, at a phone's width.
  const t = await h.open(`today=${AFTER}&host=teams&dept=kenko-suishin&only=portal`, "", 13);
  await t.page.setViewportSize({ width: 390, height: 844 });
  await t.page.getByText("Microsoft Teams タブ", { exact: false }).waitFor();
  await t.page.getByRole("button", { name: "提案なしで提出する" }).click();
  await t.page.getByRole("alertdialog", { name: "提案なしで提出する" }).getByRole("button", { name: "提案なしで提出する" }).click();
  await t.page.getByText(/^令和9年度は提案なしとして提出済み/).waitFor();
  expect(await t.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await h.shot(t.page, "portal-form2-no-proposal-teams-390.png");
  expect(t.errors).toEqual([]);
  await t.page.context().close();

  // The coordinator: the call reads 締切 in the list and beside 再開する; the board says 提案なし for both, 期限超過 for the rest.
  const c = await h.open(`today=${AFTER}&only=annual`, "", 7);
  await c.page.getByRole("tab", { name: "調査依頼" }).click();
  const row = c.page.getByRole("row").filter({ hasText: "令和9年度 市からの提案（別紙②）の依頼" });
  await row.getByText("締切", { exact: true }).waitFor();
  expect(await row.getByText("受付中").count()).toBe(0);
  await row.getByText("令和9年度 市からの提案（別紙②）の依頼").click();
  const panel = c.page.getByRole("dialog");
  await panel.getByRole("button", { name: "再開する" }).waitFor();
  await panel.getByText(/· 締切$/).waitFor();
  const board = panel.getByRole("grid");
  await board.getByRole("row").filter({ hasText: "総務部 防災防犯課" }).getByText("提案なし（提出済）").waitFor();
  await board.getByRole("row").filter({ hasText: "健康福祉部 健康推進課" }).getByText("提案なし（提出済）").waitFor();
  await board.getByRole("row").filter({ hasText: "子ども家庭部 子育て支援課" }).getByText("期限超過").waitFor();
  await h.shot(c.page, "calls-form2-no-proposal-board.png", { fullPage: false });
  // Form 2's list names the 提案なし departments apart, never as proposals.
  await c.page.keyboard.press("Escape");
  await panel.waitFor({ state: "detached" });
  await c.page.getByRole("tab", { name: "別紙② 市からの提案" }).click();
  const apart = c.page.getByTestId("form2-no-proposal-departments");
  await apart.getByText(/^提案なしとして提出した部署（2）: /).waitFor();
  expect(await apart.textContent()).toMatch(/健康福祉部 健康推進課/);
  expect(await apart.textContent()).toMatch(/総務部 防災防犯課/);
  expect(c.errors).toEqual([]);
}, 240000);
