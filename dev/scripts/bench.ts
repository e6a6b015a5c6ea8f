import { spawnSync } from "child_process";
import { randomUUID } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { gzipSync } from "zlib";
import { chromium } from "playwright-core";
import { Backend, startBackend } from "../backend/server";
import { placeRowsInDepartmentFolders, sampleMembership } from "../backend/sites";
import { SiteSetup } from "../../src/data/setup/SiteSetup";
import { GraphMessage, Store } from "../backend/store";
import { addDepartments, addProposals } from "./dataset";
import { buildTenYearSite } from "./tenYear";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { GraphTeamsNotifier } from "../../src/data/graph/GraphTeamsNotifier";
import { graphForUrl } from "../../src/data/graph/graphForUrl";
import { MatchingService, SEND_CONCURRENCY } from "../../src/data/services/MatchingService";
import { NotificationService } from "../../src/data/services/NotificationService";
import { RegisterImportService } from "../../src/data/services/RegisterImportService";
import { detectColumns, importable } from "../../src/domain/registerImport";
import * as S from "../../src/data/schema/listSchema";

/**
 * `npm run bench`: figures, not pass/fail. Prints a table and writes bench/results.json.
 *  - each web part's first download (gzip) and pages with one, two and four of them, against the
 *    floor (dev/floor, built in the same run), from a fresh `npm run package` (--no-build: the last);
 *  - each web part's first render (and the calendar of decisions) against a ten-year site:
 *    HTTP requests to SharePoint and time until the view shows its rows, in Chromium, against its
 *    floor measured alternately in the same run (same requests by plain fetch, then a hello-world
 *    DetailsList of as many rows): product, floor and their ratio, which compare across machines;
 *  - issuing a feedback list to every department; publishing a year of 5,000 results;
 *    importing an existing register of 300 agreements (preview and import); site setup: each
 *    against its own floor (the least work that does the same job without the product's logic,
 *    described above each function), alternated in the same run: `{ ms, floorMs, ratio }`.
 * BENCH_ONLY=first | issue | publication | import | setup runs one figure and merges it into
 * bench/results.json (the others stay as last measured). BENCH_VIEWS=name,name (with
 * BENCH_ONLY=first) measures only those first renders (e.g. departmentPortalMember,
 * departmentPortalTeamsTabMember), without the first download, and merges them into firstRender,
 * each with its own measuredAt and dataset.
 * First renders, where the time went: BENCH_TRACE=1 prints each view's first run (every script and
 * request, start → end, the page's long tasks and fetch calls); BENCH_PROFILE=1 writes its CPU
 * profile to /tmp/pd-<view>.cpuprofile (with PD_PROFILE_NAMES=1 the page keeps function names).
 */

const root = path.resolve(__dirname, "../..");
const kb = (n: number): number => Math.round((n / 1024) * 10) / 10;

function shippedSize(): Record<string, unknown> {
  if (!process.argv.includes("--no-build")) {
    const r = spawnSync("npm", ["run", "package", "--silent"], { cwd: root, stdio: "inherit", env: { ...process.env, PD_WEBPACK_STATS: path.join(root, "temp/bundle-stats.json") } });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  // The floor (dev/floor) is built in this run with the same toolchain; bytes are gzip -9.
  const out = path.join(root, "temp/bundle-sizes.json");
  const r = spawnSync(process.execPath, ["dev/scripts/bundle-sizes.mjs", ...(process.argv.includes("--no-build") ? [] : ["--build-floor"]), "--json", out], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const sizes = JSON.parse(fs.readFileSync(out, "utf8")) as { floor: { bytes: number }; webParts: Record<string, { bytes: number; ratio: number }>; pages: Record<string, number> };
  const webParts = Object.fromEntries(Object.entries(sizes.webParts).map(([k, w]) => [k, { gzipKB: kb(w.bytes), floorKB: kb(sizes.floor.bytes), ratio: w.ratio }]));
  const pages = Object.fromEntries(Object.entries(sizes.pages).map(([k, b]) => [k, { gzipKB: kb(b), floorKB: kb(sizes.floor.bytes), ratio: +(b / sizes.floor.bytes).toFixed(2) }]));
  const sppkgKB = kb(fs.statSync(path.join(root, "sharepoint/solution/partnership-desk.sppkg")).size);
  console.log("\nFirst download of each web part (gzip) against the floor built in this run");
  console.table(webParts);
  console.table(pages);
  console.log(`.sppkg: ${sppkgKB} KB`);
  return { webParts, pages, sppkgKB };
}

interface Recorded {
  started: number;
  finished: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  request: unknown;
}

/** Headers fetch may set again (the browser adds cookies, origin and the rest). */
function replayHeaders(h: Record<string, string>): Record<string, string> {
  const keep: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (/^(accept|content-type|x-requestdigest|if-match|x-http-method|odata-version|x-pd-[a-z-]+)$/i.test(k)) keep[k] = v;
  return keep;
}

/** The product's requests in waves: a request joins the wave whose requests were still in flight when it started. */
function waves(api: Recorded[]): Array<Array<Omit<Recorded, "request" | "started" | "finished">>> {
  const out: Recorded[][] = [];
  for (const r of [...api].sort((a, b) => a.started - b.started)) {
    const wave = out[out.length - 1];
    if (wave && r.started < Math.min(...wave.map((w) => w.finished))) wave.push(r);
    else out.push([r]);
  }
  return out.map((w) => w.map(({ method, url, headers, body }) => ({ method, url, headers, body })));
}

/** The floor page: the hello-world list (dev/floor/page), built with the workbench's bundler and settings as shipped (minified, production React). */
async function buildFloorPage(dir: string): Promise<void> {
  const { build } = await import("esbuild");
  fs.mkdirSync(dir, { recursive: true });
  await build({ entryPoints: [path.join(root, "dev/floor/page/floorPage.tsx")], bundle: true, outfile: path.join(dir, "floor.js"), format: "iife", platform: "browser", target: "es2020", jsx: "transform", minify: true, define: { "process.env.NODE_ENV": '"production"' }, logLevel: "warning" });
}

function writeFloorPlan(dir: string, name: string, plan: unknown[], rows: number, cdn: string): string {
  const file = `${name}.html`;
  const json = JSON.stringify({ waves: plan, rows }).replace(/</g, "\\u003c");
  fs.writeFileSync(path.join(dir, file), `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>floor</title></head><body><div id="app"></div><script>var __PD_FLOOR__ = ${json};</script><script src="${cdn}/floor/floor.js"></script></body></html>`);
  return file;
}

async function registerLoad(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-bench-"));
  // The ten-year site the tests run on (dev/scripts/tenYear.ts, test/fixtures/tenYear.ts): the
  // sample site as `npm start` makes it, 300 more agreements, 42 departments whose groups and
  // folders the product's setup made, ten years of the cycle (2017–2026: 15,000 proposals, 7,000
  // results, every growing list past 5,000 rows), rows in their departments' folders; and a 2027
  // year of 2,000 proposals for the year view, placed in folders the same way.
  await buildTenYearSite(dataDir);
  const store = new Store(dataDir);
  store.open();
  addProposals(store, 2027, 2000);
  placeRowsInDepartmentFolders(store);
  store.compact();
  store.close();
  const views = process.env.BENCH_VIEWS ? new Set(process.env.BENCH_VIEWS.split(",").map((v) => v.trim())) : null;
  // The product as SharePoint serves it: page.tsx bundled by webpack in production mode with
  // SPFx's (webpack's default) chunking, each import() its chunk group; the floor is built as one
  // minified script: the first render measures what ships (dev/workbench/buildPage.mjs).
  const benchDir = path.join(root, "dev/workbench/dist-bench");
  fs.rmSync(path.join(benchDir, "chunks"), { recursive: true, force: true });
  const { buildBenchPage } = (await import(pathToFileURL(path.join(root, "dev/workbench/buildPage.mjs")).href)) as { buildBenchPage: (o: { dir: string }) => Promise<unknown> };
  await buildBenchPage({ dir: benchDir });
  // The figures of the dataset, before the backend has it.
  const counted = new Store(dataDir);
  counted.open();
  // Rows, not folders.
  const size = (list: string): number => [...counted.list(list)!.items.values()].filter((x) => x.fsObjType !== 1).length;
  const agreements = size("PD_Agreements");
  const proposals = size("PD_PartnerProposals") + size("PD_CityProposals");
  const results = size("PD_ResultReports");
  const departments = size("PD_Departments");
  const partnershipItems = size("PD_PartnershipItems");
  const fiveYearsRows = [...counted.list("PD_ResultReports")!.items.values()].filter((r) => r.fsObjType !== 1 && (r.values.FiscalYear as number) >= 2021 && (r.values.FiscalYear as number) <= 2025).length;
  counted.close();
  const backend = await separateBackend(dataDir, benchDir);
  // The page on the site, its scripts (the product's and the floor's) from the CDN's host.
  const cdn = await separateCdn(benchDir);
  const pageHtml = fs.readFileSync(path.join(benchDir, "page.html"), "utf8");
  if (!pageHtml.includes('<script src="page.js">')) throw new Error("page.html does not load page.js as the bench expects");
  fs.writeFileSync(path.join(benchDir, "page-cdn.html"), pageHtml.replace('<script src="page.js">', `<script src="${cdn.url}/page.js">`));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--lang=ja-JP"] });
  const floorDir = path.join(benchDir, "floor");
  await buildFloorPage(floorDir);
  const firstRenderRuns = Number(process.env.BENCH_RUNS) > 0 ? Number(process.env.BENCH_RUNS) : 9;
  /**
   * Opens one web part alone and its floor, alternating, nine times each (BENCH_RUNS=n: n times;
   * the local backend's answers to the same batch vary by 2× between runs): time until `shown`
   * shows, the SharePoint requests it made, and the floor for the same data: the same requests by
   * plain fetch in the same waves, then a hello-world DetailsList of as many rows as the view showed.
   * `shown.clickTab`: the tab a user opens first, clicked in the page; `check`: what must then hold.
   * The wait itself is on the page's own note (markWhenShown), not on Playwright's role queries,
   * which scan the page on its main thread while it renders.
   */
  const measure = async (name: string, query: string, shown: Shown, check?: (page: import("playwright-core").Page) => Promise<void>, userId?: number): Promise<Record<string, unknown>> => {
    const runs: Array<{ ms: number; requests: number; digest: number }> = [];
    // Another user than the default (the coordinator, 7): the workbench's cookie, for the product's page and its floor's replay alike.
    const asUser = async (p: import("playwright-core").Page): Promise<void> => {
      if (userId !== undefined) await p.context().addCookies([{ name: "pd-user", value: String(userId), url: backend.url }]);
    };
    const floorMs: number[] = [];
    let floorPage = "";
    for (let i = 0; i < firstRenderRuns; i++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await asUser(page);
      const api: Recorded[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/_api/")) api.push({ started: Date.now(), finished: Infinity, method: r.method(), url: r.url(), headers: replayHeaders(r.headers()), body: r.postData() ?? undefined, request: r });
      });
      page.on("requestfinished", (r) => { const a = api.find((x) => x.request === r); if (a) a.finished = Date.now(); });
      page.on("requestfailed", (r) => { const a = api.find((x) => x.request === r); if (a) a.finished = Date.now(); });
      await markWhenShown(page, shown);
      if (process.env.BENCH_TRACE && i === 0) {
        await page.addInitScript(() => {
          const w = window as unknown as { __pdTrace: string[] };
          w.__pdTrace = [];
          new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__pdTrace.push(`${e.startTime.toFixed(0).padStart(5)} long task ${e.duration.toFixed(0)} ms`))).observe({ type: "longtask", buffered: true });
          const f = window.fetch;
          window.fetch = function (...a: Parameters<typeof fetch>) { w.__pdTrace.push(`${performance.now().toFixed(0).padStart(5)} fetch ${String(a[0] instanceof Request ? a[0].url : a[0]).replace(location.origin, "")}`); return f.apply(this, a); };
        });
      }
      const cdp = process.env.BENCH_PROFILE && i === 0 ? await page.context().newCDPSession(page) : undefined;
      if (cdp) { await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 200 }); await cdp.send("Profiler.start"); }
      // One web part on a page of its own (dev/workbench/page.tsx), as a SharePoint page holds it.
      await page.goto(`${backend.url}/workbench/page-cdn.html?${query.includes("today=") ? query.slice(1) : `today=2026-11-24${query}`}`);
      await whenShown(page);
      await check?.(page);
      const ms = await shownAt(page);
      if (cdp) fs.writeFileSync(`/tmp/pd-${name}.cpuprofile`, JSON.stringify((await cdp.send("Profiler.stop")).profile));
      if (process.env.BENCH_TRACE && i === 0) {
        // Where the time went: every resource the page fetched (start → end, ms from navigation) and when its rows showed.
        const trace = await page.evaluate(() => (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((e) => `${e.startTime.toFixed(0).padStart(5)} → ${e.responseEnd.toFixed(0).padStart(5)}  ${e.name.replace(location.origin, "").slice(0, 110)}`));
        const nav = await page.evaluate(() => { const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming; return `html ${n.responseEnd.toFixed(0)}, DOMContentLoaded ${n.domContentLoadedEventEnd.toFixed(0)}`; });
        const calls = await page.evaluate(() => (window as unknown as { __pdTrace: string[] }).__pdTrace);
        console.log(`\n${name}: ${nav}, shown ${ms.toFixed(0)}\n${[...trace, ...calls].sort().join("\n")}`);
      }
      // The requests the view made before its rows showed (the page's own resource timings say how
      // many; a section read afterwards is not part of its first render, nor of its floor's).
      const before = await page.evaluate((t) => performance.getEntriesByType("resource").filter((e) => e.name.includes("/_api/") && e.startTime <= t).length, ms);
      api.sort((a, b) => a.started - b.started).splice(before);
      runs.push({ ms, requests: api.filter((u) => !u.url.endsWith("/contextinfo")).length, digest: api.filter((u) => u.url.endsWith("/contextinfo")).length });
      if (i === 0) {
        // Every row the view has, drawn yet or not (a long grid fills in after its first rows: aria-rowcount).
        const rows = await page.evaluate(() => {
          const drawn = document.querySelectorAll("[role=row], tbody tr").length;
          const grids = Array.from(document.querySelectorAll<HTMLElement>("[role=grid][aria-rowcount]"));
          const undrawn = grids.reduce((n, g) => n + Math.max(0, Number(g.getAttribute("aria-rowcount")) - g.querySelectorAll("[role=row]").length), 0);
          return drawn + undrawn;
        });
        floorPage = writeFloorPlan(floorDir, name, waves(api), Math.max(1, rows), cdn.url);
      }
      await page.close();
      const floor = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await asUser(floor);
      await markWhenShown(floor, { selector: ".ms-DetailsRow" });
      await floor.goto(`${backend.url}/workbench/floor/${floorPage}`);
      await whenShown(floor);
      floorMs.push(await shownAt(floor));
      if (process.env.BENCH_TRACE && i === 0) {
        const trace = await floor.evaluate(() => (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((e) => `${e.startTime.toFixed(0).padStart(5)} → ${e.responseEnd.toFixed(0).padStart(5)}  ${e.name.replace(location.origin, "").slice(0, 110)}`));
        console.log(`\n${name} floor: shown ${floorMs[floorMs.length - 1].toFixed(0)}\n${trace.join("\n")}`);
      }
      await floor.close();
    }
    const product = median(runs.map((r) => r.ms));
    const floorMedian = median(floorMs);
    return { ...(userId !== undefined ? { userId } : {}), runs: runs.length, medianMs: product, floorMs: floorMedian, ratio: +(product / floorMedian).toFixed(2), minMs: Math.min(...runs.map((r) => r.ms)), requests: runs[0].requests, digestRequests: runs[0].digest };
  };
  {
    // The site as the product keeps it: the seeded rows lack the decision columns the product
    // writes with every agreement it saves, so a coordinator opens the calendar once (its repair
    // writes them, and it sends the reminders due) before any figure: the calendar measured below
    // is a day's first open, not the first open of a site whose rows were written around it.
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await markWhenShown(page, { gridRow: "判断の期日" });
    await page.goto(`${backend.url}/workbench/page-cdn.html?today=2026-11-24&only=agreements`);
    await page.getByRole("tab", { name: "見直し・更新カレンダー" }).click();
    await whenShown(page);
    await page.waitForLoadState("networkidle");
    await page.close();
  }
  // The member's portal is the department's, read as its member (not as a visitor): what the page says after its rows show.
  const asMember = async (p: import("playwright-core").Page): Promise<void> => {
    await p.getByRole("heading", { name: "子ども家庭部 子育て支援課" }).waitFor({ timeout: 5000 });
    await p.getByText(/（部署の担当者）/).first().waitFor({ timeout: 5000 });
  };
  // A view is measured unless BENCH_VIEWS names others.
  const view = async (name: string, run: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown> | undefined> => (!views || views.has(name) ? run() : undefined);
  const measured: Record<string, Record<string, unknown> | undefined> = {
    register: await view("register", async () => ({ agreements, partnershipItems, ...(await measure("register", "&only=agreements", { buttonPrefix: "開く: " })) })),
    calendar: await view("calendar", () => measure("calendar", "&only=agreements", { gridRow: "判断の期日", clickTab: "見直し・更新カレンダー" })),
    annualCycle: await view("annualCycle", async () => ({ fiscalYear: 2026, ...(await measure("annualCycle", "&only=annual", { heading: "企業等別" })) })),
    departmentPortal: await view("departmentPortal", () => measure("departmentPortal", "&only=portal", { heading: "フィードバック一覧（別紙③）" })),
    // The portal as a Teams tab: it runs on the department team's site and reads the partnership site by absolute URL.
    departmentPortalTeamsTab: await view("departmentPortalTeamsTab", () => measure("departmentPortalTeamsTab", "&host=teams&dept=kodomo-kosodate&only=portal", { heading: "フィードバック一覧（別紙③）" })),
    // The same two as a clerk of 子ども家庭部 子育て支援課 (user 11, a member through the department's group, not the coordinator):
    // the portal finds the department from the user's groups, reading what a member may read (issue 30).
    departmentPortalMember: await view("departmentPortalMember", () => measure("departmentPortalMember", "&only=portal", { heading: "フィードバック一覧（別紙③）" }, asMember, 11)),
    departmentPortalTeamsTabMember: await view("departmentPortalTeamsTabMember", () => measure("departmentPortalTeamsTabMember", "&host=teams&dept=kodomo-kosodate&only=portal", { heading: "フィードバック一覧（別紙③）" }, asMember, 11)),
    results: await view("results", async () => ({ fiscalYear: 2025, fiveYearsRows, ...(await measure("results", "&only=results", { heading: "過去5年の推移" })) })),
    yearView2027: await view("yearView2027", async () => ({
      fiscalYear: 2027,
      proposalsInYear: 2000,
      proposalsAllYears: proposals,
      // Ready when the overview shows the year's total (2,000 proposals split between Forms 1 and 2).
      ...(await measure("yearView2027", "&only=annual&today=2027-06-01", { heading: "企業等別" }, async (p) => {
        // The year shown is the year's select's chosen option.
        const year = await p.getByRole("combobox", { name: "年度" }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
        if (year !== "2027年度（令和9年度）") throw new Error(`the year view shows ${year}`);
      })),
    })),
  };
  const unknownViews = [...(views ?? [])].filter((v) => !(v in measured));
  if (unknownViews.length) throw new Error(`BENCH_VIEWS: no view ${unknownViews.join(", ")}; expected some of ${Object.keys(measured).join(", ")}`);
  await browser.close();
  await backend.close();
  await cdn.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const dataset = { agreements, proposals, results, departments };
  const shown = Object.fromEntries(Object.entries(measured).filter((e): e is [string, Record<string, unknown>] => e[1] !== undefined));
  console.log("\nFirst render of each web part on the ten-year site (Chromium, local backend)", dataset);
  console.table(shown);
  return { dataset, ...shown };
}

/**
 * The backend in a process of its own, as SharePoint is not in the browser driver's process: in
 * this one, its answers would wait behind Playwright's handling of the page's events (a product
 * page fetches tens of scripts, the floor one), which measured 60–80 ms on a digest request.
 */
function separateBackend(dataDir: string, workbenchDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  return childServer(["--import", "tsx", path.join(root, "dev/backend/main.ts")], { BACKEND_PORT: "0", BACKEND_DATA_DIR: dataDir, BACKEND_WORKBENCH_DIR: workbenchDir }, /Workbench: (http:\/\/[^/\s]+)\//);
}

/** The scripts' own host (dev/scripts/cdn.mjs), as a tenant's CDN serves a web part's scripts. */
function separateCdn(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  return childServer([path.join(root, "dev/scripts/cdn.mjs"), dir], {}, /CDN: (http:\/\/\S+)/);
}

async function childServer(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ url: string; close: () => Promise<void> }> {
  const { spawn } = await import("child_process");
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += String(d);
      const m = ready.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`${path.basename(args[args.length - 1])} stopped (${code}): ${out}`)));
  });
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }),
  };
}

/** What shows that a view has its first rows (for the floor: its DetailsList's first row); `clickTab`: the tab a user opens first, clicked in the page the moment it is there (no driver's round trip between). */
type Shown = ({ buttonPrefix: string } | { heading: string } | { gridRow: string } | { selector: string }) & { clickTab?: string };

/**
 * Notes in the page the first moment `shown` holds, checked on every change to the DOM, in
 * milliseconds since the page's navigation started: the figure is when the rows are there, not
 * when Playwright's polling (20, 50, 100, 500 ms apart) happens to look. Product and floor alike.
 */
function markWhenShown(page: import("playwright-core").Page, shown: Shown): Promise<void> {
  return page.addInitScript((s: Record<string, string>) => {
    const w = window as unknown as { __pdShown?: number };
    const named = (sel: string, test: (name: string, el: Element) => boolean): boolean => Array.from(document.querySelectorAll(sel)).some((el) => test((el.getAttribute("aria-label") ?? el.textContent ?? "").trim(), el));
    const holds = (): boolean =>
      s.selector ? !!document.querySelector(s.selector)
      : s.buttonPrefix ? named("button, [role=button]", (n) => n.startsWith(s.buttonPrefix))
      : s.heading ? named("h1, h2, h3, h4, h5, h6, [role=heading]", (n) => n === s.heading)
      : named("[role=grid]", (n, g) => n.includes(s.gridRow) && g.querySelectorAll("[role=row]").length > 1);
    let clicked = !s.clickTab;
    const observer = new MutationObserver(() => {
      if (!clicked) {
        const tab = Array.from(document.querySelectorAll<HTMLElement>("[role=tab]")).find((t) => (t.textContent ?? "").trim() === s.clickTab);
        if (tab) {
          clicked = true;
          tab.click();
        }
        return;
      }
      if (w.__pdShown === undefined && holds()) {
        w.__pdShown = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true });
  }, shown as Record<string, string>);
}

async function whenShown(page: import("playwright-core").Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __pdShown?: number }).__pdShown !== undefined, null, { timeout: 30000 });
}

async function shownAt(page: import("playwright-core").Page): Promise<number> {
  const ms = await page.evaluate(() => (window as unknown as { __pdShown?: number }).__pdShown);
  if (ms === undefined) throw new Error("the view showed, but the page did not note when");
  return Math.round(ms);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Milliseconds to 0.1 (0.01 under 10 ms). */
const tenth = (n: number): number => (Math.abs(n) < 10 ? Math.round(n * 100) / 100 : Math.round(n * 10) / 10);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A figure against its floor: product and floor timed alternately in the same process (product,
 * floor, product, floor…), medians of the runs and their ratio. Absolute times vary 2–3× between
 * runs on a shared machine; the ratio is what compares.
 */
function againstFloor(productMs: number[], floorMs: number[]): { runs: number; ms: number; floorMs: number; ratio: number } {
  const p = median(productMs);
  const f = median(floorMs);
  return { runs: productMs.length, ms: tenth(p), floorMs: tenth(f), ratio: +(p / Math.max(f, 0.01)).toFixed(2) };
}

/**
 * A data folder made once; every run starts a backend on its own copy of it, so each product
 * run and each floor run starts from the same site and none sees what another wrote. Closing the
 * backend deletes its copy.
 */
async function siteTemplate(prefix: string, make: (dir: string) => Promise<void>): Promise<{ start: () => Promise<Backend>; remove: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const template = path.join(dir, "template");
  fs.mkdirSync(template);
  await make(template);
  let n = 0;
  return {
    start: async () => {
      const copy = path.join(dir, `run-${++n}`);
      fs.cpSync(template, copy, { recursive: true });
      const b = await startBackend({ port: 0, dataDir: copy });
      return { ...b, close: async () => { await b.close(); fs.rmSync(copy, { recursive: true, force: true }); } };
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The floor of issuing an edition: the very messages the product posted in that run (their
 * bodies and attachments as the local Graph stored them), POSTed again by plain `fetch` to the
 * same local Graph endpoint, SEND_CONCURRENCY at a time with one channel's messages in order per
 * worker, as the product sends them. No records, no reachability check, no retries, no message
 * building. The only wait is what Graph's documented 4 requests a second per team makes
 * necessary (a post goes when fewer than 4 posts to its team answered within the last second),
 * so the floor is never throttled; with 1 or 3 parts per department (each its own team here) it
 * never waits. SharePoint requests of the floor: none (it records nothing).
 */
async function floorPosts(graphBase: string, messages: GraphMessage[]): Promise<{ ms: number; posts: number; throttled: number; failed: number }> {
  const byChannel = new Map<string, GraphMessage[]>();
  for (const m of messages) byChannel.set(`${m.teamId}|${m.channelId}`, [...(byChannel.get(`${m.teamId}|${m.channelId}`) ?? []), m]);
  const queue = [...byChannel.values()];
  const recent = new Map<string, Array<{ at: number }>>();
  let throttled = 0;
  let failed = 0;
  const worker = async (): Promise<void> => {
    for (let mine = queue.shift(); mine; mine = queue.shift()) {
      for (const m of mine) {
        const team = m.teamId.toLowerCase();
        for (;;) {
          const now = Date.now();
          const times = (recent.get(team) ?? []).filter((t) => now - t.at < 1000);
          recent.set(team, times);
          if (times.length < 4) break;
          const wait = Math.min(...times.map((t) => t.at)) + 1002 - now;
          await sleep(Number.isFinite(wait) ? wait : 5);
        }
        const slot = { at: Infinity };
        recent.get(team)!.push(slot);
        const r = await fetch(`${graphBase}/teams/${encodeURIComponent(m.teamId)}/channels/${encodeURIComponent(m.channelId)}/messages`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ body: m.body, attachments: m.attachments, ...(m.subject ? { subject: m.subject } : {}) }),
        });
        await r.arrayBuffer();
        slot.at = Date.now();
        if (r.status === 429) throttled++;
        else if (r.status !== 201) failed++;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, queue.length) }, worker));
  return { ms: performance.now() - t0, posts: messages.length, throttled, failed };
}

/**
 * Issuing a feedback list (別紙③) to 50 departments with the product's own message builders
 * (HTML table and Adaptive Card): editions of 10, 30 and 100 rows addressed to every department.
 * Per edition: bytes of the largest message as Graph receives it against the budget, parts per
 * department, Graph posts, requests to the backend (SharePoint and Graph: it counts both) and
 * time; and the posts Graph throttled. Each product run issues a fresh edition on a fresh copy of
 * the site; its floor (floorPosts) follows on the same backend once Graph's per-team second has
 * passed. The 10- and 30-row editions alternate three times (medians); the 100-row edition, ≈ 30 s
 * of Graph's per-team rate, runs once with its floor once.
 */
async function issueToDepartments(): Promise<Record<string, unknown>> {
  const { renderFeedback } = await import("../../src/webparts/annualCycle/components/MatchingView");
  const { MESSAGE_BUDGET_BYTES } = await import("../../src/data/graph/GraphTeamsNotifier");
  // The site as `npm start` makes it (setup run by the product, sample data), then the departments on top.
  const site = await siteTemplate("pd-bench-issue-", async (dir) => {
    await (await startBackend({ port: 0, dataDir: dir })).close();
    const store = new Store(dir);
    store.open();
    addDepartments(store, 41);
    store.compact();
    store.close();
  });
  const content = (n: number): string => `提案${n}：${"地域の企業と市が協力し、市民向けの講座と相談会を開く。".repeat(8)}`.slice(0, 200);
  const issueOnce = async (backend: Backend, size: number): Promise<{ ms: number; posted: GraphMessage[]; figures: Record<string, unknown> }> => {
    const data = new PartnershipData(spForUrl(backend.siteUrl, { "X-PD-User": "7" }), backend.siteUrl);
    const svc = new MatchingService(data, await data.currentUser(), "2026-11-24");
    const notes = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${backend.url}/graph`)));
    let year = await svc.year(2026);
    const issue = await svc.draftIssue(year);
    await svc.addRows(issue, year, Array.from({ length: size }, (_, i) => ({ title: `全部署向けの提案 ${i + 1}`, content: content(i + 1), partner: { id: 1, title: "" }, partnerProposal: null, cityProposal: null, allDepartments: true, targetDepartments: [] })));
    year = await svc.year(2026);
    const before = backend.requestCount();
    const graphBefore = backend.store.graphMessages.length;
    const throttledBefore = backend.graphThrottle.throttled;
    const t0 = performance.now();
    const outcome = await svc.issue(issue, year, notes, renderFeedback("https://city.example/portal"));
    const ms = performance.now() - t0;
    const posted = backend.store.graphMessages.slice(graphBefore);
    const bytes = posted.map((m) => Buffer.byteLength(JSON.stringify({ body: m.body, attachments: m.attachments }), "utf8"));
    const sentTo = new Set(outcome.filter((o) => o.status === "sent").map((o) => o.department?.id));
    return {
      ms,
      posted,
      figures: {
        departments: sentTo.size,
        notReached: new Set(outcome.filter((o) => o.status !== "sent").map((o) => o.department?.id)).size,
        partsPerDepartment: Math.round((posted.length / Math.max(1, sentTo.size)) * 10) / 10,
        graphPosts: posted.length,
        largestMessageKB: kb(Math.max(...bytes)),
        budgetKB: kb(MESSAGE_BUDGET_BYTES),
        largestToBudget: Math.round((Math.max(...bytes) / MESSAGE_BUDGET_BYTES) * 100) / 100,
        throttled: backend.graphThrottle.throttled - throttledBefore,
        spRequests: backend.requestCount() - before,
      },
    };
  };
  const editions: Array<Record<string, unknown>> = [];
  for (const size of [10, 30, 100]) {
    const runs = size === 100 ? 1 : 3;
    const productMs: number[] = [];
    const floorMs: number[] = [];
    let figures: Record<string, unknown> = {};
    let throttled = 0;
    let floorThrottled = 0;
    let floorFailed = 0;
    let floorPostCount = 0;
    for (let i = 0; i < runs; i++) {
      const backend = await site.start();
      try {
        const p = await issueOnce(backend, size);
        productMs.push(p.ms);
        if (i === 0) figures = p.figures;
        throttled += p.figures.throttled as number;
        // Graph's per-team window (one second) empties before the floor posts to the same teams.
        await sleep(1100);
        const f = await floorPosts(`${backend.url}/graph/v1.0`, p.posted);
        floorMs.push(f.ms);
        floorThrottled += f.throttled;
        floorFailed += f.failed;
        floorPostCount = f.posts;
      } finally {
        await backend.close();
      }
    }
    // Posts Graph throttled (429), over all runs of the edition, the product's and the floor's.
    editions.push({ rows: size, ...figures, throttled, concurrency: SEND_CONCURRENCY, ...againstFloor(productMs, floorMs), floorPosts: floorPostCount, floorSpRequests: 0, floorThrottled, floorFailed });
  }
  site.remove();
  console.log("\nIssuing a feedback list (別紙③) to 50 departments: editions of 10, 30 and 100 rows of 200 characters; floor: the same posts by plain fetch");
  console.table(editions.map((e) => ({ rows: e.rows, runs: e.runs, parts: e.partsPerDepartment, graphPosts: e.graphPosts, spRequests: e.spRequests, throttled: e.throttled, ms: e.ms, floorMs: e.floorMs, ratio: e.ratio, floorThrottled: e.floorThrottled, floorFailed: e.floorFailed })));
  return { editions };
}

/**
 * A year of 5,000 results across 40 departments: totals, workbook, HTML page and CSV — time and
 * bytes, each against its floor, alternating five times (medians; a sample of totals, HTML or CSV
 * is the mean of 20, 5 and 5 calls in a row). The floors, on the same rows:
 *  - totals: one pass over the rows counting into plain Maps (total, by partner, by department,
 *    by partnership item), where the product goes through its initiatives and countBy with labels;
 *  - HTML: a plain string join of one unstyled <table> with the same cells (department, NO,
 *    title, content, partner; & < > escaped), where the product writes a styled page with a
 *    summary by partner and a captioned table per department;
 *  - workbook: exceljs (the same loadExcel) writing the same cell values on the same sheets
 *    (summary and one per department) with no fonts, alignment, widths or page setup;
 *  - CSV: a plain join of the same fields, every field quoted, with the BOM.
 */
async function publication(): Promise<Record<string, unknown>> {
  const { yearTotals } = await import("../../src/domain/results");
  const { toPublishedRows, resultsHtml, buildResultsWorkbook, resultsCsv, reportTitle } = await import("../../src/export/resultsReport");
  const { loadExcel } = await import("../../src/export/excel");
  const { mulberry32 } = await import("./dataset");
  const rnd = mulberry32(5000);
  const rows = Array.from({ length: 5000 }, (_, i) => ({
    id: i + 1,
    etag: "",
    modified: "",
    title: `連携事業 ${i + 1}`,
    fiscalYear: 2030,
    department: { id: 1 + (i % 40), title: `部局${Math.floor((i % 40) / 4) + 1}部 第${(i % 40) + 1}課` },
    sectionName: "",
    rowNo: Math.floor(i / 40) + 1,
    content: "市と企業等が協力して市民向けの講座を開催し、参加者から高い評価を得た。".repeat(1 + Math.floor(rnd() * 3)),
    partner: { id: 1 + Math.floor(rnd() * 300), title: `企業等 ${1 + Math.floor(rnd() * 300)}` },
    partnershipItem: null as { id: number; title: string } | null,
    matching: null,
    cityProposal: null,
    status: "published" as const,
    publishedAt: "2031-05-20T00:00:00Z",
    sourceId: null,
  }));
  const pub = toPublishedRows(rows);
  const excel = await loadExcel();
  const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const floors = {
    totals: () => {
      const byPartner = new Map<number, number>();
      const byDepartment = new Map<number, number>();
      const byItem = new Map<number, number>();
      for (const r of rows) {
        if (r.partner) byPartner.set(r.partner.id, (byPartner.get(r.partner.id) ?? 0) + 1);
        if (r.department) byDepartment.set(r.department.id, (byDepartment.get(r.department.id) ?? 0) + 1);
        if (r.partnershipItem) byItem.set(r.partnershipItem.id, (byItem.get(r.partnershipItem.id) ?? 0) + 1);
      }
      return { total: rows.length, byPartner, byDepartment, byItem };
    },
    html: () =>
      `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${esc(reportTitle(2030))}</title></head><body><table>\n` +
      pub.map((r) => `<tr><td>${esc(r.department)}</td><td>${r.rowNo}</td><td>${esc(r.title)}</td><td>${esc(r.content)}</td><td>${esc(r.partner)}</td></tr>`).join("\n") +
      "\n</table></body></html>\n",
    workbook: async () => {
      const wb = new excel.Workbook();
      const depts = new Map<string, typeof pub>();
      for (const r of pub) {
        const d = depts.get(r.department);
        if (d) d.push(r);
        else depts.set(r.department, [r]);
      }
      const summary = wb.addWorksheet("集計");
      summary.addRows([[reportTitle(2030)], [], ["部課", "件数"], ...[...depts.entries()].map(([d, rs]) => [d, rs.length]), ["合計", pub.length]]);
      for (const [dept, rs] of depts) {
        const ws = wb.addWorksheet(dept);
        ws.addRows([["別紙④"], ["実績報告"], ["部課", dept], ["係", [...new Set(rs.map((r) => r.section).filter(Boolean))].join("、")], [], ["NO", "取組の件名", "取組内容", "連携企業名"], ...rs.map((r) => [r.rowNo, r.title, r.content, r.partner])]);
      }
      return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    },
    csv: () => "\uFEFF" + [["年度", "部課", "係", "NO", "取組の件名", "取組内容", "連携企業名"], ...pub.map((r) => [2030, r.department, r.section, r.rowNo, r.title, r.content, r.partner])].map((r) => r.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(",")).join("\r\n") + "\r\n",
  };
  const products = {
    totals: () => yearTotals(rows, [], []),
    html: () => resultsHtml(2030, pub, "令和13年5月20日"),
    workbook: () => buildResultsWorkbook(excel, 2030, pub),
    csv: () => resultsCsv(2030, pub),
  };
  // Each sample is the mean of a few calls in a row where one call takes a few ms, so timer
  // granularity does not decide the ratio.
  const calls = { totals: 20, html: 5, workbook: 1, csv: 5 };
  const timed = async (fn: () => unknown, n: number): Promise<number> => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return (performance.now() - t0) / n;
  };
  const outputs: Record<string, ReturnType<typeof againstFloor>> = {};
  for (const k of Object.keys(products) as Array<keyof typeof products>) {
    const p: number[] = [];
    const f: number[] = [];
    for (let i = 0; i < 5; i++) {
      p.push(await timed(products[k], calls[k]));
      f.push(await timed(floors[k], calls[k]));
    }
    outputs[k] = againstFloor(p, f);
  }
  const html = products.html();
  const floorHtml = floors.html();
  const xlsx = await products.workbook();
  const floorXlsx = await floors.workbook();
  const csv = products.csv();
  const bytes = {
    totals: {},
    html: { KB: kb(Buffer.byteLength(html)), gzipKB: kb(gzipSync(html).length), floorKB: kb(Buffer.byteLength(floorHtml)), floorGzipKB: kb(gzipSync(floorHtml).length) },
    workbook: { KB: kb(xlsx.byteLength), floorKB: kb(floorXlsx.byteLength) },
    csv: { KB: kb(Buffer.byteLength(csv)), floorKB: kb(Buffer.byteLength(floors.csv())) },
  };
  const result = {
    rows: rows.length,
    departments: 40,
    ...Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { ...v, ...bytes[k as keyof typeof bytes] }])),
    // The fields earlier runs wrote, kept for comparison.
    totalsMs: outputs.totals.ms,
    workbookMs: outputs.workbook.ms,
    workbookKB: bytes.workbook.KB,
    htmlMs: outputs.html.ms,
    htmlKB: bytes.html.KB,
    htmlGzipKB: bytes.html.gzipKB,
    csvMs: outputs.csv.ms,
    csvKB: bytes.csv.KB,
  };
  console.log("\nPublication of a year with 5,000 results (別紙④), each output against its floor (medians of 5, alternating)");
  console.table(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { ...v, ...bytes[k as keyof typeof bytes] }])));
  return result;
}

/**
 * A $batch of writes as PnPjs sends one (one changeset), built by hand: each part a POST of a
 * list item's values to the list's items. Answers the parts' HTTP statuses.
 */
async function postBatch(siteUrl: string, listUrl: string, values: Array<Record<string, unknown>>): Promise<number[]> {
  const batch = `batch_${randomUUID()}`;
  const changeset = `changeset_${randomUUID()}`;
  const url = `${siteUrl}/_api/web/getlist('${listUrl}')/items`;
  const body =
    `--${batch}\nContent-Type: multipart/mixed; boundary="${changeset}"\n\n` +
    values.map((v) => `--${changeset}\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\nPOST ${url} HTTP/1.1\nAccept: application/json;odata=nometadata\nContent-Type: application/json;charset=utf-8\n\n${JSON.stringify(v)}\n\n`).join("") +
    `--${changeset}--\n\n--${batch}--\n`;
  const r = await fetch(`${siteUrl}/_api/$batch`, { method: "POST", headers: { "content-type": `multipart/mixed; boundary=${batch}`, accept: "application/json", "x-pd-user": "7" }, body });
  const text = await r.text();
  if (r.status !== 200) throw new Error(`floor $batch: HTTP ${r.status}: ${text.slice(0, 300)}`);
  return [...text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
}

/**
 * An existing register of 300 agreements (varied dates, items and term clauses): preview, then
 * import, each against its floor, alternating five times (medians). Every run, product or
 * floor, starts on a fresh copy of the site, so no run sees another's rows.
 *  - preview floor: the lists the preview reads (partners, agreements, the site's settings; the
 *    product reads them in one $batch) by one plain GET each (`items?$top=5000`, all three at
 *    once), the JSON read and nothing planned;
 *  - import floor: the rows the product's import left in the lists (partners, agreements,
 *    partnership items, terms, audit rows; the agreements with their final values), added by
 *    hand-built $batch requests of 20 writes — PnPjs's batch size, which the product's addMany
 *    uses — one list after another; no pending marks, no commit, no reads.
 */
async function registerImport(): Promise<Record<string, unknown>> {
  const site = await siteTemplate("pd-bench-import-", async (dir) => {
    await (await startBackend({ port: 0, dataDir: dir })).close();
  });
  const clauses = ["", "締結の日から当該年度の末日までとする。ただし、期間満了の1か月前までに申出がないときは、さらに1年間更新し、以後も同様とする。", "締結の日から3年間とし、満了の2か月前までに書面による申出がないときは1年ごとに更新する。", "締結の日から5年間とする。異議がなければ5年間延長する。"];
  const rows = Array.from({ length: 300 }, (_, i) => {
    const y = 2008 + (i % 18);
    return [i + 1, `株式会社ベンチ商事 第${i + 1}号`, `清瀬市と株式会社ベンチ商事第${i + 1}号との包括連携に関する協定`, i % 2 ? `${y}年${1 + (i % 12)}月${1 + (i % 28)}日` : `令和${1 + (i % 7)}年${5 + (i % 8)}月${1 + (i % 28)}日付け`, "(1)防災に関すること。(2)環境保全に関すること。(3)地域の活性化に関すること。", clauses[i % clauses.length]];
  });
  const columns = detectColumns(["No.", "協定先", "協定名", "締結日", "連携事項", "協定期間"]);
  const written = [S.partners, S.agreements, S.partnershipItems, S.agreementTerms, S.auditLog];
  const read = [S.partners, S.agreements, S.settings];
  const PNP_BATCH = 20;
  const preview: number[] = [];
  const importMs: number[] = [];
  const floorPreview: number[] = [];
  const floorImport: number[] = [];
  let figures: Record<string, unknown> = {};
  let floorFigures: Record<string, unknown> = {};
  for (let run = 0; run < 5; run++) {
    const a = await site.start();
    let added: Array<Array<Record<string, unknown>>> = [];
    try {
      const data = new PartnershipData(spForUrl(a.siteUrl, { "X-PD-User": "7" }), a.siteUrl);
      const svc = new RegisterImportService(data, await data.currentUser(), "2026-11-24");
      const nextIds = written.map((def) => a.store.list(S.listUrlName(def))!.nextId);
      const before = a.requestCount();
      const t0 = performance.now();
      const plan = await svc.preview(rows, columns, 2);
      preview.push(performance.now() - t0);
      const previewRequests = a.requestCount() - before;
      const t1 = performance.now();
      const outcome = await svc.importRows(plan);
      importMs.push(performance.now() - t1);
      added = written.map((def, k) => [...a.store.list(S.listUrlName(def))!.items.values()].filter((it) => it.Id >= nextIds[k]).sort((x, y) => x.Id - y.Id).map((it) => it.values));
      if (run === 0) figures = { rows: rows.length, ready: plan.filter(importable).length, created: outcome.created, terms: a.store.list("PD_AgreementTerms")!.items.size, previewRequests, importRequests: a.requestCount() - before - previewRequests, itemsWritten: Object.fromEntries(written.map((def, k) => [def.title, added[k].length])) };
    } finally {
      await a.close();
    }
    const b = await site.start();
    try {
      const sitePath = new URL(b.siteUrl).pathname;
      const headers = { accept: "application/json;odata=nometadata", "x-pd-user": "7" };
      const before = b.requestCount();
      const t0 = performance.now();
      await Promise.all(
        read.map(async (def) => {
          const r = await fetch(`${b.siteUrl}/_api/web/getlist('${S.listServerRelativeUrl(sitePath, def)}')/items?$top=5000`, { headers });
          if (!r.ok) throw new Error(`preview floor: HTTP ${r.status} reading ${def.title}`);
          return r.json();
        }),
      );
      floorPreview.push(performance.now() - t0);
      const previewRequests = b.requestCount() - before;
      const t1 = performance.now();
      const statuses: number[] = [];
      for (const [k, def] of written.entries()) {
        for (let i = 0; i < added[k].length; i += PNP_BATCH) statuses.push(...(await postBatch(b.siteUrl, S.listServerRelativeUrl(sitePath, def), added[k].slice(i, i + PNP_BATCH))));
      }
      floorImport.push(performance.now() - t1);
      const refused = statuses.filter((s) => s !== 201).length;
      if (refused > 0 || statuses.length !== added.reduce((n, xs) => n + xs.length, 0)) throw new Error(`import floor: ${refused} of ${statuses.length} writes refused`);
      if (run === 0) floorFigures = { floorPreviewRequests: previewRequests, floorImportRequests: b.requestCount() - before - previewRequests, floorWrites: statuses.length };
    } finally {
      await b.close();
    }
  }
  site.remove();
  const previewFig = againstFloor(preview, floorPreview);
  const importFig = againstFloor(importMs, floorImport);
  const result = {
    ...figures,
    runs: previewFig.runs,
    preview: { ms: previewFig.ms, floorMs: previewFig.floorMs, ratio: previewFig.ratio, requests: figures.previewRequests, floorRequests: floorFigures.floorPreviewRequests },
    import: { ms: importFig.ms, floorMs: importFig.floorMs, ratio: importFig.ratio, requests: figures.importRequests, floorRequests: floorFigures.floorImportRequests, writes: floorFigures.floorWrites },
    // The fields earlier runs wrote, kept for comparison.
    previewMs: previewFig.ms,
    importMs: importFig.ms,
  };
  console.log("\nImport of an existing register of 300 agreements, against its floor (medians of 5, alternating)", figures.itemsWritten);
  console.table({ preview: result.preview, import: result.import });
  return result;
}

/**
 * The floor of a setup step: as many HTTP requests as the product's run of it made, each a plain
 * GET of the site (`/_api/web`), one after another, on the same backend right after it. It is
 * the cost of the requests alone (round trips, the backend's request handling); the product's
 * ratio to it is everything else: the planning, building the requests, and the backend's work of
 * creating lists, columns, groups and permissions, which the floor does not do.
 */
async function requestsFloor(siteUrl: string, n: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = await fetch(`${siteUrl}/_api/web`, { headers: { accept: "application/json;odata=nometadata", "x-pd-user": "7" } });
    await r.arrayBuffer();
  }
  return performance.now() - t0;
}

/**
 * Site setup on a bare site (lists and the security model), then again with 40 departments
 * (their groups, folders and folder permissions), then once more (nothing to do); then a year's
 * submission folders opened and locked: time, requests (and the operations they carry: a
 * $batch carries many) and unique scopes, each step against its floor (requestsFloor), five
 * runs on fresh copies of the bare site (medians).
 */
async function siteSetup(): Promise<Record<string, unknown>> {
  const site = await siteTemplate("pd-bench-setup-", async (dir) => {
    await (await startBackend({ port: 0, dataDir: dir, seed: "bare" })).close();
  });
  // The operations the product's requests carry (each part of a $batch, or the request itself),
  // counted on this process's fetch, which PnPjs uses: a request of the floor carries one.
  let operations = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (/\/_api\/\$batch$/i.test(url) && typeof init?.body === "string") operations += (init.body.match(/^[A-Z]+ \S+ HTTP\/1\.1$/gm) ?? []).length;
    else if (/\/_api\//i.test(url)) operations++;
    return realFetch(input, init);
  };
  const steps = ["bare", "withDepartments", "again", "openYear", "publishLock"] as const;
  const times = Object.fromEntries(steps.map((s) => [s, { product: [] as number[], floor: [] as number[] }])) as Record<(typeof steps)[number], { product: number[]; floor: number[] }>;
  let figures: Record<string, Record<string, number>> = {};
  let uniqueScopes = 0;
  let departments = 0;
  for (let run = 0; run < 5; run++) {
    const backend = await site.start();
    try {
      const scopes = (): number => {
        const sec = backend.store.site("/sites/partnership")!.security;
        return Object.keys(sec.lists).length + Object.keys(sec.items ?? {}).length;
      };
      const setup = new SiteSetup(spForUrl(backend.siteUrl, { "X-PD-User": "7" }), backend.siteUrl);
      const data = new PartnershipData(spForUrl(backend.siteUrl, { "X-PD-User": "7" }), backend.siteUrl);
      const step = async <T>(name: (typeof steps)[number], fn: () => Promise<T>): Promise<{ value: T; requests: number; operations: number }> => {
        const before = backend.requestCount();
        const operationsBefore = operations;
        const t0 = performance.now();
        const value = await fn();
        times[name].product.push(performance.now() - t0);
        const requests = backend.requestCount() - before;
        const carried = operations - operationsBefore;
        times[name].floor.push(await requestsFloor(backend.siteUrl, requests));
        return { value, requests, operations: carried };
      };
      const bare = await step("bare", () => setup.run());
      addDepartments(backend.store, 40);
      sampleMembership(backend.store);
      const withDepartments = await step("withDepartments", () => setup.run());
      const again = await step("again", () => setup.run());
      const scopesAfterSetup = scopes();
      // A year's calls for Form 2 and Form 4 open every department's submission folders (as the coordinator), publication locks Form 4's.
      const codes = (await data.departments.list()).map((d) => d.code);
      const openYear = await step("openYear", async () => {
        await data.submissions.open("cityProposals", 2026, codes);
        await data.submissions.open("resultReports", 2026, codes);
      });
      const scopesAfterOpen = scopes();
      const publishLock = await step("publishLock", () => data.submissions.lock("resultReports", 2026));
      if (run === 0) {
        uniqueScopes = scopesAfterSetup;
        departments = backend.store.list("PD_Departments")!.items.size;
        figures = {
          bare: { requests: bare.requests, operations: bare.operations, steps: bare.value.steps.length },
          withDepartments: { requests: withDepartments.requests, operations: withDepartments.operations, steps: withDepartments.value.steps.length },
          again: { requests: again.requests, operations: again.operations, steps: again.value.steps.length },
          openYear: { requests: openYear.requests, operations: openYear.operations, departments: codes.length, uniqueScopes: scopesAfterOpen },
          publishLock: { requests: publishLock.requests, operations: publishLock.operations, folders: publishLock.value, uniqueScopes: scopes() },
        };
      }
    } finally {
      await backend.close();
    }
  }
  globalThis.fetch = realFetch;
  site.remove();
  const withFloor = Object.fromEntries(steps.map((s) => [s, { ...againstFloor(times[s].product, times[s].floor), ...figures[s] }]));
  const result = { ...withFloor, uniqueScopes, departments };
  console.log("\nSite setup, each step against as many plain GETs of the site (medians of 5, alternating)");
  console.table(withFloor);
  return result;
}

/** The figures BENCH_ONLY can run alone, each merged into bench/results.json under its key. */
const alone: Record<string, { key: string; run: () => Promise<Record<string, unknown>> }> = {
  issue: { key: "issue", run: issueToDepartments },
  publication: { key: "publication", run: publication },
  import: { key: "registerImport", run: registerImport },
  setup: { key: "siteSetup", run: siteSetup },
};

/** When and under what load a figure was measured (the machine is shared; `uptime`'s load average). */
const measuredNow = (): { measuredAt: string; loadAverage: number[] } => ({ measuredAt: new Date().toISOString(), loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) });

async function main(): Promise<void> {
  const file = path.join(root, "bench/results.json");
  const previous = (): Record<string, unknown> => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {});
  const write = (results: Record<string, unknown>): void => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
    console.log("→ bench/results.json");
  };
  const only = process.env.BENCH_ONLY;
  if (only && alone[only]) {
    // One figure with its floor; the others stay as last measured (each figure carries its own measuredAt).
    const { key, run } = alone[only];
    const figure = { ...measuredNow(), ...(await run()) };
    write({ ...previous(), [key]: figure });
    return;
  }
  if (only === "first" && process.env.BENCH_VIEWS) {
    // Only the named first renders: merged into the last firstRender, each with when and on what data it was measured.
    const before = previous();
    const { dataset, ...views } = await registerLoad();
    const stamped = Object.fromEntries(Object.entries(views).map(([k, v]) => [k, { ...measuredNow(), dataset, ...(v as Record<string, unknown>) }]));
    write({ ...before, firstRender: { ...((before.firstRender as Record<string, unknown> | undefined) ?? {}), ...stamped } });
    return;
  }
  if (only === "first") {
    // First download and first render only, against their floors; the other figures stay as last measured.
    write({ ...previous(), measuredAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, shippedSize: shippedSize(), firstRender: await registerLoad() });
    return;
  }
  if (only) throw new Error(`BENCH_ONLY=${only}: expected one of first, ${Object.keys(alone).join(", ")}`);
  const results: Record<string, unknown> = { measuredAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, shippedSize: shippedSize(), firstRender: await registerLoad() };
  for (const { key, run } of Object.values(alone)) results[key] = { ...measuredNow(), ...(await run()) };
  write(results);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
