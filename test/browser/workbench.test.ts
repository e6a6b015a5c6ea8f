import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, Browser, Page } from "playwright-core";
import { Backend, startBackend } from "../../dev/backend/server";

/**
 * The product as a person meets it: the local workbench in Debian's Chromium against a
 * fresh, seeded backend. Each web part renders its real data, the user switcher changes
 * the role, the portal recognises its department in a Teams tab, English works, and
 * axe-core finds no serious or critical accessibility violations.
 *
 * Screenshots go to PD_SCREENSHOTS_DIR (docs/screenshots via `npm run screenshots`),
 * else to a temporary folder.
 */

const root = path.resolve(__dirname, "../..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const shots = process.env.PD_SCREENSHOTS_DIR ? path.resolve(root, process.env.PD_SCREENSHOTS_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), "pd-shots-"));
const TODAY = "2026-11-24";

let backend: Backend;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium fonts-noto-cjk), as .ci/run does.`);
  const build = spawnSync(process.execPath, [path.join(root, "dev/workbench/build.mjs")], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`workbench build failed: ${build.stderr}`);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-browser-"));
  backend = await startBackend({ port: 0, dataDir, workbenchDir: path.join(root, "dev/workbench/dist") });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  fs.mkdirSync(shots, { recursive: true });
}, 60000);

afterAll(async () => {
  await browser?.close();
  await backend?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(query: string, hash: string, userId = 7): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "ja-JP" });
  context.setDefaultTimeout(15000);
  await context.addCookies([{ name: "pd-user", value: String(userId), url: backend.url }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(`${backend.url}/workbench/?today=${TODAY}${query}#${hash}`);
  return { page, errors };
}

/** Waits for data and for Fluent's fade-in, so screenshots and contrast checks see the settled page. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(800);
}

async function axe(page: Page): Promise<Array<{ id: string; impact: string; nodes: number }>> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } };
    const r = await w.axe.run({ include: [["main"]] }, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}

const webParts: Array<{ hash: string; file: string; expect: string[] }> = [
  { hash: "agreements", file: "agreements.png", expect: ["協定管理", "清瀬市と株式会社みらい電機との包括連携に関する協定", "令和元年7月1日"] },
  { hash: "annual", file: "annual-cycle.png", expect: ["年度の連携", "2026年度（令和8年度）", "2026年度 実績報告（別紙④）の依頼"] },
  { hash: "portal", file: "department-portal.png", expect: ["部署ポータル", "企画部 未来創造課", "フィードバック一覧（別紙③）"] },
  { hash: "results", file: "results.png", expect: ["実績報告", "2025年度（令和7年度）", "部署別の件数"] },
];

describe.each(webParts)("$hash web part", ({ hash, file, expect: texts }) => {
  test("renders real data from the lists, without errors, and passes axe", async () => {
    const { page, errors } = await open("", hash);
    for (const t of texts) await page.locator("main").getByText(t, { exact: false }).first().waitFor({ timeout: 15000 });
    await settle(page);
    await page.screenshot({ path: path.join(shots, file), fullPage: true });
    expect(errors).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  }, 60000);
});

test("a department member sees concluded agreements read-only; the portal shows their department", async () => {
  const { page, errors } = await open("", "agreements", 11);
  await page.getByText("協定の編集は未来創造課が行います", { exact: false }).waitFor();
  await page.locator("main").getByText("子育 太郎", { exact: false }).first().waitFor();
  expect(await page.getByText("株式会社ひばり交通").count()).toBe(0);
  await page.goto(`${backend.url}/workbench/?today=${TODAY}#portal`);
  await page.locator("main").getByText("子ども家庭部 子育て支援課").waitFor();
  await settle(page);
  await page.screenshot({ path: path.join(shots, "department-portal-member.png"), fullPage: true });
  expect(errors).toEqual([]);
  await page.context().close();
}, 60000);

test("opened as a Teams tab, the portal recognises the department from the team and channel", async () => {
  const { page, errors } = await open("&host=teams&dept=somu-bosai&only=portal", "portal", 7);
  await page.getByText("Microsoft Teams タブ", { exact: false }).waitFor();
  await page.locator("main").getByText("総務部 防災防犯課").first().waitFor();
  await page.getByText("届いたフィードバック（別紙③）").waitFor();
  await settle(page);
  await page.screenshot({ path: path.join(shots, "department-portal-teams-tab.png"), fullPage: true });
  expect(errors).toEqual([]);
  await page.context().close();
}, 60000);

test("the English UI", async () => {
  const { page, errors } = await open("&lang=en", "agreements");
  await page.getByText("Filter by status").waitFor();
  await page.getByText("Signed in as", { exact: false }).waitFor();
  await settle(page);
  await page.screenshot({ path: path.join(shots, "agreements-en.png"), fullPage: true });
  expect(errors).toEqual([]);
  await page.context().close();
}, 60000);

test("a throttled read is retried and the screen still loads", async () => {
  backend.faults.set({ sp429: 1, retryAfterSeconds: 1 });
  const { page, errors } = await open("", "results");
  await page.getByText("部署別の件数").waitFor({ timeout: 15000 });
  // The 429 itself is logged by the browser as a failed resource; nothing else may fail.
  expect(errors.filter((e) => !/status of 429/.test(e))).toEqual([]);
  await page.context().close();
}, 60000);
