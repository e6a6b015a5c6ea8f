import { PORTAL_PAGE_KEY, portalPagePath, portalPageSetting, portalPageUrl } from "../../src/domain/portalPage";

const SITE = "https://contoso.sharepoint.com/sites/partnership";

test("the department portal's page: an address copied from the browser, a server-relative path or a path in the site is one page of the site", () => {
  expect(portalPagePath("https://contoso.sharepoint.com/sites/partnership/SitePages/%E9%83%A8%E7%BD%B2%E3%83%9D%E3%83%BC%E3%82%BF%E3%83%AB.aspx?web=1#top", SITE)).toEqual({ path: "/sites/partnership/SitePages/部署ポータル.aspx" });
  expect(portalPagePath("/sites/partnership/SitePages/Portal.aspx", SITE)).toEqual({ path: "/sites/partnership/SitePages/Portal.aspx" });
  expect(portalPagePath(" SitePages/Portal.aspx ", SITE)).toEqual({ path: "/sites/partnership/SitePages/Portal.aspx" });
  expect(portalPagePath("SitePages/Portal.aspx", `${SITE}/`)).toEqual({ path: "/sites/partnership/SitePages/Portal.aspx" });
});

test("what is not a page of the site is named, never guessed", () => {
  expect(portalPagePath("", SITE)).toEqual({ problem: "empty" });
  expect(portalPagePath("https://contoso.sharepoint.com/sites/partnership2/SitePages/Portal.aspx", SITE)).toEqual({ problem: "otherSite" });
  expect(portalPagePath("https://evil.example/sites/partnership/SitePages/Portal.aspx", SITE)).toEqual({ problem: "otherSite" });
  expect(portalPagePath("/sites/partnership/SitePages/", SITE)).toEqual({ problem: "notPage" });
  expect(portalPagePath("/sites/partnership/Lists/PD_Agreements/AllItems.aspx", SITE)).toEqual({ problem: "notPage" });
  expect(portalPagePath("/sites/partnership/_layouts/15/viewlsts.aspx", SITE)).toEqual({ problem: "notPage" });
  expect(portalPagePath("javascript:alert(1)//x.aspx", SITE)).toEqual({ problem: "notUrl" });
  expect(portalPagePath("/sites/partnership/SitePages/%E0%A4%A.aspx", SITE)).toEqual({ problem: "notUrl" });
});

test("links come from the setting: an absolute address, or nothing when it is not set or not a page of the site", () => {
  const setting = (value: string): Array<{ key: string; value: string }> => [{ key: "reviewCycleYears", value: "3" }, { key: PORTAL_PAGE_KEY, value }];
  expect(portalPageSetting(setting("  /sites/partnership/SitePages/Portal.aspx "))).toBe("/sites/partnership/SitePages/Portal.aspx");
  expect(portalPageUrl(setting("SitePages/部署ポータル.aspx"), SITE)).toBe("https://contoso.sharepoint.com/sites/partnership/SitePages/%E9%83%A8%E7%BD%B2%E3%83%9D%E3%83%BC%E3%82%BF%E3%83%AB.aspx");
  expect(portalPageUrl(setting("https://evil.example/x.aspx"), SITE)).toBe("");
  expect(portalPageUrl([], SITE)).toBe("");
});
