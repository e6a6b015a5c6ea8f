import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, Browser, Locator, Page } from "playwright-core";
import { Backend, startBackend } from "../../dev/backend/server";

/**
 * Browser tests share this: the workbench built once, a fresh seeded backend on a free
 * port, Debian's Chromium, a page per user, screenshots, and axe-core.
 *
 * Screenshots go to PD_SCREENSHOTS_DIR (docs/screenshots via `npm run screenshots`),
 * else to a temporary folder.
 */

const root = path.resolve(__dirname, "../..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const TODAY = "2026-11-24";

/**
 * Enters a date in a native date input the way the browser reports a user's entry
 * (value set, then an input event). Playwright's fill() is refused here: headless
 * Chromium ignores a scripted value while a date input has focus (and Fluent's dialogs
 * focus their first field), so the field is blurred first.
 */
export async function setDate(field: Locator, isoDate: string): Promise<void> {
  await field.evaluate((el, v) => {
    (el as HTMLInputElement).blur();
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    setter.call(el, v);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, isoDate);
}

/**
 * Chooses an option in a labelled choice: the first views' choices are the browser's own select
 * (src/components/light/Select.tsx), the panels' and dialogs' are Fluent Dropdowns (a combobox
 * that opens a listbox of options).
 */
export async function choose(page: Page, scope: Pick<Locator, "getByRole">, name: string | RegExp, option: string): Promise<void> {
  const box = scope.getByRole("combobox", { name });
  if ((await box.evaluate((el) => el.tagName)) === "SELECT") {
    await box.selectOption({ label: option });
    return;
  }
  await box.click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** The text of a choice's chosen option (a select's textContent would be every option's). */
export async function chosenText(box: Locator): Promise<string> {
  return box.evaluate((el) => (el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? "") : (el.textContent ?? "")));
}

export interface BrowserHarness {
  backend: Backend;
  open: (query: string, hash: string, userId?: number) => Promise<{ page: Page; errors: string[] }>;
  /** A screenshot of the whole page, or only the window (`fullPage: false`, for a dialog over a long page). */
  shot: (page: Page, file: string, opts?: { fullPage?: boolean }) => Promise<void>;
  /** Serious and critical axe violations in the page's main region (or the whole document, with dialogs). */
  axe: (page: Page, scope?: "main" | "document") => Promise<Array<{ id: string; impact: string; nodes: number }>>;
  stop: () => Promise<void>;
}

let built = false;

/**
 * `dataDir`: a data folder already holding a site (e.g. copyTenYearSite's copy of the ten-year
 * site, test/fixtures/tenYear.ts) to start the backend on instead of a fresh seeded one; the
 * harness removes it when it stops.
 */
export async function startHarness(opts: { seed?: "seed" | "bare"; dataDir?: string } = {}): Promise<BrowserHarness> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install -y chromium fonts-noto-cjk), as .ci/run does.`);
  if (!built) {
    const build = spawnSync(process.execPath, [path.join(root, "dev/workbench/build.mjs")], { cwd: root, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`workbench build failed: ${build.stderr}`);
    built = true;
  }
  const shots = process.env.PD_SCREENSHOTS_DIR ? path.resolve(root, process.env.PD_SCREENSHOTS_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), "pd-shots-"));
  fs.mkdirSync(shots, { recursive: true });
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "pd-browser-"));
  const backend = await startBackend({ port: 0, dataDir, workbenchDir: path.join(root, "dev/workbench/dist"), seed: opts.seed ?? "seed" });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--lang=ja-JP"],
  });

  const open = async (query: string, hash: string, userId = 7): Promise<{ page: Page; errors: string[] }> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    // A first page on a busy 2-core CI machine (cold Chromium, bundle parse, seeded backend) can take well over 30 s.
    context.setDefaultTimeout(45000);
    await context.addCookies([{ name: "pd-user", value: String(userId), url: backend.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("requestfailed", (r) => {
      // Chromium reports a write answered with no body (SharePoint's 204 to MERGE) as
      // ERR_ABORTED once fetch has resolved; that is not a failure.
      // Site setup's MERGEs on lists, columns and views and its view-field changes answer 204 the same way.
      const noBodyWrite = /\/items\(\d+\)$|\/getList\('[^']*'\)(\/fields\/getByInternalNameOrTitle\('[^']*'\)|\/defaultView|\/views\/getById\('[^']*'\)|\/views\('[^']*'\))?(\/viewfields\/(removeallviewfields|addviewfield\('[^']*'\)))?$/;
      // So does a folder made with AddSubFolderUsingPath (the backend answers it 204).
      const noBodyFolder = /\/getFolderByServerRelativePath\(decodedUrl='[^']*'\)\/AddSubFolderUsingPath$/;
      if (r.method() === "POST" && r.failure()?.errorText === "net::ERR_ABORTED" && (noBodyWrite.test(decodeURIComponent(r.url())) || noBodyFolder.test(decodeURIComponent(r.url())))) return;
      errors.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ""}`);
    });
    // A query may set its own "today" (e.g. after the fiscal year ends); otherwise the tests' fixed day.
    const q = query.includes("today=") ? query.replace(/^&/, "") : `today=${TODAY}${query}`;
    await page.goto(`${backend.url}/workbench/?${q}${hash ? `#${hash}` : ""}`);
    return { page, errors };
  };

  /** Waits for data and for Fluent's fade-in, so screenshots and contrast checks see the settled page. */
  const settle = async (page: Page): Promise<void> => {
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(800);
  };

  return {
    backend,
    open,
    shot: async (page, file, opts) => {
      await settle(page);
      await page.screenshot({ path: path.join(shots, file), fullPage: opts?.fullPage ?? true });
    },
    axe: async (page, scope = "main") => {
      await settle(page);
      if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
      return page.evaluate(async (whole) => {
        const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } };
        // The workbench's own header (user switcher) is a dev tool, not the product: left out.
        const r = await w.axe.run(whole ? { exclude: [["header"]] } : { include: [["main"]] }, { resultTypes: ["violations"] });
        return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
      }, scope === "document");
    },
    stop: async () => {
      await browser.close();
      await backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The focused element's accessible name as a person hears it: aria-label, its labels, or its text. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "";
    const labelledBy = el.getAttribute("aria-labelledby");
    const byId = labelledBy ? labelledBy.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ") : "";
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? "";
    // Fluent's font icons put a private-use glyph in the text; a listener hears none of it.
    return (el.getAttribute("aria-label") || byId || label || el.textContent || "").replace(/[\uE000-\uF8FF]/g, "").trim();
  });
}

/**
 * Presses Tab (or Shift+Tab) until focus arrives — on an element whose name matches, or
 * where `target` (run in the page) holds — and fails after 60 presses. A command bar is
 * one tab stop whose commands are reached with the arrow keys, as a keyboard user moves
 * in it: when focus lands in one holding the wanted command, ArrowRight walks to it.
 */
export async function tabTo(page: Page, target: RegExp | (() => boolean), backwards = false): Promise<void> {
  const arrived = async (): Promise<boolean> => (typeof target === "function" ? await page.evaluate(target).catch(() => false) : target.test(await focusedName(page)));
  for (let i = 0; i < 60; i++) {
    if (await arrived()) return;
    const barHasIt =
      typeof target !== "function" &&
      (await page.evaluate(
        ({ source, flags }) => {
          const bar = document.activeElement?.closest('[role="menubar"]');
          const re = new RegExp(source, flags);
          return !!bar && [...bar.querySelectorAll('[role="menuitem"]')].some((m) => re.test((m.textContent ?? "").replace(/[\uE000-\uF8FF]/g, "").trim()));
        },
        { source: target.source, flags: target.flags },
      ));
    if (barHasIt) {
      for (let j = 0; j < 10 && !(await arrived()); j++) await page.keyboard.press("ArrowRight");
      if (await arrived()) return;
    }
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`focus never reached ${String(target)}; it is on "${await focusedName(page)}"`);
}

/**
 * Removes the seeded calls of `forms` for `fiscalYear` (through the REST API, as the coordinator),
 * for a test that opens that year's call itself: a call is unique per form and fiscal year
 * (Calls.CallKey, enforced by SharePoint), and the sample site already has this year's.
 */
export async function withoutSeededCalls(h: BrowserHarness, fiscalYear: number, forms: ("form1" | "form2" | "form4")[]): Promise<void> {
  const { PartnershipData } = await import("../../src/data/sp/PartnershipData");
  const { spForUrl } = await import("../../src/data/sp/spForUrl");
  const data = new PartnershipData(spForUrl(h.backend.siteUrl, { "X-PD-User": "7" }), h.backend.siteUrl);
  const there = (await data.calls.list({ where: [{ prop: "fiscalYear", op: "eq", value: fiscalYear }] })).filter((c) => forms.includes(c.form));
  // What was handed in to those calls goes with them: the year starts again for the test's own call.
  const ids = new Set(there.map((c) => c.id));
  if (forms.includes("form2")) {
    const rows = (await data.cityProposals.list({ where: [{ prop: "fiscalYear", op: "eq", value: fiscalYear }] })).filter((r) => r.call && ids.has(r.call.id));
    for (const r of rows) await data.cityProposals.remove(r.id, r.etag);
  }
  for (const c of there) await data.calls.remove(c.id, c.etag);
}
