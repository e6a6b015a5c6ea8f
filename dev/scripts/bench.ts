import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { chromium } from "playwright-core";
import { startBackend } from "../backend/server";
import { sampleMembership } from "../backend/sites";
import { SiteSetup } from "../../src/data/setup/SiteSetup";
import { Store } from "../backend/store";
import { addAgreements, addDepartments, addProposals, addResults } from "./dataset";
import { PartnershipData } from "../../src/data/sp/PartnershipData";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { GraphTeamsNotifier } from "../../src/data/graph/GraphTeamsNotifier";
import { graphForUrl } from "../../src/data/graph/graphForUrl";
import { MatchingService, SEND_CONCURRENCY } from "../../src/data/services/MatchingService";
import { NotificationService } from "../../src/data/services/NotificationService";
import { RegisterImportService } from "../../src/data/services/RegisterImportService";
import { detectColumns, importable } from "../../src/domain/registerImport";

/**
 * `npm run bench`: figures, not pass/fail. Prints a table and writes bench/results.json.
 *  - each web part's first download (gzip) and pages with one, two and four of them, against the
 *    floor (dev/floor, built in the same run), from a fresh `npm run package` (--no-build: the last);
 *  - each web part's first render (and the calendar of decisions) against a ten-year site:
 *    HTTP requests to SharePoint and time until the view shows its rows, in Chromium, against its
 *    floor measured alternately in the same run (same requests by plain fetch, then a hello-world
 *    DetailsList of as many rows): product, floor and their ratio, which compare across machines;
 *  - issuing a feedback list to every department; publishing a year of 5,000 results;
 *  - importing an existing register of 300 agreements: preview and import, time and requests.
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

/** The floor page: the hello-world list (dev/floor/page), built with the workbench's bundler and settings. */
async function buildFloorPage(dir: string): Promise<void> {
  const { build } = await import("esbuild");
  fs.mkdirSync(dir, { recursive: true });
  await build({ entryPoints: [path.join(root, "dev/floor/page/floorPage.tsx")], bundle: true, outfile: path.join(dir, "floor.js"), format: "iife", platform: "browser", target: "es2020", jsx: "transform", define: { "process.env.NODE_ENV": '"development"' }, logLevel: "warning" });
}

function writeFloorPlan(dir: string, name: string, plan: unknown[], rows: number): string {
  const file = `${name}.html`;
  const json = JSON.stringify({ waves: plan, rows }).replace(/</g, "\\u003c");
  fs.writeFileSync(path.join(dir, file), `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>floor</title></head><body><div id="app"></div><script>var __PD_FLOOR__ = ${json};</script><script src="floor.js"></script></body></html>`);
  return file;
}

async function registerLoad(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-bench-"));
  // The site as `npm start` makes it (setup run by the product, sample data), then the dataset on top.
  await (await startBackend({ port: 0, dataDir })).close();
  const store = new Store(dataDir);
  store.open();
  // The ten-year site: 300+ agreements, 15,000 proposals and 15,000 results over 2017–2026,
  // 40 departments; and a 2027 year of 2,000 proposals for the year view.
  const added = addAgreements(store, 300);
  addDepartments(store, 28);
  for (let fy = 2017; fy <= 2026; fy++) {
    addProposals(store, fy, 1500, fy);
    addResults(store, fy, 1500);
  }
  addProposals(store, 2027, 2000);
  store.compact();
  store.close();
  const build = spawnSync(process.execPath, [path.join(root, "dev/workbench/build.mjs")], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(build.stderr);
  const backend = await startBackend({ port: 0, dataDir, workbenchDir: path.join(root, "dev/workbench/dist") });
  const agreements = backend.store.list("PD_Agreements")!.items.size;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--lang=ja-JP"] });
  const floorDir = path.join(root, "dev/workbench/dist/floor");
  await buildFloorPage(floorDir);
  /**
   * Opens one web part alone and its floor, alternating, five times each: time until `ready`
   * shows, the SharePoint requests it made, and the floor for the same data: the same requests by
   * plain fetch in the same waves, then a hello-world DetailsList of as many rows as the view showed.
   */
  const measure = async (name: string, query: string, ready: (page: import("playwright-core").Page) => Promise<void>): Promise<Record<string, unknown>> => {
    const runs: Array<{ ms: number; requests: number; digest: number }> = [];
    const floorMs: number[] = [];
    let floorPage = "";
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      const api: Recorded[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/_api/")) api.push({ started: Date.now(), finished: Infinity, method: r.method(), url: r.url(), headers: replayHeaders(r.headers()), body: r.postData() ?? undefined, request: r });
      });
      page.on("requestfinished", (r) => { const a = api.find((x) => x.request === r); if (a) a.finished = Date.now(); });
      page.on("requestfailed", (r) => { const a = api.find((x) => x.request === r); if (a) a.finished = Date.now(); });
      const t0 = Date.now();
      await page.goto(`${backend.url}/workbench/?${query.includes("today=") ? query.slice(1) : `today=2026-11-24${query}`}`);
      await ready(page);
      runs.push({ ms: Date.now() - t0, requests: api.filter((u) => !u.url.endsWith("/contextinfo")).length, digest: api.filter((u) => u.url.endsWith("/contextinfo")).length });
      if (i === 0) {
        const rows = await page.locator("[role=row], tbody tr").count();
        floorPage = writeFloorPlan(floorDir, name, waves(api), Math.max(1, rows));
      }
      await page.close();
      const floor = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      const f0 = Date.now();
      await floor.goto(`${backend.url}/workbench/floor/${floorPage}`);
      await floor.locator(".ms-DetailsRow").first().waitFor({ timeout: 30000 });
      floorMs.push(Date.now() - f0);
      await floor.close();
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const product = median(runs.map((r) => r.ms));
    const floorMedian = median(floorMs);
    return { runs: runs.length, medianMs: product, floorMs: floorMedian, ratio: +(product / floorMedian).toFixed(2), minMs: Math.min(...runs.map((r) => r.ms)), requests: runs[0].requests, digestRequests: runs[0].digest };
  };
  const register = { agreements, partnershipItems: added.items + 40, ...(await measure("register", "&only=agreements", (p) => p.getByRole("button", { name: /^開く: / }).first().waitFor({ timeout: 30000 }))) };
  const calendar = { ...(await measure("calendar", "&only=agreements", async (p) => { await p.getByRole("tab", { name: "見直し・更新カレンダー" }).click(); await p.getByRole("grid", { name: /判断の期日/ }).getByRole("row").nth(1).waitFor({ timeout: 30000 }); })) };
  const proposals = backend.store.list("PD_PartnerProposals")!.items.size + backend.store.list("PD_CityProposals")!.items.size;
  const results = backend.store.list("PD_ResultReports")!.items.size;
  const annualCycle = { fiscalYear: 2026, ...(await measure("annualCycle", "&only=annual", (p) => p.getByRole("heading", { name: "企業等別" }).waitFor({ timeout: 30000 }))) };
  const departmentPortal = { ...(await measure("departmentPortal", "&only=portal", (p) => p.getByRole("heading", { name: "フィードバック一覧（別紙③）" }).waitFor({ timeout: 30000 }))) };
  // The portal as a Teams tab: it runs on the department team's site and reads the partnership site by absolute URL.
  const departmentPortalTeamsTab = { ...(await measure("departmentPortalTeamsTab", "&host=teams&dept=kodomo-kosodate&only=portal", (p) => p.getByRole("heading", { name: "フィードバック一覧（別紙③）" }).waitFor({ timeout: 30000 }))) };
  const resultsView = { fiscalYear: 2025, fiveYearsRows: [...backend.store.list("PD_ResultReports")!.items.values()].filter((r) => (r.values.FiscalYear as number) >= 2021 && (r.values.FiscalYear as number) <= 2025).length, ...(await measure("results", "&only=results", (p) => p.getByRole("heading", { name: "過去5年の推移" }).waitFor({ timeout: 30000 }))) };
  const yearView = {
    fiscalYear: 2027,
    proposalsInYear: 2000,
    proposalsAllYears: proposals,
    // Ready when the overview shows the year's total (2,000 proposals split between Forms 1 and 2).
    ...(await measure("yearView2027", "&only=annual&today=2027-06-01", (p) => p.getByText("2027年度（令和9年度）").first().waitFor({ timeout: 30000 }).then(() => p.getByRole("heading", { name: "企業等別" }).waitFor({ timeout: 30000 })))),
  };
  await browser.close();
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log("\nAgreements register (協定台帳) and year view (年度の連携), Chromium, local backend");
  const dataset = { agreements, proposals, results, departments: backend.store.list("PD_Departments")!.items.size };
  console.log("\nFirst render of each web part on the ten-year site", dataset);
  console.table({ register, calendar, annualCycle, departmentPortal, departmentPortalTeamsTab, results: resultsView, yearView2027: yearView });
  return { dataset, register, calendar, annualCycle, departmentPortal, departmentPortalTeamsTab, results: resultsView, yearView2027: yearView };
}

/**
 * Issuing a feedback list (別紙③) to 50 departments with the product's own message builders
 * (HTML table and Adaptive Card): editions of 10, 30 and 100 rows addressed to every department.
 * Per edition: bytes of the largest message as Graph receives it against the budget, parts per
 * department, Graph posts, SharePoint requests and time; and the posts Graph throttled.
 */
async function issueToDepartments(): Promise<Record<string, unknown>> {
  const { renderFeedback } = await import("../../src/webparts/annualCycle/components/MatchingView");
  const { MESSAGE_BUDGET_BYTES } = await import("../../src/data/graph/GraphTeamsNotifier");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-bench-issue-"));
  // The site as `npm start` makes it (setup run by the product, sample data), then the dataset on top.
  await (await startBackend({ port: 0, dataDir })).close();
  const store = new Store(dataDir);
  store.open();
  addDepartments(store, 41);
  store.compact();
  store.close();
  const backend = await startBackend({ port: 0, dataDir });
  const data = new PartnershipData(spForUrl(backend.siteUrl, { "X-PD-User": "7" }), backend.siteUrl);
  const svc = new MatchingService(data, await data.currentUser(), "2026-11-24");
  const notes = new NotificationService(data, new GraphTeamsNotifier(graphForUrl(`${backend.url}/graph`)));
  const editions: Array<Record<string, unknown>> = [];
  const content = (n: number): string => `提案${n}：${"地域の企業と市が協力し、市民向けの講座と相談会を開く。".repeat(8)}`.slice(0, 200);
  for (const size of [10, 30, 100]) {
    let year = await svc.year(2026);
    const issue = await svc.draftIssue(year);
    await svc.addRows(issue, year, Array.from({ length: size }, (_, i) => ({ title: `全部署向けの提案 ${i + 1}`, content: content(i + 1), partner: { id: 1, title: "" }, partnerProposal: null, cityProposal: null, allDepartments: true, targetDepartments: [] })));
    year = await svc.year(2026);
    const before = backend.requestCount();
    const graphBefore = backend.store.graphMessages.length;
    const throttledBefore = backend.graphThrottle.throttled;
    const t0 = Date.now();
    const outcome = await svc.issue(issue, year, notes, renderFeedback("https://city.example/portal"));
    const ms = Date.now() - t0;
    const posted = backend.store.graphMessages.slice(graphBefore);
    const bytes = posted.map((m) => Buffer.byteLength(JSON.stringify({ body: m.body, attachments: m.attachments }), "utf8"));
    const sentTo = new Set(outcome.filter((o) => o.status === "sent").map((o) => o.department?.id));
    editions.push({
      rows: size,
      departments: sentTo.size,
      notReached: new Set(outcome.filter((o) => o.status !== "sent").map((o) => o.department?.id)).size,
      partsPerDepartment: Math.round((posted.length / Math.max(1, sentTo.size)) * 10) / 10,
      graphPosts: posted.length,
      largestMessageKB: kb(Math.max(...bytes)),
      budgetKB: kb(MESSAGE_BUDGET_BYTES),
      largestToBudget: Math.round((Math.max(...bytes) / MESSAGE_BUDGET_BYTES) * 100) / 100,
      throttled: backend.graphThrottle.throttled - throttledBefore,
      spRequests: backend.requestCount() - before,
      ms,
      concurrency: SEND_CONCURRENCY,
    });
  }
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log("\nIssuing a feedback list (別紙③) to 50 departments: editions of 10, 30 and 100 rows of 200 characters");
  console.table(editions);
  return { editions };
}

/** A year of 5,000 results across 40 departments: totals, workbook and HTML page — time and bytes. */
async function publication(): Promise<Record<string, unknown>> {
  const { yearTotals } = await import("../../src/domain/results");
  const { toPublishedRows, resultsHtml, buildResultsWorkbook, resultsCsv } = await import("../../src/export/resultsReport");
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
    partnershipItem: null,
    matching: null,
    cityProposal: null,
    status: "published" as const,
    publishedAt: "2031-05-20T00:00:00Z",
    sourceId: null,
  }));
  const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const v = await fn();
    return [v, Math.round(performance.now() - t0)];
  };
  const [, totalsMs] = await time(() => yearTotals(rows, [], []));
  const pub = toPublishedRows(rows);
  const [html, htmlMs] = await time(() => resultsHtml(2030, pub, "令和13年5月20日"));
  const excel = await loadExcel();
  const [xlsx, xlsxMs] = await time(() => buildResultsWorkbook(excel, 2030, pub));
  const [csv, csvMs] = await time(() => resultsCsv(2030, pub));
  const result = { rows: rows.length, departments: 40, totalsMs, workbookMs: xlsxMs, workbookKB: kb(xlsx.byteLength), htmlMs, htmlKB: kb(Buffer.byteLength(html)), htmlGzipKB: kb(gzipSync(html).length), csvMs, csvKB: kb(Buffer.byteLength(csv)) };
  console.log("\nPublication of a year with 5,000 results (別紙④)");
  console.table([result]);
  return result;
}

/** An existing register of 300 agreements (varied dates, items and term clauses): preview, then import. */
async function registerImport(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-bench-import-"));
  const backend = await startBackend({ port: 0, dataDir });
  const data = new PartnershipData(spForUrl(backend.siteUrl, { "X-PD-User": "7" }), backend.siteUrl);
  const svc = new RegisterImportService(data, await data.currentUser(), "2026-11-24");
  const clauses = ["", "締結の日から当該年度の末日までとする。ただし、期間満了の1か月前までに申出がないときは、さらに1年間更新し、以後も同様とする。", "締結の日から3年間とし、満了の2か月前までに書面による申出がないときは1年ごとに更新する。", "締結の日から5年間とする。異議がなければ5年間延長する。"];
  const rows = Array.from({ length: 300 }, (_, i) => {
    const y = 2008 + (i % 18);
    return [i + 1, `株式会社ベンチ商事 第${i + 1}号`, `清瀬市と株式会社ベンチ商事第${i + 1}号との包括連携に関する協定`, i % 2 ? `${y}年${1 + (i % 12)}月${1 + (i % 28)}日` : `令和${1 + (i % 7)}年${5 + (i % 8)}月${1 + (i % 28)}日付け`, "(1)防災に関すること。(2)環境保全に関すること。(3)地域の活性化に関すること。", clauses[i % clauses.length]];
  });
  const columns = detectColumns(["No.", "協定先", "協定名", "締結日", "連携事項", "協定期間"]);
  const before = backend.requestCount();
  const t0 = Date.now();
  const plan = await svc.preview(rows, columns, 2);
  const previewMs = Date.now() - t0;
  const previewRequests = backend.requestCount() - before;
  const t1 = Date.now();
  const outcome = await svc.importRows(plan);
  const importMs = Date.now() - t1;
  const result = { rows: rows.length, ready: plan.filter(importable).length, created: outcome.created, terms: backend.store.list("PD_AgreementTerms")!.items.size, previewMs, previewRequests, importMs, importRequests: backend.requestCount() - before - previewRequests };
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log("\nImport of an existing register of 300 agreements");
  console.table([result]);
  return result;
}

/**
 * Site setup on a bare site (lists and the security model), then again with 40 departments
 * (their groups, folders and folder permissions): time, requests and unique scopes.
 */
async function siteSetup(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-bench-setup-"));
  const backend = await startBackend({ port: 0, dataDir, seed: "bare" });
  const setup = new SiteSetup(spForUrl(backend.siteUrl, { "X-PD-User": "7" }), backend.siteUrl);
  const timed = async (): Promise<{ ms: number; requests: number; steps: number }> => {
    const before = backend.requestCount();
    const t0 = performance.now();
    const plan = await setup.run();
    return { ms: Math.round(performance.now() - t0), requests: backend.requestCount() - before, steps: plan.steps.length };
  };
  const bare = await timed();
  addDepartments(backend.store, 40);
  sampleMembership(backend.store);
  const withDepartments = await timed();
  const again = await timed();
  const scopes = (): number => {
    const sec = backend.store.site("/sites/partnership")!.security;
    return Object.keys(sec.lists).length + Object.keys(sec.items ?? {}).length;
  };
  const uniqueScopes = scopes();
  // A year's calls for Form 2 and Form 4 open every department's submission folders (as the coordinator), publication locks Form 4's.
  const data = new PartnershipData(spForUrl(backend.siteUrl, { "X-PD-User": "7" }), backend.siteUrl);
  const codes = (await data.departments.list()).map((d) => d.code);
  const t0 = performance.now();
  const before = backend.requestCount();
  await data.submissions.open("cityProposals", 2026, codes);
  await data.submissions.open("resultReports", 2026, codes);
  const openYear = { ms: Math.round(performance.now() - t0), requests: backend.requestCount() - before, departments: codes.length, uniqueScopes: scopes() };
  const t1 = performance.now();
  const before2 = backend.requestCount();
  const locked = await data.submissions.lock("resultReports", 2026);
  const publishLock = { ms: Math.round(performance.now() - t1), requests: backend.requestCount() - before2, folders: locked, uniqueScopes: scopes() };
  const result = { bare, withDepartments, again, uniqueScopes, openYear, publishLock, departments: backend.store.list("PD_Departments")!.items.size };
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log("site setup", JSON.stringify(result));
  return result;
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === "setup") {
    console.log(JSON.stringify(await siteSetup(), null, 2));
    return;
  }
  if (process.env.BENCH_ONLY === "issue") {
    console.log(JSON.stringify(await issueToDepartments(), null, 2));
    return;
  }
  const file = path.join(root, "bench/results.json");
  if (process.env.BENCH_ONLY === "first") {
    // First download and first render only, against their floors; the other figures stay as last measured.
    const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
    const results = { ...previous, measuredAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, shippedSize: shippedSize(), firstRender: await registerLoad() };
    fs.writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
    console.log("→ bench/results.json");
    return;
  }
  const results = { measuredAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, shippedSize: shippedSize(), firstRender: await registerLoad(), issue: await issueToDepartments(), publication: await publication(), registerImport: await registerImport(), siteSetup: await siteSetup() };
  fs.mkdirSync(path.join(root, "bench"), { recursive: true });
  fs.writeFileSync(path.join(root, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log("→ bench/results.json");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
