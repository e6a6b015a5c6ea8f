import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { Browser, chromium } from "playwright-core";

/**
 * `npm start` opens a ready page (issue 33, point 12): on a fresh data folder, dev/start.mjs
 * prints the workbench's URL only once the sample site is set up and seeded; a page opened
 * before that is the waiting page, which reloads itself into the product when the site is
 * ready — never 「まだ準備されていません」 with a setup plan.
 */

const root = path.join(__dirname, "../..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const URL_LINE = /包括連携デスク: (http:\/\/127\.0\.0\.1:\d+\/workbench\/) をブラウザーで開いてください/;

let child: ChildProcess | null = null;
let browser: Browser | null = null;
let dataDir = "";

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const gone = new Promise((r) => child!.once("exit", r));
    child.kill("SIGTERM");
    await gone;
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const readyState = (port: number): Promise<{ ready: boolean } | null> =>
  fetch(`http://127.0.0.1:${port}/_dev/ready`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.json() as Promise<{ ready: boolean }>,
    () => null,
  );

test("dev/start.mjs prints the URL only once the sample site is set up; a page opened earlier waits and opens the product by itself", async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--lang=ja-JP"] });
  const port = await freePort();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-start-"));
  let out = "";
  child = spawn(process.execPath, [path.join(root, "dev/start.mjs")], { cwd: root, env: { ...process.env, BACKEND_PORT: String(port), BACKEND_DATA_DIR: dataDir }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (b: Buffer) => (out += b.toString("utf8")));
  child.stderr!.on("data", (b: Buffer) => (out += b.toString("utf8")));

  // The backend answers while it sets the site up: not ready, and no URL printed yet.
  let state = await readyState(port);
  for (const started = Date.now(); !state && Date.now() - started < 120000; state = await readyState(port)) {
    expect(child.exitCode).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(state).toEqual({ ready: false });
  expect(out).not.toMatch(URL_LINE);

  // A page opened now is the waiting page (503), never the product's setup screen.
  const page = await (await browser.newContext({ locale: "ja-JP" })).newPage();
  const response = await page.goto(`http://127.0.0.1:${port}/workbench/?only=agreements`);
  expect(response?.status()).toBe(503);
  await page.getByRole("heading", { name: "サンプル サイトを準備しています" }).waitFor();
  expect(await readyState(port)).toEqual({ ready: false });
  expect(out).not.toMatch(URL_LINE);

  // It reloads itself into the product once the site is set up (no reload from here).
  await page.getByText(/^ログイン中: /).waitFor({ timeout: 180000 });
  await page.getByRole("tab", { name: "協定台帳" }).waitFor();
  expect(await page.getByText("まだ準備されていません").count()).toBe(0);

  // The URL is printed, and by then the site is ready: its page is the product, and the sample data is there.
  for (const started = Date.now(); !URL_LINE.test(out) && Date.now() - started < 30000; ) await new Promise((r) => setTimeout(r, 100));
  const url = URL_LINE.exec(out)?.[1];
  expect(url).toBe(`http://127.0.0.1:${port}/workbench/`);
  expect(await readyState(port)).toEqual({ ready: true });
  const html = await (await fetch(url!)).text();
  expect(html).toContain('<script src="main.js"></script>');
  expect(out.indexOf("サンプル サイトを準備しています")).toBeLessThan(out.search(URL_LINE));
}, 300000);
