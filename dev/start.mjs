// `npm start` (after prestart has installed dependencies on a fresh clone): builds the
// local workbench and runs the local backend (seeded on first start) that serves it.
import { spawn } from "child_process";
import { dirname, join } from "path";
import { fileURLToPath } from "url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { buildWorkbench } = await import("./workbench/build.mjs");
await buildWorkbench();
const port = process.env.BACKEND_PORT ?? "4650";
console.log(`\n包括連携デスク: http://127.0.0.1:${port}/workbench/ をブラウザーで開いてください（Ctrl+C で終了）。\n`);
const child = spawn(process.execPath, ["--import", "tsx", join(root, "dev/backend/main.ts")], { cwd: root, stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
