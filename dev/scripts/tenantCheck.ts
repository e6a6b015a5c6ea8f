import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/items";
import "@pnp/sp/fields";
import "@pnp/sp/folders";
import "@pnp/sp/attachments";
import "@pnp/sp/security";
import "@pnp/sp/regional-settings/web";
import "@pnp/sp/batching";
import { spForUrl } from "../../src/data/sp/spForUrl";
import { SiteSetup } from "../../src/data/setup/SiteSetup";
import { missingSetupRights, PermissionMask } from "../../src/data/setup/setupRights";
import { normalizeSiteUrl, tenantDefaultSiteUrl } from "../../src/data/hosting";

/**
 * The tenant check (`npm run tenant-check -- --site <url>`): what an admin runs on a real test
 * site before staff depend on the product. Reads only, except with `--scratch`, where it probes
 * the behaviours docs/sharepoint-calls.md marks as risky in a list of its own, which it deletes.
 * Every line is in Japanese, then English.
 */

export interface TenantCheckOptions {
  site: string;
  /** SharePoint bearer token (PD_SP_TOKEN). */
  spToken?: string;
  /** Graph bearer token (PD_GRAPH_TOKEN). */
  graphToken?: string;
  /** Local backend only: the X-PD-User header instead of a token. */
  localUser?: string;
  /** Graph's base URL; https://graph.microsoft.com, or the local backend's /graph. */
  graphBase?: string;
  scratch?: boolean;
}

export type Status = "OK" | "NG" | "WARN" | "INFO";
export interface ReportLine {
  status: Status;
  key: string;
  ja: string;
  en: string;
}

export interface TenantCheckReport {
  lines: ReportLine[];
  ok: boolean;
}

const mark: Record<Status, string> = { OK: "[OK]  ", NG: "[NG]  ", WARN: "[注意]", INFO: "[情報]" };
export const formatLine = (l: ReportLine): string => `${mark[l.status]} ${l.ja}\n       ${l.en}`;

export function parseArgs(argv: string[], env: Record<string, string | undefined>): TenantCheckOptions | { error: string } {
  const o: TenantCheckOptions = { site: "", spToken: env.PD_SP_TOKEN, graphToken: env.PD_GRAPH_TOKEN };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--site") o.site = argv[++i] ?? "";
    else if (a === "--scratch") o.scratch = true;
    else if (a === "--local-user") o.localUser = argv[++i];
    else if (a === "--graph-url") o.graphBase = argv[++i];
    else return { error: `Unknown option ${a}` };
  }
  if (!o.site) return { error: "--site <url> is required / --site <サイトのURL> を指定してください" };
  if (!o.spToken && !o.localUser) return { error: "Set PD_SP_TOKEN (m365 util accesstoken get --resource https://<tenant>.sharepoint.com) / 環境変数 PD_SP_TOKEN にアクセストークンを設定してください" };
  return o;
}

/** "HTTP 500 -2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException: …" from a PnPjs error (its text after "::> " is SharePoint's JSON). */
export function errText(e: unknown): string {
  const x = e as { status?: number; message?: string };
  const text = String(x.message ?? e);
  let detail = text.split("\n")[0];
  const i = text.indexOf("::> ");
  if (i >= 0) {
    try {
      const body = JSON.parse(text.slice(i + 4)) as Record<string, { code?: string; message?: { value?: string } | string }>;
      const err = body["odata.error"] ?? body.error;
      if (err) detail = `${err.code ?? ""}: ${typeof err.message === "string" ? err.message : (err.message?.value ?? "")}`;
    } catch {
      detail = text.slice(i + 4);
    }
  }
  return `${x.status ? `HTTP ${x.status} ` : ""}${detail.slice(0, 240)}`;
}

function statusOf(e: unknown): number | undefined {
  return (e as { status?: number }).status;
}

export async function runTenantCheck(opts: TenantCheckOptions): Promise<TenantCheckReport> {
  const lines: ReportLine[] = [];
  const add = (status: Status, key: string, ja: string, en: string): void => {
    lines.push({ status, key, ja, en });
  };
  const local = !!opts.localUser;
  const n = normalizeSiteUrl(opts.site, local);
  if ("problem" in n) {
    add("NG", "site", `サイトの URL が正しくありません (${n.problem}): ${opts.site}`, `The site URL is not valid (${n.problem}): ${opts.site}`);
    return { lines, ok: false };
  }
  const siteUrl = n.url;
  const headers: Record<string, string> = local ? { "X-PD-User": String(opts.localUser) } : { Authorization: `Bearer ${opts.spToken}` };
  const sp = spForUrl(siteUrl, headers);

  // 1. The site.
  try {
    const web = (await sp.web.select("Title", "Url", "Language")()) as { Title: string; Url: string; Language?: number };
    add("OK", "site", `サイトに接続できます: ${web.Title} (${siteUrl})`, `The site is reachable: ${web.Title} (${siteUrl})`);
  } catch (e) {
    const s = statusOf(e);
    const why = s === 404 ? ["サイトがありません", "no such site"] : s === 401 || s === 403 ? ["アクセスが拒否されました (トークンまたは権限)", "access denied (token or permissions)"] : ["接続できません", "unreachable"];
    add("NG", "site", `サイトに接続できません — ${why[0]}: ${errText(e)}`, `The site cannot be reached — ${why[1]}: ${errText(e)}`);
    return { lines, ok: false };
  }

  // 2. Regional settings.
  try {
    const rs = (await sp.web.regionalSettings.select("LocaleId")()) as { LocaleId: number };
    const tz = (await sp.web.regionalSettings.timeZone()) as { Id: number; Description: string };
    const ja = rs.LocaleId === 1041;
    add(ja ? "OK" : "WARN", "regional", `地域の設定: ロケール ${rs.LocaleId}${ja ? " (日本語)" : " (日本語 1041 ではありません: 日付の入力形式が変わります)"}、タイムゾーン ${tz.Id} ${tz.Description}`, `Regional settings: locale ${rs.LocaleId}${ja ? " (Japanese)" : " (not Japanese 1041: date entry formats differ)"}, time zone ${tz.Id} ${tz.Description}`);
  } catch (e) {
    add("WARN", "regional", `地域の設定を読めません: ${errText(e)}`, `Cannot read the regional settings: ${errText(e)}`);
  }

  // 3. Effective permissions and setup rights.
  try {
    const mask = (await sp.web.getCurrentUserEffectivePermissions()) as PermissionMask;
    const missing = missingSetupRights(mask, sp.web);
    add(
      missing.length ? "WARN" : "OK",
      "rights",
      `あなたの実効権限: High=${mask.High} Low=${mask.Low} — サイトの準備を${missing.length ? `実行できません (不足: ${missing.join(", ")})` : "実行できます"}`,
      `Your effective permissions: High=${mask.High} Low=${mask.Low} — ${missing.length ? `you may not run site setup (missing PermissionKind ${missing.join(", ")})` : "you may run site setup"}`,
    );
  } catch (e) {
    add("NG", "rights", `実効権限を読めません: ${errText(e)}`, `Cannot read your effective permissions: ${errText(e)}`);
  }

  // 4. Setup status and plan (read-only).
  const check = await SiteSetup.check(sp, siteUrl);
  add(
    check.ok ? (check.reason === "needsUpgrade" ? "WARN" : "OK") : "WARN",
    "setup",
    check.ok ? `サイトの準備: 済み (サイト ${check.siteVersion} / 製品 ${check.appVersion})` : `サイトの準備: ${check.reason === "notSetUp" ? "まだです" : check.reason}`,
    check.ok ? `Site setup: done (site ${check.siteVersion} / product ${check.appVersion})` : `Site setup: ${check.reason === "notSetUp" ? "not run yet" : check.reason}`,
  );
  try {
    const plan = await new SiteSetup(sp, siteUrl).plan();
    const kinds = new Map<string, number>();
    for (const s of plan.steps) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    const summary = [...kinds].map(([k, c]) => `${k}×${c}`).join(", ") || "-";
    add(
      plan.upToDate ? "OK" : "INFO",
      "plan",
      `準備の計画: ${plan.upToDate ? "変更なし" : `${plan.steps.length} 手順`} (${summary})`,
      `Setup plan: ${plan.upToDate ? "nothing to do" : `${plan.steps.length} steps`} (${summary})`,
    );
  } catch (e) {
    add("WARN", "plan", `準備の計画を読めません: ${errText(e)}`, `Cannot read setup's plan: ${errText(e)}`);
  }

  // 5. The tenant default site URL (a tenant property; hosting.ts).
  const def = await tenantDefaultSiteUrl(sp);
  add("INFO", "tenantDefault", `テナント既定のサイト: ${def ?? "未設定"}`, `Tenant default site: ${def ?? "not set"}`);

  // 6. Graph.
  if (opts.graphToken || local) {
    await graphReach(opts, local, siteUrl, add);
  } else {
    add("INFO", "graph", "Graph: PD_GRAPH_TOKEN がないため確認しません", "Graph: not checked (no PD_GRAPH_TOKEN)");
  }

  // 7. Scratch probes.
  if (opts.scratch) await scratchProbes(sp, siteUrl, add);
  else add("INFO", "scratch", "一時リストでの確認: --scratch がないため行いません", "Probes in a scratch list: not run (no --scratch)");

  return { lines, ok: !lines.some((l) => l.status === "NG") };
}

async function graphReach(opts: TenantCheckOptions, local: boolean, siteUrl: string, add: (s: Status, k: string, ja: string, en: string) => void): Promise<void> {
  const base = (opts.graphBase ?? (local ? new URL(siteUrl).origin + "/graph" : "https://graph.microsoft.com")).replace(/\/+$/, "");
  const headers: Record<string, string> = local ? { "X-PD-User": String(opts.localUser), accept: "application/json" } : { Authorization: `Bearer ${opts.graphToken}`, accept: "application/json" };
  try {
    const r = await fetch(`${base}/v1.0/me/joinedTeams`, { headers });
    if (!r.ok) throw Object.assign(new Error(await r.text()), { status: r.status });
    const teams = ((await r.json()) as { value?: { id: string; displayName: string }[] }).value ?? [];
    add("OK", "graph", `Graph: 参加しているチーム ${teams.length} 件`, `Graph: ${teams.length} joined team(s)`);
    if (teams[0]) {
      const c = await fetch(`${base}/v1.0/teams/${encodeURIComponent(teams[0].id)}/channels`, { headers });
      if (!c.ok) throw Object.assign(new Error(await c.text()), { status: c.status });
      const channels = ((await c.json()) as { value?: unknown[] }).value ?? [];
      add("OK", "graphChannels", `Graph: チーム「${teams[0].displayName}」のチャネル ${channels.length} 件`, `Graph: ${channels.length} channel(s) in team "${teams[0].displayName}"`);
    }
  } catch (e) {
    add("NG", "graph", `Graph に接続できません: ${errText(e)}`, `Graph is not reachable: ${errText(e)}`);
  }
}

/**
 * Probes in a list created for the purpose and deleted at the end (docs/sharepoint-calls.md,
 * "Risky or unknown behaviours"). Each probe reports what this site does, not what we expect.
 */
async function scratchProbes(sp: SPFI, siteUrl: string, add: (s: Status, k: string, ja: string, en: string) => void): Promise<void> {
  const sitePath = new URL(siteUrl).pathname.replace(/\/+$/, "");
  const title = `PDTenantCheck${Date.now()}`;
  const root = `${sitePath}/Lists/${title}`;
  try {
    await sp.web.lists.add(title, "Partnership Desk tenant check (temporary) / 包括連携デスクの確認用 (一時)", 100, false);
  } catch (e) {
    add("NG", "scratch", `一時リストを作れません: ${errText(e)}`, `Cannot create the scratch list: ${errText(e)}`);
    return;
  }
  add("OK", "scratch", `一時リスト ${title} を作りました`, `Created the scratch list ${title}`);
  const list = sp.web.lists.getByTitle(title);
  const probe = async (key: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      add("WARN", key, `確認できませんでした: ${errText(e)}`, `Could not probe: ${errText(e)}`);
    }
  };
  const itemIdOf = async (folder: string): Promise<number | undefined> => ((await sp.web.getFolderByServerRelativePath(`${root}/${folder}`).listItemAllFields.select("Id")()) as { Id?: number }).Id;
  try {
    await probe("folderWithItem", async () => {
      await sp.web.getFolderByServerRelativePath(root).addSubFolderUsingPath("withItem");
      const id = await itemIdOf("withItem");
      add(id ? "OK" : "NG", "folderWithItem", `AddSubFolderUsingPath のフォルダー: リストアイテム${id ? "あり" : "なし (製品の部署フォルダーが作れません)"}`, `Folder from AddSubFolderUsingPath: ${id ? "has a list item" : "has NO list item (the product's department folders would fail)"}`);
    });
    await probe("folderNoItem", async () => {
      await list.rootFolder.folders.addUsingPath("noItem");
      const id = await itemIdOf("noItem");
      add("INFO", "folderNoItem", `rootFolder.folders.addUsingPath のフォルダー: リストアイテム${id ? "あり (報告と異なります)" : "なし (報告どおり)"}`, `Folder from rootFolder.folders.addUsingPath: ${id ? "has a list item (differs from reports)" : "no list item (as reported)"}`);
    });
    await probe("batch101", async () => {
      const [batched, execute] = sp.batched({ maxRequests: 101 });
      for (let i = 0; i < 101; i++) batched.web.select("Title")().catch(() => undefined);
      let refused: unknown = null;
      try {
        await execute();
      } catch (e) {
        refused = e;
      }
      add(refused ? "OK" : "WARN", "batch101", refused ? `101 件の $batch は拒否されます (${errText(refused)})` : "101 件の $batch が受け付けられました (上限 100 の報告と異なります)", refused ? `A $batch of 101 requests is refused (${errText(refused)})` : "A $batch of 101 requests was accepted (differs from the reported limit of 100)");
    });
    await probe("unique", async () => {
      await list.fields.createFieldAsXml(`<Field Type="Text" Name="ProbeKey" StaticName="ProbeKey" DisplayName="ProbeKey" Indexed="TRUE" EnforceUniqueValues="TRUE" />`);
      await list.items.add({ Title: "a", ProbeKey: "same" });
      let refused: unknown = null;
      try {
        await list.items.add({ Title: "b", ProbeKey: "same" });
      } catch (e) {
        refused = e;
      }
      add(refused ? "OK" : "NG", "unique", refused ? `一意の列は重複を拒否します (${errText(refused)})` : "一意の列が重複を受け付けました", refused ? `A unique column refuses a duplicate (${errText(refused)})` : "A unique column accepted a duplicate");
    });
    await probe("etag", async () => {
      const added = (await list.items.add({ Title: "etag" })) as { Id: number };
      const item = list.items.getById(added.Id);
      await item.update({ Title: "etag 2" }, "*");
      let status: number | undefined;
      try {
        await item.update({ Title: "etag 3" }, '"1"');
      } catch (e) {
        status = statusOf(e);
      }
      add(status === 412 ? "OK" : "WARN", "etag", status === 412 ? "古い ETag での更新は 412 で拒否されます" : `古い ETag での更新: ${status ?? "受け付けられました"}`, status === 412 ? "An update with a stale ETag is refused with 412" : `An update with a stale ETag: ${status ?? "accepted"}`);
    });
    await probe("attachment", async () => {
      const added = (await list.items.add({ Title: "attachment" })) as { Id: number };
      const item = list.items.getById(added.Id);
      await item.attachmentFiles.add("probe.txt", "tenant check");
      const files = (await item.attachmentFiles()) as { FileName: string }[];
      const ok = files.some((f) => f.FileName === "probe.txt");
      add(ok ? "OK" : "NG", "attachment", `添付ファイル: ${ok ? "追加して読めます" : "読めません"}`, `Attachments: ${ok ? "added and listed" : "not listed"}`);
    });
  } finally {
    try {
      await list.delete();
      add("OK", "scratchDeleted", `一時リスト ${title} を削除しました`, `Deleted the scratch list ${title}`);
    } catch (e) {
      add("NG", "scratchDeleted", `一時リスト ${title} を削除できません。手で削除してください: ${errText(e)}`, `Cannot delete the scratch list ${title}; delete it by hand: ${errText(e)}`);
    }
  }
}
