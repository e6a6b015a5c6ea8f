import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Issue 32, point 1: sharepoint/deploy.mjs prints (dry run) or runs (--run) the CLI for Microsoft 365
 * commands of docs/deploy.md. The dry run is checked command by command; every option it uses must be
 * one the command's page documents (pnp/cli-microsoft365 docs/docs/cmd/…, read at commit db0361d,
 * 2026-08-21: the table below is copied from those pages' "Options" and the global options); --run is
 * checked against a stand-in `m365` on PATH that records its arguments and answers the list commands.
 */
const root = path.resolve(__dirname, "../..");
const script = path.join(root, "sharepoint/deploy.mjs");

function deploy(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: "utf8", env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** The commands of a dry run, without their "# <doc page>" comment. */
const commands = (stdout: string) => stdout.split("\n").filter((l) => l.startsWith("m365 ")).map((l) => l.replace(/ {4}# \S+$/, ""));

const GLOBAL = ["--query", "--output", "--verbose", "--debug", "--help"];
const DOCUMENTED: Record<string, { page: string; options: string[] }> = {
  "spo app add": { page: "spo/app/app-add.mdx", options: ["--filePath", "--overwrite", "--appCatalogScope", "--appCatalogUrl"] },
  "spo app deploy": { page: "spo/app/app-deploy.mdx", options: ["--id", "--name", "--appCatalogUrl", "--skipFeatureDeployment", "--appCatalogScope"] },
  "spo serviceprincipal permissionrequest list": { page: "spo/serviceprincipal/serviceprincipal-permissionrequest-list.mdx", options: [] },
  "spo serviceprincipal permissionrequest approve": { page: "spo/serviceprincipal/serviceprincipal-permissionrequest-approve.mdx", options: ["--id", "--all", "--resource"] },
  "teams app publish": { page: "teams/app/app-publish.mdx", options: ["--filePath"] },
  "teams app list": { page: "teams/app/app-list.mdx", options: ["--distributionMethod"] },
  "teams app update": { page: "teams/app/app-update.mdx", options: ["--id", "--name", "--filePath"] },
  "spo site add": {
    page: "spo/site/site-add.mdx",
    options: ["--type", "--title", "--alias", "--url", "--timeZone", "--description", "--lcid", "--owners", "--isPublic", "--classification", "--siteDesign", "--siteDesignId", "--shareByEmailEnabled", "--webTemplate", "--resourceQuota", "--resourceQuotaWarningLevel", "--storageQuota", "--storageQuotaWarningLevel", "--removeDeletedSite", "--withAppCatalog", "--wait", "--force"],
  },
  "spo page add": { page: "spo/page/page-add.mdx", options: ["--name", "--webUrl", "--title", "--layoutType", "--promoteAs", "--commentsEnabled", "--publish", "--publishMessage", "--description"] },
  "spo page clientsidewebpart add": { page: "spo/page/page-clientsidewebpart-add.mdx", options: ["--webUrl", "--pageName", "--standardWebPart", "--webPartId", "--webPartProperties", "--webPartData", "--section", "--column", "--order", "--verticalSection"] },
  "spo page publish": { page: "spo/page/page-publish.mdx", options: ["--webUrl", "--name"] },
  "spo group member add": { page: "spo/group/group-member-add.mdx", options: ["--webUrl", "--groupId", "--groupName", "--userNames", "--emails", "--userIds", "--entraGroupIds", "--entraGroupNames"] },
  "spo tenant appcatalogurl get": { page: "spo/tenant/tenant-appcatalogurl-get.mdx", options: [] },
  "spo storageentity set": { page: "spo/storageentity/storageentity-set.mdx", options: ["--appCatalogUrl", "--key", "--value", "--description", "--comment"] },
};

/** Which documented command a printed line is, and the options it uses. */
function parse(line: string): { command: string; options: string[] } {
  const command = Object.keys(DOCUMENTED).find((c) => line.startsWith(`m365 ${c} `) || line === `m365 ${c}`);
  if (!command) throw new Error(`not a documented command: ${line}`);
  return { command, options: line.match(/(?<=\s)--[A-Za-z]+/g) ?? [] };
}

const SITE = "https://city.sharepoint.com/sites/renkei";

describe("sharepoint/deploy.mjs — dry run (the default)", () => {
  test("install: the exact commands, in order, for a tenant and a new site", () => {
    const r = deploy(["--tenant", "city", "--site", "/sites/renkei", "--create-site"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(commands(r.stdout)).toEqual([
      "m365 spo app add --filePath sharepoint/solution/partnership-desk.sppkg --overwrite",
      "m365 spo app deploy --name partnership-desk.sppkg --skipFeatureDeployment",
      "m365 spo serviceprincipal permissionrequest list --output json",
      "m365 spo serviceprincipal permissionrequest approve --id <Id: Microsoft Graph ChannelMessage.Send>",
      "m365 spo serviceprincipal permissionrequest approve --id <Id: Microsoft Graph Team.ReadBasic.All>",
      "m365 spo serviceprincipal permissionrequest approve --id <Id: Microsoft Graph Channel.ReadBasic.All>",
      "m365 teams app publish --filePath teams/TeamsSPFxApp.zip",
      `m365 spo site add --type CommunicationSite --url ${SITE} --title '包括連携デスク' --lcid 1041 --siteDesign Blank`,
      `m365 spo page add --webUrl ${SITE} --name agreements.aspx --title '協定管理'`,
      `m365 spo page clientsidewebpart add --webUrl ${SITE} --pageName agreements.aspx --webPartId fbc569c9-209f-4bec-b708-b72342d33e77`,
      `m365 spo page publish --webUrl ${SITE} --name agreements.aspx`,
      `m365 spo page add --webUrl ${SITE} --name yearly-cycle.aspx --title '年度の連携'`,
      `m365 spo page clientsidewebpart add --webUrl ${SITE} --pageName yearly-cycle.aspx --webPartId 1293594f-bbd9-4910-a26d-d6ef042bb5eb`,
      `m365 spo page publish --webUrl ${SITE} --name yearly-cycle.aspx`,
      `m365 spo page add --webUrl ${SITE} --name results.aspx --title '実績報告'`,
      `m365 spo page clientsidewebpart add --webUrl ${SITE} --pageName results.aspx --webPartId 106fd215-1fca-4236-ba32-d10fea1eaf6a`,
      `m365 spo page publish --webUrl ${SITE} --name results.aspx`,
      `m365 spo page add --webUrl ${SITE} --name department-portal.aspx --title '部署ポータル'`,
      `m365 spo page clientsidewebpart add --webUrl ${SITE} --pageName department-portal.aspx --webPartId d0902aaa-5799-4eac-bd91-9a0a2dfd0f3a`,
      `m365 spo page publish --webUrl ${SITE} --name department-portal.aspx`,
    ]);
    // What no command does is said, not skipped silently.
    expect(r.stdout).toContain("(UTC+09:00) 大阪、札幌、東京");
    expect(r.stdout).toContain("サイトの準備");
  });

  test("the permission requests approved are exactly the package's webApiPermissionRequests", () => {
    const solution = JSON.parse(fs.readFileSync(path.join(root, "config/package-solution.json"), "utf8"));
    const wanted = solution.solution.webApiPermissionRequests.map((r: { resource: string; scope: string }) => `<Id: ${r.resource} ${r.scope}>`);
    const approvals = commands(deploy(["--tenant", "city", "--site", "/sites/renkei"]).stdout).filter((c) => c.includes("permissionrequest approve"));
    expect(approvals.map((c) => c.replace(/^.*--id /, ""))).toEqual(wanted);
  });

  test("the web part ids are the ones in the web parts' manifests", () => {
    const ids = commands(deploy(["--tenant", "city", "--site", "/sites/renkei"]).stdout).flatMap((c) => c.match(/--webPartId (\S+)/)?.slice(1) ?? []);
    const manifests = ["agreements/AgreementsWebPart", "annualCycle/AnnualCycleWebPart", "results/ResultsWebPart", "departmentPortal/DepartmentPortalWebPart"].map(
      (m) => JSON.parse(fs.readFileSync(path.join(root, `src/webparts/${m}.manifest.json`), "utf8")).id,
    );
    expect(ids).toEqual(manifests);
  });

  test("without --create-site the site is not created; --skip-teams leaves the Teams app to Sync to Teams; --app-catalog is passed on", () => {
    const lines = commands(deploy(["--tenant", "city.sharepoint.com", "--site", `${SITE}/`, "--skip-teams", "--app-catalog", "https://city.sharepoint.com/sites/appcatalog"]).stdout);
    expect(lines.some((l) => l.startsWith("m365 spo site add"))).toBe(false);
    expect(lines.some((l) => l.startsWith("m365 teams "))).toBe(false);
    expect(lines.slice(0, 2)).toEqual([
      "m365 spo app add --filePath sharepoint/solution/partnership-desk.sppkg --overwrite --appCatalogUrl https://city.sharepoint.com/sites/appcatalog",
      "m365 spo app deploy --name partnership-desk.sppkg --skipFeatureDeployment --appCatalogUrl https://city.sharepoint.com/sites/appcatalog",
    ]);
  });

  test("after-setup: groups filled with people and Entra groups, and the tenant-wide default site", () => {
    const r = deploy(["--phase", "after-setup", "--tenant", "city", "--site", "/sites/renkei", "--coordinators", "hanako@city.lg.jp, jiro@city.lg.jp,group:未来創造課", "--visitors", "group:全職員", "--set-default"]);
    expect(r.status).toBe(0);
    expect(commands(r.stdout)).toEqual([
      `m365 spo group member add --webUrl ${SITE} --groupName 'Partnership Desk Coordinators' --userNames hanako@city.lg.jp,jiro@city.lg.jp`,
      `m365 spo group member add --webUrl ${SITE} --groupName 'Partnership Desk Coordinators' --entraGroupNames '未来創造課'`,
      `m365 spo group member add --webUrl ${SITE} --groupName 'Partnership Desk Visitors' --entraGroupNames '全職員'`,
      "m365 spo tenant appcatalogurl get --output json",
      `m365 spo storageentity set --appCatalogUrl <tenant app catalog URL> --key PartnershipDesk.SiteUrl --value ${SITE} --description '包括連携デスクの協定サイト (Partnership Desk site)'`,
    ]);
  });

  test("upgrade: the package replaced and deployed, new permission requests approved, the Teams app updated; setup's plan left to the owner", () => {
    const r = deploy(["--phase", "upgrade", "--tenant", "city", "--site", "/sites/renkei", "--package", "release/partnership-desk-0.3.sppkg"]);
    expect(r.status).toBe(0);
    const lines = commands(r.stdout);
    expect(lines[0]).toBe("m365 spo app add --filePath release/partnership-desk-0.3.sppkg --overwrite");
    expect(lines[1]).toBe("m365 spo app deploy --name partnership-desk-0.3.sppkg --skipFeatureDeployment");
    expect(lines.slice(-2)).toEqual([
      "m365 teams app list --distributionMethod organization --output json",
      "m365 teams app update --id <id of the app with externalId d0902aaa-5799-4eac-bd91-9a0a2dfd0f3a> --filePath teams/TeamsSPFxApp.zip",
    ]);
    expect(lines.some((l) => l.includes(" page ") || l.includes("site add"))).toBe(false);
    expect(r.stdout).toContain("サイトの準備");
  });

  test("every command printed is one whose page we read, with only options that page documents; docs/deploy.md cites each page", () => {
    const runs = [
      ["--tenant", "city", "--site", "/sites/renkei", "--create-site", "--app-catalog", "/sites/appcatalog"],
      ["--phase", "after-setup", "--tenant", "city", "--site", "/sites/renkei", "--members", "a@city.lg.jp,group:職員", "--set-default"],
      ["--phase", "upgrade", "--tenant", "city", "--site", "/sites/renkei"],
    ];
    const guide = fs.readFileSync(path.join(root, "docs/deploy.md"), "utf8");
    const used = new Set<string>();
    for (const args of runs) {
      for (const line of commands(deploy(args).stdout)) {
        const { command, options } = parse(line);
        used.add(command);
        for (const o of options) expect([command, o, [...DOCUMENTED[command].options, ...GLOBAL].includes(o)]).toEqual([command, o, true]);
        expect(guide).toContain(`docs/docs/cmd/${DOCUMENTED[command].page}`);
      }
    }
    expect([...used].sort()).toEqual(Object.keys(DOCUMENTED).sort());
  });
});

describe("sharepoint/deploy.mjs — refuses what it cannot use, with a clear message", () => {
  test.each([
    [[], "--tenant がありません"],
    [["--tenant", "city"], "--site がありません"],
    [["--tenant", "city.example.com", "--site", "/sites/renkei"], "--tenant が不正です"],
    [["--tenant", "city", "--site", "https://other.sharepoint.com/sites/renkei"], "--site はテナント https://city.sharepoint.com のサイトにしてください"],
    [["--tenant", "city", "--site", "/SitePages/Home.aspx"], "--site はサイトの URL にしてください"],
    [["--tenant", "city", "--site", "/sites/renkei", "--phase", "deploy"], "--phase は install, after-setup, upgrade のどれか"],
    [["--tenant", "city", "--site", "/sites/renkei", "--package", "partnership-desk.zip"], "--package は .sppkg ファイルにしてください"],
    [["--tenant", "city", "--site", "/sites/renkei", "--teams-zip", "teams/manifest.json"], "--teams-zip は .zip ファイルにしてください"],
    [["--tenant", "city", "--site", "/sites/renkei", "--sites", "x"], "知らないオプションです: --sites"],
    [["--tenant", "city", "--site"], "--site に値がありません"],
    [["--tenant", "city", "--tenant", "town", "--site", "/sites/renkei"], "--tenant が二度あります"],
    [["--tenant", "city", "--site", "/sites/renkei", "--set-default"], "--set-default は --phase after-setup で使います"],
    [["--phase", "after-setup", "--tenant", "city", "--site", "/sites/renkei", "--coordinators", "hanako"], "--coordinators の「hanako」は UPN"],
    [["--phase", "after-setup", "--tenant", "city", "--site", "/sites/renkei", "--package", "a.sppkg"], "--package は after-setup では使いません"],
    [["--tenant", "city", "--site", "/sites/renkei", "--app-catalog", "https://evil.example/sites/apps"], "--app-catalog はテナントのアプリ カタログ"],
    [["city", "/sites/renkei"], "引数が不正です: city"],
  ])("%j", (args, message) => {
    const r = deploy(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("Usage:");
    expect(r.stdout).toBe("");
  });

  test("--help prints the usage and succeeds", () => {
    const r = deploy(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--teams-zip");
  });
});

describe("sharepoint/deploy.mjs --run (against a stand-in m365 on PATH)", () => {
  let dir: string;
  let log: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-m365-"));
    log = path.join(dir, "calls.jsonl");
    // Answers the two list commands as their documented JSON responses do; records every call.
    const fake = `#!${process.execPath}
const fs = require("fs");
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + "\\n");
const cmd = args.slice(0, 4).join(" ");
if (cmd === "spo serviceprincipal permissionrequest list") console.log(JSON.stringify([
  { Id: "11111111-1111-1111-1111-111111111111", Resource: "Microsoft Graph", ResourceId: "Microsoft Graph", Scope: "ChannelMessage.Send" },
  { Id: "22222222-2222-2222-2222-222222222222", Resource: "Microsoft Graph", ResourceId: "Microsoft Graph", Scope: "Mail.Send" },
  { Id: "33333333-3333-3333-3333-333333333333", Resource: "Microsoft Graph", ResourceId: "Microsoft Graph", Scope: "Channel.ReadBasic.All" },
]));
else if (args.slice(0, 3).join(" ") === "teams app list") console.log(JSON.stringify([
  { id: "aaaaaaaa-0000-0000-0000-000000000000", externalId: "someone-else", displayName: "Other", distributionMethod: "organization" },
  { id: "bbbbbbbb-0000-0000-0000-000000000000", externalId: "d0902aaa-5799-4eac-bd91-9a0a2dfd0f3a", displayName: "部署ポータル", distributionMethod: "organization" },
]));
else if (args.slice(0, 4).join(" ") === "spo tenant appcatalogurl get") console.log(JSON.stringify("https://city.sharepoint.com/sites/apps"));
if (args.includes("--fail-here")) process.exit(1);
`;
    fs.writeFileSync(path.join(dir, "m365"), fake, { mode: 0o755 });
    env = { ...process.env, PATH: `${dir}${path.delimiter}${process.env.PATH}` };
    fs.mkdirSync(path.join(dir, "pkg"));
    fs.writeFileSync(path.join(dir, "pkg/partnership-desk.sppkg"), "");
    fs.writeFileSync(path.join(dir, "pkg/TeamsSPFxApp.zip"), "");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const calls = () => fs.readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l) as string[]);
  beforeEach(() => fs.rmSync(log, { force: true }));

  test("upgrade: approves only the pending requests for the package's scopes, and updates the Teams app found by its manifest id", () => {
    const r = deploy(["--phase", "upgrade", "--tenant", "city", "--site", "/sites/renkei", "--package", path.join(dir, "pkg/partnership-desk.sppkg"), "--teams-zip", path.join(dir, "pkg/TeamsSPFxApp.zip"), "--run"], env);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(calls()).toEqual([
      ["spo", "app", "add", "--filePath", path.join(dir, "pkg/partnership-desk.sppkg"), "--overwrite"],
      ["spo", "app", "deploy", "--name", "partnership-desk.sppkg", "--skipFeatureDeployment"],
      ["spo", "serviceprincipal", "permissionrequest", "list", "--output", "json"],
      ["spo", "serviceprincipal", "permissionrequest", "approve", "--id", "11111111-1111-1111-1111-111111111111"],
      ["spo", "serviceprincipal", "permissionrequest", "approve", "--id", "33333333-3333-3333-3333-333333333333"],
      ["teams", "app", "list", "--distributionMethod", "organization", "--output", "json"],
      ["teams", "app", "update", "--id", "bbbbbbbb-0000-0000-0000-000000000000", "--filePath", path.join(dir, "pkg/TeamsSPFxApp.zip")],
    ]);
    expect(r.stdout).toContain("Microsoft Graph|Team.ReadBasic.All: 承認待ちの要求はありません");
  });

  test("after-setup: the tenant app catalog's URL comes from the CLI when not given", () => {
    const r = deploy(["--phase", "after-setup", "--tenant", "city", "--site", "/sites/renkei", "--set-default", "--run"], env);
    expect(r.status).toBe(0);
    expect(calls()).toEqual([
      ["spo", "tenant", "appcatalogurl", "get", "--output", "json"],
      ["spo", "storageentity", "set", "--appCatalogUrl", "https://city.sharepoint.com/sites/apps", "--key", "PartnershipDesk.SiteUrl", "--value", SITE, "--description", "包括連携デスクの協定サイト (Partnership Desk site)"],
    ]);
  });

  test("a missing package stops before anything runs; a missing m365 is named", () => {
    const r = deploy(["--tenant", "city", "--site", "/sites/renkei", "--package", path.join(dir, "nothing.sppkg"), "--run"], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("ファイルがありません");
    expect(fs.existsSync(log)).toBe(false);
    const none = deploy(["--phase", "after-setup", "--tenant", "city", "--site", "/sites/renkei", "--set-default", "--run"], { ...process.env, PATH: dir + "-nowhere" });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("m365 が見つかりません");
  });
});
