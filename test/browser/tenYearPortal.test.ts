import type { Page, Response } from "playwright-core";
import { BrowserHarness, choose, startHarness } from "./harness";
import { copyTenYearSite } from "../fixtures/tenYear";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { CycleService } from "../../src/data/services/CycleService";
import { submissionFolderName } from "../../src/data/schema/listSchema";

/**
 * A department's flow in the browser on a city's tenth year (test/fixtures/tenYear.ts: 42
 * departments, fiscal 2017–2026, every growing list past SharePoint's 5,000-row list view
 * threshold, which the backend enforces): a clerk of 子ども家庭部 子育て支援課 (user 11) opens the
 * portal in its Teams tab at 1024 px, finds fiscal 2027's Form 2 call in the to-do list, writes a
 * proposal from it, submits it and sees it listed as submitted; no request is refused with
 * SPQueryThrottledException (issue 30, point 3) and the page never speaks of the threshold.
 */

const TODAY = "2027-04-15";
const CALL = "令和9年度 包括連携協定に基づく市からの連携提案について（依頼）";
const TITLE = "子育て世帯向けの防災講座の共催";

let h: BrowserHarness;
beforeAll(async () => {
  const { dataDir } = await copyTenYearSite();
  h = await startHarness({ dataDir });
}, 180_000);
afterAll(async () => h?.stop());

/** Every SharePoint answer the page receives that carries SPQueryThrottledException (a $batch's parts included: its status is 200). */
function watchThrottling(page: Page): { throttled: string[]; answers: () => number; settled: () => Promise<void> } {
  const throttled: string[] = [];
  const reads: Array<Promise<void>> = [];
  page.on("response", (r: Response) => {
    if (!r.url().includes("/_api/")) return;
    reads.push(
      r.text().then(
        (body) => void (body.includes("SPQueryThrottledException") && throttled.push(`${r.request().method()} ${decodeURIComponent(r.url()).replace(/^https?:\/\/[^/]+/, "")} (${r.status()})`)),
        () => undefined, // an answer with no body to read (e.g. 204)
      ),
    );
  });
  return { throttled, answers: () => reads.length, settled: async () => void (await Promise.all(reads)) };
}

test("子育て支援課 on the ten-year site: the to-do list, fiscal 2027's Form 2 from its call, submitted and listed as submitted, no threshold refusal", async () => {
  // The coordinator opens fiscal 2027's Form 2 call for the department through the data layer (it opens the year's submission folder).
  const data = new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": "7" }), h.backend.siteUrl);
  const coord = new CycleService(data, await data.currentUser(), TODAY);
  const year = await coord.year(2027);
  const dept = year.departments.find((d) => d.code === "kodomo-kosodate")!;
  const call = await coord.openCall({ title: CALL, fiscalYear: 2027, form: "form2", deadline: "2027-05-28", message: "長期総合計画に沿った提案をお願いします。", recipientDepartments: [{ id: dept.id, title: dept.title }], recipientPartners: [] });
  expect(call.notReady).toEqual([]);
  // A partner the dialog offers (one with partnership items), by its name.
  const partner = year.partners.find((p) => (year.itemsOfPartner.get(p.id) ?? []).length > 0)!;

  const { page, errors } = await h.open(`&today=${TODAY}&host=teams&dept=kodomo-kosodate&only=portal`, "", 11);
  const watch = watchThrottling(page);
  await page.setViewportSize({ width: 1024, height: 900 });

  // The to-do list: the call, still to do, its deadline shown.
  const todo = page.getByTestId("todo-list");
  await todo.getByRole("heading", { name: "この部署への依頼" }).waitFor();
  const item = todo.getByRole("listitem").filter({ hasText: CALL });
  await item.getByText("未提出").waitFor();
  const tile = page.locator(`dl[aria-label="部署の概要"] > div`, { hasText: "対応が必要な依頼" });
  expect(Number(await tile.locator("dd").textContent())).toBeGreaterThanOrEqual(1);

  // 提案を登録する opens Form 2; the clerk writes the proposal and submits it.
  await todo.getByRole("button", { name: `提案を登録する: ${CALL}` }).click();
  const dlg = page.getByRole("alertdialog", { name: "市からの提案（別紙②）" });
  await choose(page, dlg, /連携相手企業/, partner.name);
  await dlg.getByRole("combobox", { name: /該当する連携事項/ }).click();
  await page.getByRole("option").first().click();
  await dlg.getByLabel("提案の件名").fill(TITLE);
  await dlg.getByLabel("提案内容").fill("子育てひろばを会場に、親子で学ぶ防災講座を企業等と共催したい。");
  await dlg.getByRole("button", { name: "提出する" }).click();
  await page.getByRole("alertdialog", { name: "提出する" }).getByRole("button", { name: "提出する" }).click();

  // Listed as submitted; the call is done in the to-do list.
  await page.getByRole("status").getByText(/^提案を提出しました（令和9年4月15日）/).waitFor();
  const list = page.getByRole("grid", { name: "部署の提案（別紙②）" }).or(page.getByRole("list", { name: "部署の提案（別紙②）" }));
  await list.getByRole("row", { name: new RegExp(`${TITLE}.*提出済`) }).or(list.getByRole("listitem").filter({ hasText: TITLE }).filter({ hasText: "提出済" })).waitFor();
  await todo.getByRole("button", { name: `内容を見る: ${CALL}` }).waitFor();
  await item.getByText("提出済み").waitFor();

  await page.evaluate(() => window.scrollTo(0, 0));
  await h.shot(page, "tenyear-portal-1024.png");
  await watch.settled();
  expect(watch.answers()).toBeGreaterThan(5);
  expect(watch.throttled).toEqual([]);
  // No part of the page failed to read (the threshold's own message, or any other).
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/しきい値|threshold/i);
  expect(text).not.toContain("読み込めませんでした");
  expect(errors).toEqual([]);
  // In the year's submission folder, as the data layer tests check.
  const stored = [...h.backend.store.list("PD_CityProposals")!.items.values()].find((x) => x.values.Title === TITLE && x.fsObjType !== 1);
  expect(stored?.folder).toBe(submissionFolderName("kodomo-kosodate", 2027));
  await page.context().close();
}, 180_000);
