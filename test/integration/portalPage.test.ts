import { restAs, startTestBackend, TestBackend } from "../helpers/backend";
import { refusal } from "../helpers/refusal";
import { AgreementService } from "../../src/data/services/AgreementService";
import { PortalPageService } from "../../src/data/services/PortalPageService";
import { RuleError } from "../../src/data/services/ServiceBase";
import { DataError } from "../../src/data/contracts";
import { portalPageUrl } from "../../src/domain/portalPage";

/**
 * The survey request and the department portal's page (issue 33, point 6), against the local
 * backend: the page is a setting read with REST (found, missing, refused), and the survey's Teams
 * request carries the briefing's day and place, the deadline and the setting's link.
 */

let t: TestBackend;
const TODAY = "2026-11-24";
beforeAll(async () => {
  t = await startTestBackend();
});
afterAll(async () => t.stop());

async function pagesAs(userId: number): Promise<PortalPageService> {
  const data = t.dataAs(userId);
  return new PortalPageService(data, await data.currentUser(), TODAY, t.backend.siteUrl);
}

test("the department portal's page is a setting, read with REST: found, missing, not a page of the site; only coordinators change it", async () => {
  const coord = await pagesAs(7);
  const first = await coord.read();
  // The sample site's owner placed the portal on its own page, and the setting names it.
  expect(first.value).toBe("/sites/partnership/SitePages/DepartmentPortal.aspx");
  expect(first.check).toEqual({ state: "found", value: first.value, path: "/sites/partnership/SitePages/DepartmentPortal.aspx" });

  // As SharePoint answers a file that is not there: 404 FileNotFoundException.
  const raw = await restAs(t.backend.siteUrl, 7, "web/getFileByServerRelativePath(decodedUrl='/sites/partnership/SitePages/NoSuchPage.aspx')");
  expect(raw.status).toBe(404);
  expect(JSON.stringify(await raw.json())).toContain("System.IO.FileNotFoundException");
  expect(await coord.check("SitePages/NoSuchPage.aspx")).toEqual({ state: "missing", value: "SitePages/NoSuchPage.aspx", path: "/sites/partnership/SitePages/NoSuchPage.aspx" });
  // An address copied from the browser, with its query, is the same page.
  expect((await coord.check(`${t.backend.siteUrl}/SitePages/DepartmentPortal.aspx?web=1`)).state).toBe("found");
  expect(await coord.check("https://other.example/sites/partnership/SitePages/DepartmentPortal.aspx")).toMatchObject({ state: "invalid", problem: "otherSite" });
  expect(await coord.check(`${t.backend.siteUrl}/Lists/PD_Agreements/AllItems.aspx`)).toMatchObject({ state: "invalid", problem: "notPage" });
  expect(await coord.check(`${t.backend.siteUrl}/SitePages/`)).toMatchObject({ state: "invalid", problem: "notPage" });
  expect(await coord.check("")).toEqual({ state: "notSet" });

  // Saving: a missing page is saved and said so (the owner may make it next); a value that is not a page of the site is refused.
  expect(await coord.save("SitePages/NoSuchPage.aspx", first.row)).toMatchObject({ state: "missing" });
  const missing = await coord.read();
  expect(missing.check.state).toBe("missing");
  expect(portalPageUrl(await t.dataAs(7).settings.list(), t.backend.siteUrl)).toBe(`${t.backend.siteUrl}/SitePages/NoSuchPage.aspx`);
  const bad = (await refusal(coord.save("https://other.example/x.aspx", missing.row))) as RuleError;
  expect(bad.problems).toEqual([{ field: "portalPage", code: "otherSite" }]);
  expect((await coord.read()).value).toBe("SitePages/NoSuchPage.aspx");
  // A department member reads the setting and the page, and may not change it (the service, and SharePoint itself).
  const clerk = await pagesAs(11);
  expect((await clerk.read()).check.state).toBe("missing");
  expect(((await refusal(clerk.save("SitePages/DepartmentPortal.aspx", missing.row))) as DataError).kind).toBe("forbidden");
  const direct = await restAs(t.backend.siteUrl, 11, `web/getlist('/sites/partnership/Lists/PD_PartnershipSettings')/items(${missing.row!.id})`, { method: "POST", xMethod: "MERGE", body: { SettingValue: "/sites/partnership/SitePages/DepartmentPortal.aspx" } });
  expect([401, 403]).toContain(direct.status);
  expect(await coord.save("/sites/partnership/SitePages/DepartmentPortal.aspx", (await coord.read()).row)).toMatchObject({ state: "found" });
});

test("the survey request to a department carries the briefing's day and place, the answer deadline and the link to the portal's page from the setting", async () => {
  const { NotificationService } = await import("../../src/data/services/NotificationService");
  const { GraphTeamsNotifier } = await import("../../src/data/graph/GraphTeamsNotifier");
  const { graphForUrl } = await import("../../src/data/graph/graphForUrl");
  const { surveyNotice } = await import("../../src/webparts/agreements/components/surveyNotice");
  const data = t.dataAs(7);
  const coord = new AgreementService(data, await data.currentUser(), TODAY);
  const notifications = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${t.backend.url}/graph`)));
  const depts = await data.departments.list();
  const kosodate = depts.find((d) => d.code === "kodomo-kosodate")!;
  const partner = (await data.partners.list())[0];
  const a = await coord.start({ title: "説明会つき調査の協定（案）", origin: "partner", partnerId: partner.id, requestedByDepartmentId: null, requestedByExecutives: false, approachDate: "2026-11-01", proposedContent: "子育て支援" }, ["子育て支援に関すること"]);
  let story = await coord.story(a.id);
  await coord.launchSurvey(story.agreement, story.items, { briefingDate: "2026-12-03", briefingPlace: "本庁舎3階 第1会議室", briefingDepartmentIds: [kosodate.id], deadline: "2026-12-18", departmentIds: [kosodate.id] });
  story = await coord.story(a.id);
  const portalUrl = portalPageUrl(await data.settings.list(), t.backend.siteUrl);
  expect(portalUrl).toBe(`${t.backend.siteUrl}/SitePages/DepartmentPortal.aspx`);
  const posted = async (): Promise<Array<{ body: { content: string } }>> => ((await (await fetch(`${t.backend.url}/_dev/graph/messages`)).json()) as { value: Array<{ body: { content: string } }> }).value;
  const before = (await posted()).length;
  const sent = await coord.notifySurvey(story.agreement, depts, notifications, surveyNotice(story.agreement, portalUrl));
  expect(sent.map((n) => n.status)).toEqual(["sent"]);
  const [message] = await posted();
  expect((await posted()).length).toBe(before + 1);
  const html = message.body.content;
  expect(html).toContain("【庁内調査の依頼】");
  expect(html).toContain("回答期限: 令和8年12月18日");
  expect(html).toContain("説明会の日: 令和8年12月3日");
  expect(html).toContain("説明会の場所: 本庁舎3階 第1会議室");
  expect(html).toContain(`<a href="${portalUrl}">部署ポータルを開く</a>`);
  // Without the setting there is no link at all, never a guessed page.
  const noLink = surveyNotice(story.agreement, "")({ title: kosodate.title }, false);
  expect(noLink).not.toContain("<a ");
  expect(noLink).toContain("説明会の場所: 本庁舎3階 第1会議室");
});

test("the portal link in the yearly cycle's posts comes from the setting (PortalPageService.url): the page's absolute URL", async () => {
  const coord = await pagesAs(7);
  expect(await coord.url()).toBe(`${t.backend.siteUrl}/SitePages/DepartmentPortal.aspx`);
});
