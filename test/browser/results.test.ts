import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BrowserHarness, choose, startHarness } from "./harness";

/**
 * Results in Chromium: a department submits its Form 4; after the year ends the coordinator
 * publishes; the totals, charts and the published page (checked with axe) are captured.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

const AFTER_YEAR_END = "&today=2027-04-10";

test("a department submits Form 4; the coordinator publishes; the page for the website passes axe", async () => {
  const d = await h.open(`${AFTER_YEAR_END}&only=portal`, "", 11);
  const section = d.page.getByRole("region", { name: "実績報告（別紙④）" });
  await section.getByRole("combobox", { name: "年度" }).click();
  await d.page.getByRole("option", { name: "2026年度（令和8年度）" }).click();
  for (const [title, content] of [
    ["親子料理教室", "地元野菜を使った親子料理教室を2回開催し、延べ64名が参加した。"],
    ["防犯教室 <script>alert(1)</script>", "保育園3園で保護者向けの防犯教室を開催した。"],
  ]) {
    await section.getByRole("menuitem", { name: "取組を追加" }).click();
    const dlg = d.page.getByRole("alertdialog", { name: "実績報告（別紙④）" });
    await dlg.getByLabel("取組の件名").fill(title);
    await dlg.getByLabel("取組内容").fill(content);
    await dlg.getByRole("combobox", { name: "連携企業名" }).click();
    await d.page.getByRole("option", { name: "株式会社みらい電機" }).click();
    await dlg.getByRole("button", { name: "保存" }).click();
    await section.getByRole("gridcell", { name: title, exact: true }).waitFor();
  }
  await h.shot(d.page, "results-form4-department.png");
  await section.getByRole("menuitem", { name: "実績報告を提出" }).click();
  const confirm = d.page.getByRole("alertdialog", { name: "実績報告を提出" });
  await confirm.getByText("2026年度（令和8年度）の下書き 2 件を提出します。", { exact: false }).waitFor();
  await confirm.getByRole("button", { name: "実績報告を提出" }).click();
  await d.page.getByText("2 件を提出しました。").waitFor();
  expect(d.errors).toEqual([]);
  await d.page.context().close();

  const c = await h.open(`${AFTER_YEAR_END}&only=results`, "", 7);
  await choose(c.page, c.page, "年度", "2026年度（令和8年度）");
  await c.page.getByRole("heading", { name: "部署別の件数" }).waitFor();
  await c.page.getByRole("button", { name: "この年度の実績を公表する" }).click();
  // Publishing with departments missing is warned of, with who is missing (issue 18 item 6).
  await c.page.getByRole("alertdialog").getByText(/^報告のあった部署は \d+ 部署中 \d+ 部署です。未報告: /).waitFor();
  await h.shot(c.page, "results-publish-missing-warning.png", { fullPage: false });
  await c.page.getByRole("alertdialog").getByRole("button", { name: "この年度の実績を公表する" }).click();
  await c.page.getByText("件を公表済みにしました。", { exact: false }).waitFor();
  await c.page.getByRole("button", { name: /^内訳を見る: 子ども家庭部 子育て支援課/ }).click();
  await c.page.getByRole("dialog").getByText("親子料理教室").waitFor();
  await c.page.keyboard.press("Escape");
  await h.shot(c.page, "results-totals.png");
  expect(await h.axe(c.page)).toEqual([]);

  const [download] = await Promise.all([c.page.waitForEvent("download"), c.page.getByRole("button", { name: "ウェブサイト掲載用 HTML" }).click()]);
  const html = fs.readFileSync((await download.path())!, "utf8");
  expect(html).toContain("<h1>令和8年度 包括連携協定に基づく連携事業の実績</h1>");
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  // Published on the workbench's day (?today=2027-04-10), not the machine's (issue 18).
  expect(html).toContain("掲載日：令和9年4月10日");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pd-page-")), "jisseki.html");
  fs.writeFileSync(file, html);
  const page = await c.page.context().newPage();
  await page.goto(`file://${file}`);
  await page.getByRole("heading", { name: "令和8年度 包括連携協定に基づく連携事業の実績" }).waitFor();
  const axe = await page.evaluate(async (src: string) => {
    // eslint-disable-next-line no-eval
    (0, eval)(src);
    const r = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
  }, fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  expect(axe).toEqual([]);
  await page.screenshot({ path: path.join(process.env.PD_SCREENSHOTS_DIR ? path.resolve(__dirname, "../..", process.env.PD_SCREENSHOTS_DIR) : os.tmpdir(), "results-published-page.png"), fullPage: true });
  expect(c.errors).toEqual([]);
  await c.page.context().close();
}, 120000);
