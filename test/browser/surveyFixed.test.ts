import { BrowserHarness, startHarness } from "./harness";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { AgreementService } from "../../src/data/services/AgreementService";

/**
 * The coordinator's agreement panel after the decision (issue 33, point 8 follow-up): once an
 * agreement is declined (or concluded) its survey's answers are fixed, and the survey section
 * says so with the decision's date; while the survey is open, no such line.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const TITLE = "清瀬市と株式会社けやきスーパーとの食育に関する包括連携協定（見送り）";

const serviceAs = async (userId: number): Promise<AgreementService> => {
  const data = new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": String(userId) }), h.backend.siteUrl);
  return new AgreementService(data, await data.currentUser(), "2026-11-24");
};

/** 令和 date of an instant in Tokyo, written here without the product's calendar helpers. */
function reiwaInTokyo(isoDateTime: string): string {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(isoDateTime)).split("-").map(Number);
  return `令和${y - 2018}年${m}月${d}日`;
}

async function openPanel(userId: number) {
  const c = await h.open("&only=agreements", "", userId);
  await c.page.getByRole("searchbox").fill("食育に関する包括連携協定");
  await c.page.getByRole("button", { name: `開く: ${TITLE}` }).click();
  const panel = c.page.getByRole("dialog", { name: TITLE });
  return { ...c, panel };
}

test("a declined agreement's survey says its answers are fixed as of the decision; an open survey does not", async () => {
  const coord = await serviceAs(7);
  const data = new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": "7" }), h.backend.siteUrl);
  const dept = (await data.departments.list()).find((d) => d.code === "kodomo-kosodate")!;
  const partner = (await data.partners.list()).find((p) => p.name === "株式会社けやきスーパー")!;
  const a = await coord.start({ title: TITLE, origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-11-01", proposedContent: "食育の出前講座と地場野菜の販売" }, ["食育に関すること", "地産地消に関すること"]);
  let story = await coord.story(a.id);
  await coord.launchSurvey(story.agreement, story.items, { briefingDate: "2026-11-10", briefingPlace: "本庁舎3階 第1会議室", briefingDepartmentIds: [dept.id], deadline: "2026-12-10", departmentIds: [dept.id] });
  story = await coord.story(a.id);
  const member = await serviceAs(11);
  const mine = story.survey.filter((r) => r.department?.id === dept.id);
  await member.answerSurvey(mine, new Map(mine.map((r, i) => [r.id, { feasible: i === 0, projectIdeas: i === 0 ? "小学校での食育の出前講座" : "", comment: "" }])));

  // Open: the answers, and no line about them being fixed.
  const open = await openPanel(7);
  await open.panel.getByText("回答済 1 / 1").waitFor();
  await open.panel.getByText("小学校での食育の出前講座", { exact: false }).first().waitFor();
  expect(await open.panel.getByText("を記録した時点で確定しました", { exact: false }).count()).toBe(0);
  expect(open.errors).toEqual([]);
  await open.page.context().close();

  // Declined: the decision closes the survey; the panel names the day the answers were fixed.
  story = await coord.story(a.id);
  await coord.decline(story.agreement, "市のまちづくりの方向性と合わないため", "2026-11-24");
  const closedAt = (await coord.story(a.id)).surveyClosedAt;
  expect(closedAt).toBeTruthy();
  const c = await openPanel(7);
  const line = c.panel.getByText(`回答は${reiwaInTokyo(closedAt!)}に締結・見送りを記録した時点で確定しました。その後に書き換えられた回答は集計に含めません。`);
  await line.waitFor();
  // The answers given before the decision are still shown beside it.
  await c.panel.getByText("回答済 1 / 1").waitFor();
  await c.panel.getByText("小学校での食育の出前講座", { exact: false }).first().waitFor();
  // The survey's section at the top of the panel's window: the line with the answers under it.
  const section = c.panel.getByRole("region", { name: "庁内説明会・庁内調査" });
  expect(await section.getByText("を記録した時点で確定しました", { exact: false }).count()).toBe(1);
  await section.evaluate((el) => {
    el.scrollIntoView({ block: "start" });
    // Below the panel's header, which stays over the top of what scrolls.
    let box = el.parentElement;
    while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
    box?.scrollBy(0, -80);
  });
  expect(await line.isVisible()).toBe(true);
  expect(await c.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await h.shot(c.page, "agreement-survey-fixed.png", { fullPage: false });
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 120000);
