import { restAs } from "../helpers/backend";
import { BrowserHarness, startHarness } from "./harness";
import { SCHEMA_VERSION } from "../../src/data/schema/listSchema";
import { siteUsers } from "../../dev/backend/users";

/**
 * サイトの準備 as a site owner meets it on a bare partnership site: the plan first, the run,
 * the result, and a second look that finds nothing to do; a department member is told who
 * can set the site up instead of seeing errors.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness({ seed: "bare" });
}, 90000);
afterAll(async () => h?.stop());

test("a department member on a site never set up is told who can set it up, and sees no error", async () => {
  const { page, errors } = await h.open("&only=portal", "portal", 11);
  await page.getByText("まだ準備されていません", { exact: false }).first().waitFor();
  expect(await page.getByRole("button", { name: "準備を実行する" }).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
}, 60000);

const api = (user: number, path: string, init: { method?: string; body?: unknown } = {}) => restAs(h.backend.siteUrl, user, path, init);

test("a user with Edit on the site is not offered setup: the screen names the missing rights and the site's owners", async () => {
  const member = siteUsers.find((u) => u.Id === 11)!;
  // The site's Members group (Edit), as on a group-connected site.
  const groups = (await (await api(7, "web/sitegroups?$select=Id,Title")).json()) as { value: { Id: number; Title: string }[] };
  const members = groups.value.find((g) => /メンバー|Members/.test(g.Title) && !/Partnership Desk/.test(g.Title))!;
  expect((await api(7, `web/sitegroups/getbyid(${members.Id})/users`, { method: "POST", body: { LoginName: member.LoginName } })).status).toBe(201);
  const { page, errors } = await h.open("&only=agreements", "agreements", 11);
  await page.getByText("まだ準備されていません", { exact: false }).first().waitFor();
  await page.getByText("サイトの所有者", { exact: false }).first().waitFor();
  expect(await page.getByRole("button", { name: "準備を実行する" }).count()).toBe(0);
  await h.shot(page, "site-setup-edit-user.png");
  expect(errors).toEqual([]);
  await page.context().close();
  expect((await api(7, `web/sitegroups/getbyid(${members.Id})/users/removeById(${member.Id})`, { method: "POST" })).status).toBeLessThan(300);
}, 120000);

test("the site owner sees the plan, runs setup, sees the result; a second look finds nothing to do", async () => {
  const { page, errors } = await h.open("&only=agreements", "agreements", 7);
  const setup = page.getByTestId("site-setup");
  await setup.getByText(/実行する内容（\d+ 件）/).waitFor();
  await setup.getByText("SharePoint グループ「Partnership Desk Coordinators」を作成").waitFor();
  await setup.getByText("アクセス許可レベル「追加のみ（包括連携デスク）」（表示と追加のみ）を作成").waitFor();
  await setup.getByText(/^一覧「包括連携協定」を作成（列 \d+・ビュー 2）/).waitFor();
  await setup.getByText("未準備").waitFor();
  await h.shot(page, "site-setup-plan.png");
  expect(await h.axe(page)).toEqual([]);
  await setup.getByRole("button", { name: "準備を実行する" }).click();
  // The page reloads with the new lists: the register is empty and the setup tab is there.
  await page.getByRole("tab", { name: "サイトの準備" }).waitFor({ timeout: 30000 });
  await page.getByRole("tab", { name: "サイトの準備" }).click();
  await page.getByTestId("site-setup").getByText(`このサイトは最新です（版 ${SCHEMA_VERSION}）`, { exact: false }).waitFor();
  await h.shot(page, "site-setup-done.png");
  expect(errors).toEqual([]);
  expect(h.backend.store.list("PD_Agreements")!.meta.title).toBe("包括連携協定");
  await page.context().close();
}, 90000);
