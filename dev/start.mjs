// `npm start` (after prestart has installed dependencies on a fresh clone): builds the
// local workbench and runs the local backend (seeded on first start) that serves it.
//
//   npm start -- --reset   deletes the sample data first, so the backend seeds afresh
//   npm run reset          deletes the sample data only (node dev/start.mjs --reset-only)
//
// The environment is passed on to the backend (dev/backend/main.ts): BACKEND_PORT (4650),
// BACKEND_DATA_DIR (.data, relative to the repository) and BACKEND_LOG=1.
import { spawn } from "child_process";
import { existsSync, readdirSync, rmdirSync, rmSync } from "fs";
import { dirname, join, resolve } from "path";
import { fileURLToPath } from "url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.BACKEND_PORT ?? "4650";
const args = process.argv.slice(2);

/** The files the backend's store writes (dev/backend/store.ts); nothing else is ever deleted. */
const STORE_FILES = ["snapshot.json", "snapshot.json.tmp", "journal.jsonl"];

/**
 * Deletes the backend's data: only the store's own files, and the folder once it is empty.
 * Refused while a backend answers on BACKEND_PORT (it holds the journal open and would write
 * the old data back).
 */
async function resetData() {
  const dir = resolve(root, process.env.BACKEND_DATA_DIR ?? ".data");
  const running = await fetch(`http://127.0.0.1:${port}/_dev/health`, { signal: AbortSignal.timeout(1000) }).then(
    (r) => r.ok,
    () => false,
  );
  if (running) {
    console.error(`ローカル バックエンドが http://127.0.0.1:${port}/ で動いています。止めて（Ctrl+C）からやり直してください。`);
    process.exit(1);
  }
  if (!existsSync(dir)) {
    console.log(`サンプル データはありません（${dir}）。`);
    return;
  }
  for (const f of STORE_FILES) rmSync(join(dir, f), { force: true });
  const left = readdirSync(dir);
  if (left.length === 0) rmdirSync(dir);
  console.log(`サンプル データを削除しました（${dir}）。次の起動で作り直します。${left.length ? `ほかのファイルは残しました: ${left.join(", ")}` : ""}`);
}

if (args.includes("--reset") || args.includes("--reset-only")) await resetData();
if (args.includes("--reset-only")) process.exit(0);

const { buildWorkbench } = await import("./workbench/build.mjs");
await buildWorkbench();
const child = spawn(process.execPath, ["--import", "tsx", join(root, "dev/backend/main.ts")], { cwd: root, stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
let exited = false;
child.on("exit", (code) => {
  exited = true;
  process.exit(code ?? 0);
});

/**
 * The URL is printed once the backend says the sample site is set up (`/_dev/ready`): on a fresh
 * data folder it first runs the product's site setup and loads the sample data, and a page opened
 * before that would find no lists. (A page opened early anyway gets the waiting page, which
 * reloads itself when the site is ready.)
 */
async function waitUntilReady() {
  let told = false;
  for (;;) {
    if (exited) return false;
    const state = await fetch(`http://127.0.0.1:${port}/_dev/ready`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => (r.ok ? r.json() : { ready: false }),
      () => null,
    );
    if (state?.ready) return true;
    if (state && !told) {
      console.log("サンプル サイトを準備しています（初回は少し時間がかかります）…");
      told = true;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
if (await waitUntilReady()) console.log(`\n包括連携デスク: http://127.0.0.1:${port}/workbench/ をブラウザーで開いてください（Ctrl+C で終了）。\n`);
