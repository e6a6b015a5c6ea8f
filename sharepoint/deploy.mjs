#!/usr/bin/env node
// Prints (default, a dry run) or runs (--run) the CLI for Microsoft 365 commands that put
// Partnership Desk on a tenant: docs/deploy.md explains each step and what stays manual.
// Plain Node, no dependencies. Every option used here is taken from the command's page in
// pnp/cli-microsoft365 (docs/docs/cmd/..., read at commit db0361d, 2026-08-21); the page is
// named beside each step below and in docs/deploy.md.
//
//   node sharepoint/deploy.mjs --tenant city --site /sites/renkei [--create-site] [--run]
//   node sharepoint/deploy.mjs --phase after-setup --tenant city --site /sites/renkei \
//        --coordinators hanako@city.lg.jp,group:未来創造課 --set-default [--run]
//   node sharepoint/deploy.mjs --phase upgrade --tenant city --site /sites/renkei [--run]
import { existsSync, readFileSync } from "fs";
import { spawnSync } from "child_process";
import { basename, dirname, join, relative, resolve } from "path";
import { fileURLToPath } from "url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TENANT_SITE_URL_KEY = "PartnershipDesk.SiteUrl"; // src/data/setup/keys.ts
const GROUPS = { coordinators: "Partnership Desk Coordinators", members: "Partnership Desk Members", visitors: "Partnership Desk Visitors" };
/** The pages the install phase makes on the partnership site: one web part each (ids from src/webparts/*\/*.manifest.json). */
const PAGES = [
  { name: "agreements.aspx", title: "協定管理", manifest: "src/webparts/agreements/AgreementsWebPart.manifest.json" },
  { name: "yearly-cycle.aspx", title: "年度の連携", manifest: "src/webparts/annualCycle/AnnualCycleWebPart.manifest.json" },
  { name: "results.aspx", title: "実績報告", manifest: "src/webparts/results/ResultsWebPart.manifest.json" },
  { name: "department-portal.aspx", title: "部署ポータル", manifest: "src/webparts/departmentPortal/DepartmentPortalWebPart.manifest.json" },
];

const USAGE = `使い方 / Usage:
  node sharepoint/deploy.mjs --tenant <name> --site <url or /sites/name> [options]

  --tenant <name>        テナント名 (city / city.sharepoint.com) / the tenant
  --site <url>           協定サイト (/sites/renkei or https://city.sharepoint.com/sites/renkei)
  --phase <phase>        install (既定/default) | after-setup | upgrade
  --package <file>       .sppkg (既定/default: sharepoint/solution/partnership-desk.sppkg)
  --teams-zip <file>     Teams アプリ / Teams app zip (既定/default: teams/TeamsSPFxApp.zip)
  --skip-teams           Teams アプリを発行しない（Sync to Teams を使う）/ don't publish the Teams app
  --create-site          協定サイトをコミュニケーション サイトとして作る / create the site (install)
  --site-title <title>   作るサイトの名前 / its title (既定/default: 包括連携デスク)
  --app-catalog <url>    テナント アプリ カタログ / tenant app catalog URL (else asked from the CLI)
  --coordinators <list>  after-setup: 連携窓口 / coordinators: upn@… or group:<Entra group name>, comma-separated
  --members <list>       after-setup: 職員（メンバー） / members (same form)
  --visitors <list>      after-setup: 閲覧者 / visitors (same form)
  --set-default          after-setup: 全社の既定の協定サイトにする / store the tenant-wide default site URL
  --run                  実行する（既定は表示のみ）/ run the commands (default: print them)
  --help                 この説明 / this text`;

class UsageError extends Error {}

const FLAGS = new Set(["run", "create-site", "skip-teams", "set-default", "help"]);
const VALUES = new Set(["tenant", "site", "phase", "package", "teams-zip", "site-title", "app-catalog", "coordinators", "members", "visitors"]);

export function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new UsageError(`引数が不正です: ${a} / Unexpected argument: ${a}`);
    const [, name, inline] = m;
    if (FLAGS.has(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} は値をとりません / --${name} takes no value`);
      o[name] = true;
    } else if (VALUES.has(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--") || v.trim() === "") throw new UsageError(`--${name} に値がありません / --${name} needs a value`);
      if (name in o) throw new UsageError(`--${name} が二度あります / --${name} given twice`);
      o[name] = v.trim();
    } else {
      throw new UsageError(`知らないオプションです: --${name} / Unknown option: --${name}`);
    }
  }
  return o;
}

function tenantOrigin(value) {
  const m = /^(?:https:\/\/)?([a-z0-9][a-z0-9-]*)(?:\.sharepoint\.com)?\/?$/i.exec(value);
  if (!m) throw new UsageError(`--tenant が不正です: ${value}（例: city または city.sharepoint.com） / --tenant must be a tenant name such as city or city.sharepoint.com`);
  return `https://${m[1].toLowerCase()}.sharepoint.com`;
}

function siteUrl(value, origin) {
  let u;
  try {
    u = new URL(value, origin);
  } catch {
    throw new UsageError(`--site が不正です: ${value} / --site is not a URL: ${value}`);
  }
  if (u.origin !== origin) throw new UsageError(`--site はテナント ${origin} のサイトにしてください: ${value} / --site must be on ${origin}`);
  const m = /^\/(sites|teams)\/([A-Za-z0-9_.-]+)\/?$/.exec(u.pathname);
  if (!m || u.search || u.hash) throw new UsageError(`--site はサイトの URL にしてください（例: /sites/renkei）: ${value} / --site must be a site such as /sites/renkei`);
  return `${origin}/${m[1]}/${m[2]}`;
}

function appCatalogUrl(value, origin) {
  if (value === undefined) return undefined;
  try {
    return siteUrl(value, origin);
  } catch {
    throw new UsageError(`--app-catalog はテナントのアプリ カタログのサイト URL にしてください: ${value} / --app-catalog must be the app catalog site's URL on ${origin}`);
  }
}

function principals(option, value) {
  if (value === undefined) return { users: [], groups: [] };
  const users = [];
  const groups = [];
  for (const raw of value.split(",")) {
    const e = raw.trim();
    if (!e) continue;
    if (/^group:/i.test(e) && e.slice(6).trim()) groups.push(e.slice(6).trim());
    else if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) users.push(e);
    else throw new UsageError(`--${option} の「${e}」は UPN（name@city.lg.jp）か group:<Entra グループ名> にしてください / --${option}: "${e}" is neither a UPN nor group:<Entra group name>`);
  }
  return { users, groups };
}

function localFile(option, given, fallback, ext) {
  const abs = resolve(given ?? join(root, fallback));
  if (!abs.toLowerCase().endsWith(ext)) throw new UsageError(`--${option} は ${ext} ファイルにしてください: ${given} / --${option} must be a ${ext} file`);
  return { abs, shown: given ?? relative(process.cwd(), abs) };
}

/** A value known only when the command before it has run; printed as <…> in a dry run. */
const later = (name, label) => ({ later: name, label });

export function plan(o) {
  if (o.help) return { help: true };
  const phase = o.phase ?? "install";
  if (!["install", "after-setup", "upgrade"].includes(phase)) throw new UsageError(`--phase は install, after-setup, upgrade のどれかです: ${phase} / --phase must be install, after-setup or upgrade`);
  if (!o.tenant) throw new UsageError("--tenant がありません（例: --tenant city） / --tenant is required (e.g. --tenant city)");
  if (!o.site) throw new UsageError("--site がありません（例: --site /sites/renkei） / --site is required (e.g. --site /sites/renkei)");
  const origin = tenantOrigin(o.tenant);
  const site = siteUrl(o.site, origin);
  const catalog = appCatalogUrl(o["app-catalog"], origin);
  const only = (names, ph) => {
    for (const n of names) if (o[n] !== undefined && phase !== ph) throw new UsageError(`--${n} は --phase ${ph} で使います / --${n} belongs to --phase ${ph}`);
  };
  only(["create-site", "site-title"], "install");
  only(["coordinators", "members", "visitors", "set-default"], "after-setup");
  if (phase === "after-setup") for (const n of ["package", "teams-zip", "skip-teams"]) if (o[n] !== undefined) throw new UsageError(`--${n} は after-setup では使いません / --${n} is not used by --phase after-setup`);

  const solution = JSON.parse(readFileSync(join(root, "config/package-solution.json"), "utf8"));
  const teamsManifest = JSON.parse(readFileSync(join(root, "teams/manifest.json"), "utf8"));
  const pkg = localFile("package", o.package, join("sharepoint", solution.paths.zippedPackage), ".sppkg");
  const zip = localFile("teams-zip", o["teams-zip"], "teams/TeamsSPFxApp.zip", ".zip");
  const steps = [];
  const say = (text) => steps.push({ note: text });
  const cmd = (args, doc, extra = {}) => steps.push({ args, doc, ...extra });

  if (phase === "install" || phase === "upgrade") {
    say(phase === "install" ? "1. アプリ カタログに追加し、全サイトに展開する / Add to the tenant app catalog and deploy tenant-wide" : "1. 新しい版でアプリ カタログのパッケージを置き換え、展開する / Replace the package in the app catalog and deploy it");
    cmd(["spo", "app", "add", "--filePath", pkg.shown, "--overwrite", ...(catalog ? ["--appCatalogUrl", catalog] : [])], "spo/app/app-add.mdx", { needsFile: pkg.abs });
    cmd(["spo", "app", "deploy", "--name", basename(pkg.abs), "--skipFeatureDeployment", ...(catalog ? ["--appCatalogUrl", catalog] : [])], "spo/app/app-deploy.mdx");
    const scopes = solution.solution.webApiPermissionRequests ?? [];
    say("API のアクセス許可の要求を承認する（グローバル管理者） / Approve the API permission requests (Global Administrator)");
    cmd(["spo", "serviceprincipal", "permissionrequest", "list", "--output", "json"], "spo/serviceprincipal/serviceprincipal-permissionrequest-list.mdx", { capture: "requests" });
    for (const r of scopes) {
      cmd(["spo", "serviceprincipal", "permissionrequest", "approve", "--id", later(`request:${r.resource}|${r.scope}`, `Id: ${r.resource} ${r.scope}`)], "spo/serviceprincipal/serviceprincipal-permissionrequest-approve.mdx", { request: r });
    }
    if (!o["skip-teams"]) {
      if (phase === "install") {
        say("部署ポータルの Teams アプリを組織のアプリ カタログに発行する / Publish the department portal's Teams app to the organization's catalog");
        cmd(["teams", "app", "publish", "--filePath", zip.shown], "teams/app/app-publish.mdx", { needsFile: zip.abs });
      } else {
        say("Teams アプリを新しい版に更新する / Update the Teams app");
        cmd(["teams", "app", "list", "--distributionMethod", "organization", "--output", "json"], "teams/app/app-list.mdx", { capture: "teamsApps" });
        cmd(["teams", "app", "update", "--id", later("teamsApp", `id of the app with externalId ${teamsManifest.id}`), "--filePath", zip.shown], "teams/app/app-update.mdx", { needsFile: zip.abs, teamsExternalId: teamsManifest.id });
      }
    }
  }
  if (phase === "install") {
    if (o["create-site"]) {
      say("協定サイトを作る（コミュニケーション サイト、日本語） / Create the partnership site (communication site, Japanese)");
      cmd(["spo", "site", "add", "--type", "CommunicationSite", "--url", site, "--title", o["site-title"] ?? "包括連携デスク", "--lcid", "1041", "--siteDesign", "Blank"], "spo/site/site-add.mdx");
    }
    say("Web パーツのページを作って発行する / Add a page per web part and publish it");
    for (const p of PAGES) {
      const id = JSON.parse(readFileSync(join(root, p.manifest), "utf8")).id;
      cmd(["spo", "page", "add", "--webUrl", site, "--name", p.name, "--title", p.title], "spo/page/page-add.mdx");
      cmd(["spo", "page", "clientsidewebpart", "add", "--webUrl", site, "--pageName", p.name, "--webPartId", id], "spo/page/page-clientsidewebpart-add.mdx");
      cmd(["spo", "page", "publish", "--webUrl", site, "--name", p.name], "spo/page/page-publish.mdx");
    }
    say("手作業 / By hand (docs/deploy.md): サイトの地域の設定（日本語（日本）、(UTC+09:00) 大阪、札幌、東京） / regional settings; Teams 管理センターのアプリのポリシー / Teams app policies;");
    say(`  ${site}/SitePages/agreements.aspx で「サイトの準備」→「準備を実行する」（サイトの所有者） / run site setup there as a site owner;`);
    say("  その後 --phase after-setup / then --phase after-setup");
  }
  if (phase === "upgrade") {
    say(`手作業 / By hand: ${site}/SitePages/agreements.aspx の「サイトの準備」で計画を確かめて実行する（サイトの所有者） / open site setup, read its plan and run it (a site owner)`);
  }
  if (phase === "after-setup") {
    const fills = Object.entries(GROUPS).map(([k, g]) => [g, principals(k, o[k])]).filter(([, p]) => p.users.length || p.groups.length);
    if (fills.length) say("製品のグループに人と Entra グループを入れる（サイトの所有者） / Fill the product's groups (a site owner)");
    for (const [group, p] of fills) {
      if (p.users.length) cmd(["spo", "group", "member", "add", "--webUrl", site, "--groupName", group, "--userNames", p.users.join(",")], "spo/group/group-member-add.mdx");
      if (p.groups.length) cmd(["spo", "group", "member", "add", "--webUrl", site, "--groupName", group, "--entraGroupNames", p.groups.join(",")], "spo/group/group-member-add.mdx");
    }
    if (o["set-default"]) {
      say("全社の既定の協定サイト（テナント プロパティ）を設定する（SharePoint 管理者） / Store the tenant-wide default site (SharePoint Administrator)");
      if (!catalog) cmd(["spo", "tenant", "appcatalogurl", "get", "--output", "json"], "spo/tenant/tenant-appcatalogurl-get.mdx", { capture: "catalog" });
      cmd(["spo", "storageentity", "set", "--appCatalogUrl", catalog ?? later("catalog", "tenant app catalog URL"), "--key", TENANT_SITE_URL_KEY, "--value", site, "--description", "包括連携デスクの協定サイト (Partnership Desk site)"], "spo/storageentity/storageentity-set.mdx");
    }
    if (!fills.length && !o["set-default"]) say("（--coordinators/--members/--visitors も --set-default もないので、するコマンドはありません / nothing to do without --coordinators, --members, --visitors or --set-default）");
    say("部署のグループ（Partnership Desk Dept <UnitCode>）も同じコマンドで埋められます: docs/deploy.md / departments' groups: same command, see docs/deploy.md");
  }
  return { phase, steps, run: Boolean(o.run) };
}

const SAFE = /^[A-Za-z0-9_\-./:=@,+%]+$/;
export function shellQuote(s) {
  return SAFE.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function render(step) {
  return ["m365", ...step.args.map((a) => (typeof a === "string" ? shellQuote(a) : `<${a.label}>`))].join(" ");
}

function runM365(args, capture) {
  const r = spawnSync("m365", args, { stdio: capture ? ["inherit", "pipe", "inherit"] : "inherit", encoding: "utf8" });
  if (r.error && r.error.code === "ENOENT") throw new Error("m365 が見つかりません: npm install -g @pnp/cli-microsoft365、m365 setup、m365 login の後に実行してください / m365 not found: install @pnp/cli-microsoft365, run m365 setup and m365 login first");
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`m365 ${args.join(" ")} が失敗しました（終了コード ${r.status}） / failed with exit code ${r.status}`);
  return r.stdout;
}

function execute(steps) {
  const known = {};
  for (const step of steps) {
    if (step.note) {
      console.log(`# ${step.note}`);
      continue;
    }
    if (step.needsFile && !existsSync(step.needsFile)) throw new Error(`ファイルがありません: ${step.needsFile}（npm run package で作ります） / missing file (npm run package builds it)`);
    if (step.request) {
      const key = `${step.request.resource}|${step.request.scope}`;
      const ids = (known.requests ?? []).filter((x) => x.Resource === step.request.resource && String(x.Scope).split(/\s+/).includes(step.request.scope)).map((x) => x.Id);
      if (!ids.length) {
        console.log(`# ${key}: 承認待ちの要求はありません（承認済みか、まだ展開されていません） / no pending request (already approved, or the package is not deployed)`);
        continue;
      }
      for (const id of ids) {
        const args = step.args.map((a) => (typeof a === "string" ? a : id));
        console.log(`$ ${render({ args })}`);
        runM365(args, false);
      }
      continue;
    }
    const args = step.args.map((a) => {
      if (typeof a === "string") return a;
      if (a.later === "teamsApp") {
        const app = (known.teamsApps ?? []).find((x) => x.externalId === step.teamsExternalId);
        if (!app) throw new Error(`Teams アプリ（externalId ${step.teamsExternalId}）が組織のカタログにありません: --phase install で発行してください / the Teams app is not in the organization's catalog: publish it with --phase install`);
        return app.id;
      }
      if (a.later === "catalog") {
        if (typeof known.catalog !== "string" || !known.catalog) throw new Error("テナント アプリ カタログが見つかりません: --app-catalog で指定してください / no tenant app catalog found: give --app-catalog");
        return known.catalog;
      }
      throw new Error(`unknown value ${a.later}`);
    });
    console.log(`$ ${render({ args })}`);
    const out = runM365(args, Boolean(step.capture));
    if (step.capture) {
      try {
        known[step.capture] = JSON.parse(out);
      } catch {
        throw new Error(`m365 ${args.join(" ")} の出力を JSON として読めません / could not read its output as JSON`);
      }
    }
  }
}

export function main(argv) {
  let p;
  try {
    p = plan(parseArgs(argv));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (p.help) {
    console.log(USAGE);
    return 0;
  }
  if (!p.run) {
    console.log(`# 包括連携デスク: ${p.phase} — 表示のみ（--run で実行） / dry run (--run runs these). Docs: pnp/cli-microsoft365 docs/docs/cmd/<page>`);
    console.log("# 前提 / Before: npm install -g @pnp/cli-microsoft365; m365 setup; m365 login");
    for (const s of p.steps) console.log(s.note ? `# ${s.note}` : `${render(s)}    # ${s.doc}`);
    return 0;
  }
  try {
    execute(p.steps);
  } catch (e) {
    console.error(`中断しました / Stopped: ${e.message}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
