// Runs before `npm start` and `npm test` (prestart/pretest): on a fresh clone installs the
// npm dependencies from the lockfile, and for tests, Debian's Chromium with Japanese fonts
// (the browser tests drive /usr/bin/chromium; no browser is ever downloaded).
import { existsSync } from "fs";
import { spawnSync } from "child_process";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(join(root, "node_modules", ".package-lock.json"))) {
  console.log("Installing npm dependencies (npm ci, first run only: about 2–3 minutes)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

if (process.argv.includes("--browser") && !existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium and fonts-noto-cjk for the browser tests…");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium", "fonts-noto-cjk"]);
  } else {
    console.warn("Browser tests need Debian's chromium and fonts-noto-cjk: sudo apt-get install -y chromium fonts-noto-cjk");
  }
}
