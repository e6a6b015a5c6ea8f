import { startHarness, BrowserHarness } from "./harness";

/**
 * A visitor (閲覧のみ, user 15) opens every page (issue 33, point 9): what a visitor may read,
 * and where a page is not for visitors a plain note saying where to look — never a refusal
 * with a useless 再読み込み, never a request for an 組織コード.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const VISITOR = 15;

async function noRefusal(page: import("playwright-core").Page): Promise<void> {
  expect(await page.getByText("権限がありません", { exact: false }).count()).toBe(0);
  expect(await page.getByText("組織コード", { exact: false }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "再読み込み" }).count()).toBe(0);
}

test("the register and the published results are read; the year's work and the department portal say they are for staff, without errors", async () => {
  const reg = await h.open("&only=agreements", "", VISITOR);
  await reg.page.getByText("締結済みの協定を閲覧しています。", { exact: false }).waitFor();
  await reg.page.getByRole("grid").first().waitFor();
  await noRefusal(reg.page);
  expect(reg.errors).toEqual([]);
  await reg.page.context().close();

  const res = await h.open("&only=results", "", VISITOR);
  await res.page.getByText("連携事業の件数").waitFor();
  await noRefusal(res.page);
  expect(res.errors).toEqual([]);
  await res.page.context().close();

  const cyc = await h.open("&only=annual", "", VISITOR);
  await cyc.page.getByText("年度の連携（調査依頼・提案・マッチング）は、未来創造課と各部署の職員が使う画面です。", { exact: false }).waitFor();
  await noRefusal(cyc.page);
  await h.shot(cyc.page, "visitor-annual-cycle.png", { fullPage: false });
  expect(cyc.errors).toEqual([]);
  await cyc.page.context().close();

  const portal = await h.open("&only=portal", "", VISITOR);
  await portal.page.getByText("部署ポータルは、部署の職員が依頼への提出や庁内調査への回答に使うページです。", { exact: false }).waitFor();
  await noRefusal(portal.page);
  await h.shot(portal.page, "visitor-portal.png", { fullPage: false });
  expect(portal.errors).toEqual([]);
  await portal.page.context().close();
}, 240000);
