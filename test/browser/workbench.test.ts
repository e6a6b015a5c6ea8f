import { BrowserHarness, choose, chosenText, startHarness } from "./harness";

/**
 * The product as a person meets it: the local workbench in Debian's Chromium against a
 * fresh, seeded backend. Each web part renders its real data, the user switcher changes
 * the role, the portal recognises its department in a Teams tab, English works, and
 * axe-core finds no serious or critical accessibility violations.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const webParts: Array<{ hash: string; file: string; expect: string[]; year?: string }> = [
  { hash: "agreements", file: "agreements.png", expect: ["協定管理", "清瀬市と株式会社みらい電機との包括連携に関する協定", "令和元年7月1日"] },
  { hash: "annual", file: "annual-cycle.png", expect: ["年度の連携", "企業等別", "株式会社みらい電機"], year: "2026年度（令和8年度）" },
  { hash: "portal", file: "department-portal.png", expect: ["部署ポータル", "企画部 未来創造課", "フィードバック一覧（別紙③）"] },
  { hash: "results", file: "results.png", expect: ["実績報告", "部署別の件数"], year: "2025年度（令和7年度）" },
];

describe.each(webParts)("$hash web part", ({ hash, file, expect: texts, year }) => {
  test("renders real data from the lists, without errors, and passes axe", async () => {
    const { page, errors } = await h.open("", hash);
    for (const t of texts) await page.locator("main").getByText(t, { exact: false }).first().waitFor({ timeout: 15000 });
    // The year shown is the year chosen (an option of the year's select).
    if (year) expect(await chosenText(page.getByRole("combobox", { name: "年度" }))).toBe(year);
    await h.shot(page, file);
    expect(errors).toEqual([]);
    expect(await h.axe(page)).toEqual([]);
    await page.context().close();
  }, 60000);
});

test("a department member sees concluded agreements read-only; the portal shows their department", async () => {
  const { page, errors } = await h.open("", "agreements", 11);
  await page.getByText("協定の編集は未来創造課が行います", { exact: false }).waitFor();
  await page.locator("main").getByText("子育 太郎", { exact: false }).first().waitFor();
  expect(await page.getByText("株式会社ひばり交通").count()).toBe(0);
  await page.goto(`${h.backend.url}/workbench/?today=2026-11-24#portal`);
  await page.locator("main").getByText("子ども家庭部 子育て支援課").waitFor();
  await h.shot(page, "department-portal-member.png");
  expect(errors).toEqual([]);
  await page.context().close();
}, 60000);

test("opened as a Teams tab, the portal recognises the department from the team and channel", async () => {
  const { page, errors } = await h.open("&host=teams&dept=somu-bosai&only=portal", "portal", 7);
  await page.getByText("Microsoft Teams タブ", { exact: false }).waitFor();
  await page.locator("main").getByText("総務部 防災防犯課").first().waitFor();
  await page.getByText("届いたフィードバック（別紙③）").waitFor();
  await h.shot(page, "department-portal-teams-tab.png");
  expect(errors).toEqual([]);
  await page.context().close();
}, 60000);

test("the English UI", async () => {
  const { page, errors } = await h.open("&lang=en", "agreements");
  await page.getByText("Filter by status").waitFor();
  await page.getByText("Signed in as", { exact: false }).waitFor();
  await h.shot(page, "agreements-en.png");
  expect(errors).toEqual([]);
  await page.context().close();
}, 60000);

test("a throttled read is retried and the screen still loads", async () => {
  h.backend.faults.set({ sp429: 1, retryAfterSeconds: 1 });
  const { page, errors } = await h.open("", "results");
  await page.getByRole("heading", { name: "部署別の件数" }).waitFor({ timeout: 15000 });
  // The 429 itself is logged by the browser as a failed resource; nothing else may fail.
  expect(errors.filter((e) => !/status of 429/.test(e))).toEqual([]);
  await page.context().close();
}, 60000);

test("as a Teams tab on the team's own site, the portal reads the partnership site named in the tab's setting; without it, it says the team's site is not set up", async () => {
  const before = h.backend.requestCount();
  void before;
  const { page, errors } = await h.open("&host=teams&dept=kodomo-kosodate&only=portal", "portal", 11);
  await page.getByTestId("page-site").getByText("/sites/kodomo-kosodate").waitFor();
  await page.getByTestId("data-site").getByText("/sites/partnership").waitFor();
  await page.locator("main").getByText("子ども家庭部 子育て支援課").first().waitFor();
  await page.getByText("届いたフィードバック（別紙③）").waitFor();
  await h.shot(page, "portal-teams-team-site.png");
  expect(errors).toEqual([]);
  // A tab whose setting was left empty (and no tenant default): the team's site has no product lists.
  await page.goto(`${h.backend.url}/workbench/?today=2026-11-24&host=teams&dept=kodomo-kosodate&only=portal&siteUrl=#portal`);
  await page.getByText("/sites/kodomo-kosodate）はまだ準備されていません", { exact: false }).waitFor();
  await page.context().close();
}, 60000);

test("a member reached only through a Microsoft 365 group nested in the department's group has the department's portal and can register a proposal", async () => {
  const { page, errors } = await h.open("&only=portal", "portal", 12);
  await page.locator("main").getByText("総務部 防災防犯課").first().waitFor();
  // The department's own actions are offered (read-only users get none).
  await page.getByText("提案を登録").first().waitFor();
  expect(await page.getByText("子ども家庭部 子育て支援課").count()).toBe(0);
  expect(errors).toEqual([]);
  await page.context().close();
}, 60000);

test("a clerk of two departments (兼務) sees both: the portal lets them switch, and each department's actions are theirs", async () => {
  const { page, errors } = await h.open("&only=portal", "portal", 13);
  const picker = page.getByRole("combobox", { name: "部署（兼務の部署を切り替えられます）" });
  await picker.waitFor();
  expect(await chosenText(picker)).toContain("子ども家庭部 子育て支援課");
  await page.getByText("提案を登録").first().waitFor();
  await choose(page, page, "部署（兼務の部署を切り替えられます）", "健康福祉部 健康推進課");
  expect(await chosenText(picker)).toContain("健康福祉部 健康推進課");
  await page.getByText("提案を登録").first().waitFor();
  await h.shot(page, "portal-two-departments.png");
  // What the screens offer is what SharePoint allows: this clerk writes in both departments' folders, no other.
  expect(h.backend.store.site("/sites/partnership")!.security.groups.filter((g) => g.Title.startsWith("Partnership Desk") && g.members.includes("i:0#.f|membership|shiro.kenmu@city.kiyose.example.lg.jp")).map((g) => g.Title).sort()).toEqual(
    ["Partnership Desk Dept kenko-suishin", "Partnership Desk Dept kodomo-kosodate", "Partnership Desk Members"],
  );
  expect(errors).toEqual([]);
  await page.context().close();
}, 60000);

test.each([
  [390, "workbench-390.png"],
  [1366, null],
])("at %i px the web part keeps its width: the side column (Teams messages, faults) stands beside it, and below it under 800 px", async (width, shot) => {
  const { page, errors } = await h.open("", "portal", 11);
  await page.setViewportSize({ width, height: 900 });
  await page.locator("main").getByText("子ども家庭部 子育て支援課").first().waitFor();
  const main = (await page.locator("main").boundingBox())!;
  const side = (await page.getByRole("region", { name: "Teams チャネルのメッセージ" }).boundingBox())!;
  if (width < 800) {
    // Below the web part, and the web part as wide as the window less its margins.
    expect(side.y).toBeGreaterThanOrEqual(main.y + main.height);
    expect(main.width).toBeGreaterThanOrEqual(width - 24);
  } else {
    // Beside it on a laptop.
    expect(side.x).toBeGreaterThanOrEqual(main.x + main.width);
    expect(side.y).toBeLessThan(main.y + 40);
  }
  if (shot) await h.shot(page, shot, { fullPage: false });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
  await page.context().close();
}, 60000);
