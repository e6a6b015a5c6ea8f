import { BrowserHarness, startHarness } from "./harness";
import { SCHEMA_VERSION } from "../../src/data/schema/listSchema";

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

test("the site owner sees the plan, runs setup, sees the result; a second look finds nothing to do", async () => {
  const { page, errors } = await h.open("&only=agreements", "agreements", 7);
  const setup = page.getByTestId("site-setup");
  await setup.getByText(/実行する内容（\d+ 件）/).waitFor();
  await setup.getByText("SharePoint グループ「Partnership Desk Coordinators」を作成").waitFor();
  await setup.getByText("アクセス許可レベル「追加のみ（包括連携デスク）」（表示と追加のみ）を作成").waitFor();
  await setup.getByText("一覧「包括連携協定」を作成（列 32・ビュー 2）", { exact: false }).waitFor();
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
