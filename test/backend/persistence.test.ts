import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * The backend keeps every acknowledged write across a restart and across `kill -9`
 * (journal fsync'ed before the answer).
 */

const root = path.resolve(__dirname, "../..");

function startProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "dev/backend/main.ts")], {
      cwd: root,
      env: { ...process.env, BACKEND_PORT: "0", BACKEND_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`backend did not start: ${out}`)), 60000); // a seeded start runs site setup twice and publishes a year, through HTTP; slow under a busy CI
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /local backend: (http:\/\/127\.0\.0\.1:\d+)\/sites\/partnership/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  });
}

const addSetting = async (url: string, key: string): Promise<number> => {
  const r = await fetch(`${url}/sites/partnership/_api/web/getlist('/sites/partnership/Lists/PD_PartnershipSettings')/items`, {
    method: "POST",
    headers: { accept: "application/json;odata=nometadata", "content-type": "application/json" },
    body: JSON.stringify({ Title: key, SettingValue: "値" }),
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { Id: number }).Id;
};

const settingKeys = async (url: string): Promise<string[]> => {
  const r = await fetch(`${url}/sites/partnership/_api/web/getlist('/sites/partnership/Lists/PD_PartnershipSettings')/items?$select=Title&$top=5000`, {
    headers: { accept: "application/json;odata=nometadata" },
  });
  return ((await r.json()) as { value: Array<{ Title: string }> }).value.map((v) => v.Title);
};

test("acknowledged writes survive kill -9 and a normal restart", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-persist-"));
  try {
    let b = await startProcess(dataDir);
    const keys = Array.from({ length: 25 }, (_, i) => `key-${i}`);
    for (const k of keys) await addSetting(b.url, k);
    b.child.kill("SIGKILL");
    await new Promise((r) => b.child.once("exit", r));

    b = await startProcess(dataDir);
    expect(await settingKeys(b.url)).toEqual(expect.arrayContaining(keys));
    await addSetting(b.url, "after-restart");
    b.child.kill("SIGTERM");
    await new Promise((r) => b.child.once("exit", r));

    b = await startProcess(dataDir);
    const now = await settingKeys(b.url);
    expect(now).toEqual(expect.arrayContaining([...keys, "after-restart"]));
    // Seed data is written once, on the first start only.
    expect(now.filter((k) => k === "reviewCycleYears")).toHaveLength(1);
    b.child.kill("SIGKILL");
    await new Promise((r) => b.child.once("exit", r));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 180000);

test("a torn last journal line (a write that was never acknowledged) is dropped on replay", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-torn-"));
  try {
    let b = await startProcess(dataDir);
    await addSetting(b.url, "kept");
    b.child.kill("SIGKILL");
    await new Promise((r) => b.child.once("exit", r));
    fs.appendFileSync(path.join(dataDir, "journal.jsonl"), '{"op":"add","list":"partnershipsettings","item":{"Id":99');
    b = await startProcess(dataDir);
    const keys = await settingKeys(b.url);
    expect(keys).toContain("kept");
    b.child.kill("SIGKILL");
    await new Promise((r) => b.child.once("exit", r));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 180000);
