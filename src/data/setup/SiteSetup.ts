import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/fields";
import "@pnp/sp/views";
import "@pnp/sp/items";
import "@pnp/sp/batching";
import "@pnp/sp/security";
import "@pnp/sp/site-groups/web";
import "@pnp/sp/site-users/web";
import type { IList } from "@pnp/sp/lists";
import type { IItem } from "@pnp/sp/items";
import type { AnyListDef } from "../schema/fieldTypes";
import type * as D from "../../domain/types";
import { allLists, calls as callsList, departments as departmentsList, listServerRelativeUrl, listUrlName, SCHEMA_VERSION, settings as settingsList, submissionFolderName } from "../schema/listSchema";
import "@pnp/sp/folders";
import type { ISiteSetup, SiteCheck } from "../contracts";
import { toDataError } from "../sp/errors";
import { addListFolder, alreadyExists, chunks, readFolderItems } from "../sp/folderItems";
import { DataError } from "../contracts";
import { fieldXml, viewFieldName, viewPageName, viewQuery } from "./fieldXml";
import { ADD_ONLY_LEVEL, EDIT_ONLY_LEVEL, isDirectoryGroup, MANAGE_LEVEL, ProductRole, ObservedAssignment, ObservedList, ObservedSecurity, ObservedSite, planSetup, RoleRef, SetupPlan, SetupStep } from "./plan";

import { ROLE_GROUP_KEY, SCHEMA_VERSION_KEY } from "./keys";
import { queueSetupRightsCheck } from "./setupRights";
import { setGroupOwner } from "./groupOwner";
export { SCHEMA_VERSION_KEY };

/** A choice column's choices from its SchemaXml (<CHOICES><CHOICE>…</CHOICE></CHOICES>). */
export function choicesOf(schemaXml: string): string[] {
  const unescape = (x: string): string => x.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return [...schemaXml.matchAll(/<CHOICE>([\s\S]*?)<\/CHOICE>/g)].map((m) => unescape(m[1]));
}

/** SPAddFieldOptions: AddToDefaultContentType (1) | AddFieldInternalNameHint (8), so SharePoint's own forms show the column and it keeps our name. */
const ADD_FIELD_OPTIONS = 1 | 8;

interface FieldInfo {
  InternalName: string;
  Title: string;
  TypeAsString: string;
  Required: boolean;
  Indexed: boolean;
  EnforceUniqueValues: boolean;
  SchemaXml?: string;
}
interface RoleInfo {
  Id: number;
  Name: string;
  RoleTypeKind: number;
}
interface AssignmentInfo {
  PrincipalId: number;
  Member?: { Id: number; Title: string; LoginName?: string };
  RoleDefinitionBindings?: RoleInfo[] | { results: RoleInfo[] };
}

/** SharePoint's RoleTypeKind of the built-in levels setup uses (names differ by site language). */
const ROLE_KIND: Record<number, RoleRef> = { 5: "fullControl", 3: "contribute", 2: "read" };

const OURS: Record<string, RoleRef> = { [ADD_ONLY_LEVEL]: "addOnly", [EDIT_ONLY_LEVEL]: "editOnly", [MANAGE_LEVEL]: "manageRows" };
const refOf = (role: RoleInfo): RoleRef | null => OURS[role.Name] ?? ROLE_KIND[role.RoleTypeKind] ?? null;

function toObserved(a: AssignmentInfo): ObservedAssignment {
  const b = a.RoleDefinitionBindings;
  const bindings = Array.isArray(b) ? b : (b?.results ?? []);
  return {
    principalId: a.PrincipalId,
    principal: a.Member?.Title ?? String(a.PrincipalId),
    login: a.Member?.LoginName,
    roles: bindings.map(refOf).filter((x): x is RoleRef => x !== null),
    // "Limited Access" (RoleTypeKind 1) is SharePoint's own, never ours to remove.
    otherRoles: bindings.filter((x) => refOf(x) === null && x.RoleTypeKind !== 1).map((x) => x.Name),
  };
}

/** Add only: ViewListItems, AddListItems, OpenItems, ViewVersions, ViewFormPages, Open, ViewPages, BrowseUserInfo, UseClientIntegration, UseRemoteAPIs — no edit, no delete. */
export const ADD_ONLY_MASK = { High: 176, Low: 138612835 };

/** Edit only: Read's permissions plus EditListItems — no AddListItems, no DeleteListItems. */
export const EDIT_ONLY_MASK = { High: 176, Low: 138612837 };

/** Manage (the coordinators' on lists departments submit to): Contribute's permissions plus ManagePermissions and EnumeratePermissions. */
export const MANAGE_MASK = { High: 1073742256, Low: 1044583151 };

interface ViewInfo {
  Id: string;
  Title: string;
  DefaultView: boolean;
  ViewQuery?: string;
  ServerRelativeUrl: string;
  ViewFields?: { Items?: string[] | { results: string[] } };
}

/**
 * サイトの準備: creates and upgrades the partnership site's lists from the one schema.
 * Reads the site in one batched round, plans the difference, and applies it step by step
 * in dependency order (a lookup's target list first). Every step is idempotent, so a run
 * cut short (closed tab, dropped connection) is completed by running setup again.
 */
export class SiteSetup implements ISiteSetup {
  readonly appVersion = SCHEMA_VERSION;
  private readonly sitePath: string;

  constructor(
    private readonly sp: SPFI,
    private readonly siteUrl: string,
    private readonly lists: readonly AnyListDef[] = allLists,
  ) {
    this.sitePath = new URL(siteUrl).pathname.replace(/\/+$/, "");
  }

  private list(sp: SPFI, def: { title: string }): IList {
    return sp.web.getList(listServerRelativeUrl(this.sitePath, def));
  }

  /** What is on the site now: the product's lists (by URL), their columns and views, and the recorded version. */
  async observe(check?: (batched: SPFI) => () => Promise<void>): Promise<ObservedSite> {
    const [batched, execute] = this.sp.batched();
    // A check queued on the same batch (setup's rights) is read before any other answer.
    const checked = check?.(batched);
    // A list that does not exist yet fails its reads: each read is marked handled now and its
    // failure looked at where it matters, so nothing is reported as an unhandled rejection.
    const safe = <T>(p: Promise<T>): Promise<T> => {
      p.catch(() => undefined);
      return p;
    };
    // The lists' columns and views in a batch of their own: SharePoint answers at most 100
    // requests in one $batch (folderItems.ts BATCH_LIMIT), and the two together are more.
    const [schemaBatched, executeSchema] = this.sp.batched();
    const reads = this.lists.map((def) => {
      const l = this.list(schemaBatched, def);
      return {
        def,
        info: safe(l.select("Id", "Title")() as Promise<{ Id: string; Title: string }>),
        fields: safe(l.fields.select("InternalName", "Title", "TypeAsString", "Required", "Indexed", "EnforceUniqueValues", "SchemaXml")() as Promise<FieldInfo[]>),
        views: safe(l.views.select("Id", "Title", "DefaultView", "ViewQuery", "ServerRelativeUrl", "ViewFields/Items").expand("ViewFields")() as Promise<ViewInfo[]>),
      };
    });
    const security = {
      groups: safe(batched.web.siteGroups.select("Id", "Title", "OwnerTitle")() as Promise<{ Id: number; Title: string; OwnerTitle?: string | null }[]>),
      roles: safe(batched.web.roleDefinitions.select("Id", "Name", "RoleTypeKind")() as Promise<RoleInfo[]>),
      owner: safe(batched.web.associatedOwnerGroup.select("Id", "Title")() as Promise<{ Id: number; Title: string }>),
      web: safe(batched.web.roleAssignments.expand("Member", "RoleDefinitionBindings")() as Promise<AssignmentInfo[]>),
      lists: this.lists.map((def) => {
        const l = this.list(batched, def);
        return {
          def,
          unique: safe(l.select("HasUniqueRoleAssignments")() as Promise<{ HasUniqueRoleAssignments: boolean }>),
          assignments: safe(l.roleAssignments.expand("Member", "RoleDefinitionBindings")() as Promise<AssignmentInfo[]>),
        };
      }),
    };
    const roleRows = safe(this.list(batched, settingsList).items.select("Title", "SettingValue").filter(`startswith(Title,'${ROLE_GROUP_KEY}')`).top(10)() as Promise<{ Title: string; SettingValue: string | null }[]>);
    const deptRows = safe(this.list(batched, departmentsList).items.select("UnitCode", "GroupLogin").top(5000)() as Promise<{ UnitCode: string | null; GroupLogin?: string | null }[]>);
    // The years whose submission folders may exist: those of the calls (a few rows a year).
    const callYears = this.lists.some((d) => d.key === "calls")
      ? safe(this.list(batched, callsList).items.select("Id", "FiscalYear", "Form").top(5000)() as Promise<{ Id: number; FiscalYear: number | null; Form: string | null }[]>)
      : Promise.resolve([]);
    const settingsRow = safe(
      this.list(batched, settingsList)
        .items.select("Id", "SettingValue")
        .filter(`Title eq '${SCHEMA_VERSION_KEY}'`)
        .top(1)() as Promise<{ Id: number; SettingValue: string | null }[]>,
    );
    await Promise.all([execute(), executeSchema()]);
    await checked?.();
    const site: ObservedSite = { lists: {}, recordedVersion: null };
    for (const r of reads) {
      let info: { Id: string; Title: string };
      try {
        info = await r.info;
      } catch (e) {
        const err = toDataError(e);
        if (err.kind === "notFound") continue;
        throw err;
      }
      const [fields, views] = await Promise.all([r.fields, r.views]).catch((e: unknown) => {
        throw toDataError(e);
      });
      const list: ObservedList = {
        id: info.Id,
        title: info.Title,
        fields: fields.map((f) => ({
          internalName: f.InternalName,
          title: f.Title,
          typeAsString: f.TypeAsString,
          required: f.Required,
          indexed: f.Indexed,
          unique: f.EnforceUniqueValues,
          choices: f.TypeAsString === "Choice" ? choicesOf(f.SchemaXml ?? "") : undefined,
        })),
        views: views.map((v) => {
          const items = v.ViewFields?.Items;
          return {
            id: v.Id,
            title: v.Title,
            fileName: v.ServerRelativeUrl.split("/").pop() ?? "",
            defaultView: v.DefaultView,
            query: typeof v.ViewQuery === "string" ? v.ViewQuery : undefined,
            fields: Array.isArray(items) ? items : (items?.results ?? []),
          };
        }),
      };
      site.lists[listUrlName(r.def)] = list;
    }
    site.calls = await this.observeCallKeys(site, callYears);
    site.security = await this.readSecurity(security);
    const depts = await deptRows.catch(() => []);
    site.security.departmentCodes = depts.map((r) => r.UnitCode ?? "").filter(Boolean);
    site.security.departmentGroups = Object.fromEntries(depts.filter((r) => r.UnitCode && r.GroupLogin).map((r) => [r.UnitCode!, r.GroupLogin!]));
    for (const r of await roleRows.catch(() => [])) {
      const role = r.Title.slice(ROLE_GROUP_KEY.length) as ProductRole;
      if (["coordinators", "members", "visitors"].includes(role) && r.SettingValue) (site.security.roleGroups ??= {})[role] = r.SettingValue;
    }
    // Second round: the folders, each by its path (the lists grow every year; a query on
    // FSObjType is refused past 5,000 rows — see folderItems.ts); third: the assignments of those
    // with their own permissions.
    site.security.folders = await this.observeFolders(site.security.departmentCodes, await callYears.catch(() => []), safe);
    try {
      const rows = await settingsRow;
      const v = rows[0] ? Number(rows[0].SettingValue) : NaN;
      site.recordedVersion = Number.isInteger(v) ? v : null;
    } catch (e) {
      if (toDataError(e).kind !== "notFound") throw toDataError(e);
    }
    return site;
  }

  /**
   * Each call's form, year and key (CallKey), so the plan writes the key on calls made before it
   * existed before SharePoint is asked to enforce it. The key is read only while the column exists
   * but is not yet unique (a run cut short between the keys and the constraint).
   */
  private async observeCallKeys(site: ObservedSite, rows: Promise<{ Id: number; FiscalYear: number | null; Form: string | null }[]>): Promise<ObservedSite["calls"]> {
    const found = site.lists[listUrlName(callsList)];
    if (!found) return undefined;
    const calls = await rows.catch(() => []);
    const column = found.fields.find((f) => f.internalName.toLowerCase() === "callkey");
    // Once SharePoint enforces the key, every call has the product's: nothing more to read.
    if (column?.unique) return undefined;
    const keyed = column
      ? new Map(((await this.list(this.sp, callsList).items.select("Id", "CallKey").top(5000)()) as { Id: number; CallKey: string | null }[]).map((r) => [r.Id, r.CallKey]))
      : new Map<number, string | null>();
    const choices = Object.entries((callsList.fields.form as { choices: Record<string, string> }).choices);
    return calls.map((c) => ({ id: c.Id, fiscalYear: c.FiscalYear, form: (choices.find(([, label]) => label === c.Form)?.[0] ?? null) as D.FormKind | null, key: keyed.get(c.Id) || null }));
  }

  /** The department folders (and the calls' years' submission folders) of every list with department rows, by path. */
  private async observeFolders(codes: string[], calls: { FiscalYear: number | null; Form: string | null }[], safe: <T>(p: Promise<T>) => Promise<T>): Promise<ObservedSecurity["folders"]> {
    const folderLists = this.lists.filter((d) => d.departmentField && d.permissions.members === "own");
    // A call's Form column holds the choice's text (別紙②, 別紙④).
    const choices = (callsList.fields.form as { choices: Record<string, string> }).choices;
    const formOf = (def: AnyListDef): string | null => (!def.submissions ? null : def.key === "cityProposals" ? choices.form2 : def.key === "resultReports" ? choices.form4 : null);
    const found = await Promise.all(
      folderLists.map(async (def) => {
        const form = formOf(def);
        const years = [...new Set(calls.filter((c) => form && c.Form === form && typeof c.FiscalYear === "number").map((c) => c.FiscalYear!))];
        const names = [...codes, ...years.flatMap((y) => codes.map((c) => submissionFolderName(c, y)))];
        return { def, url: listServerRelativeUrl(this.sitePath, def), items: await readFolderItems(this.sp, listServerRelativeUrl(this.sitePath, def), names) };
      }),
    );
    const out: ObservedSecurity["folders"] = {};
    const reads: { list: string; name: string; id: number; unique: boolean; noItem: boolean; url: string; def: AnyListDef }[] = [];
    for (const f of found) {
      for (const item of f.items.values()) {
        if (item.state === "missing") continue;
        reads.push({ list: listUrlName(f.def), name: item.name, id: item.state === "item" ? item.id : 0, unique: item.state === "item" && item.unique, noItem: item.state === "noItem", url: f.url, def: f.def });
      }
    }
    // Only a folder with its own permissions has assignments worth reading; one with no list item, how many rows it holds.
    const asked = reads.filter((r) => r.unique || r.noItem);
    const answers = new Map<(typeof reads)[number], Promise<AssignmentInfo[] | number>>();
    for (const part of chunks(asked)) {
      const [b, execute] = this.sp.batched();
      for (const r of part) {
        answers.set(
          r,
          safe(
            r.noItem
              ? (b.web.getFolderByServerRelativePath(`${r.url}/${r.name}`).select("ItemCount")() as Promise<{ ItemCount: number }>).then((x) => x.ItemCount)
              : (this.list(b, r.def).items.getById(r.id).roleAssignments.expand("Member", "RoleDefinitionBindings")() as Promise<AssignmentInfo[]>),
          ),
        );
      }
      await execute();
    }
    for (const r of reads) {
      const byList = (out[r.list] ??= {});
      const answer = await (answers.get(r) ?? Promise.resolve([] as AssignmentInfo[])).catch(() => (r.noItem ? 0 : ([] as AssignmentInfo[])));
      byList[r.name] = r.noItem
        ? { id: 0, unique: false, assignments: [], noItem: true, rows: typeof answer === "number" ? answer : 0 }
        : { id: r.id, unique: r.unique, assignments: Array.isArray(answer) ? answer.map(toObserved) : [] };
    }
    return out;
  }

  private async readSecurity(r: {
    groups: Promise<{ Id: number; Title: string; OwnerTitle?: string | null }[]>;
    roles: Promise<RoleInfo[]>;
    owner: Promise<{ Id: number; Title: string }>;
    web: Promise<AssignmentInfo[]>;
    lists: { def: AnyListDef; unique: Promise<{ HasUniqueRoleAssignments: boolean }>; assignments: Promise<AssignmentInfo[]> }[];
  }): Promise<ObservedSecurity> {
    const fail = (e: unknown): never => {
      throw toDataError(e);
    };
    const groups = await r.groups.catch(fail);
    const roles = await r.roles.catch(fail);
    const owner = await r.owner.catch(() => null);
    const roleIds: ObservedSecurity["roleIds"] = {};
    for (const role of roles) {
      const ref = ROLE_KIND[role.RoleTypeKind];
      if (ref && roleIds[ref] === undefined) roleIds[ref] = role.Id;
      if (role.Name === ADD_ONLY_LEVEL) roleIds.addOnly = role.Id;
      if (role.Name === EDIT_ONLY_LEVEL) roleIds.editOnly = role.Id;
      if (role.Name === MANAGE_LEVEL) roleIds.manageRows = role.Id;
    }
    const web = (await r.web.catch(fail)).map(toObserved);
    const out: ObservedSecurity = { groups: groups.map((g) => ({ id: g.Id, title: g.Title, ownerTitle: g.OwnerTitle ?? null })), roleIds, ownerGroup: owner ? { id: owner.Id, title: owner.Title } : null, lists: {}, web, departmentCodes: [], folders: {} };
    for (const l of r.lists) {
      let unique: boolean;
      try {
        unique = (await l.unique).HasUniqueRoleAssignments;
      } catch (e) {
        if (toDataError(e).kind === "notFound") continue;
        throw toDataError(e);
      }
      const assignments: ObservedAssignment[] = (await l.assignments.catch(fail)).map(toObserved);
      out.lists[listUrlName(l.def)] = { unique, assignments };
    }
    return out;
  }

  async plan(): Promise<SetupPlan> {
    try {
      return planSetup(this.lists, await this.observe(), this.appVersion);
    } catch (e) {
      throw toDataError(e);
    }
  }

  /**
   * Applies the plan. `onStep` is told before each step (for a progress line). The plan is
   * re-read first, so a plan shown some minutes ago never repeats what another owner did since.
   */
  async run(onStep?: (step: SetupStep, index: number, total: number) => void): Promise<SetupPlan> {
    try {
      // Who lacks a right setup needs is refused before anything is written (./setupRights.ts).
      const site = await this.observe(queueSetupRightsCheck);
      const plan = planSetup(this.lists, site, this.appVersion);
      const ids = new Map<string, string>();
      for (const [name, l] of Object.entries(site.lists)) if (l) ids.set(name, l.id);
      const principals = new Map<string, number>();
      for (const g of site.security?.groups ?? []) principals.set(g.title.toLowerCase(), g.id);
      if (site.security?.ownerGroup) principals.set(site.security.ownerGroup.title.toLowerCase(), site.security.ownerGroup.id);
      const roles = { ...(site.security?.roleIds ?? {}) };
      let i = 0;
      for (const step of plan.steps) {
        onStep?.(step, i++, plan.steps.length);
        await this.apply(step, ids, principals, roles);
      }
      return plan;
    } catch (e) {
      throw toDataError(e);
    }
  }

  private defOf(name: string): AnyListDef {
    const def = this.lists.find((l) => listUrlName(l) === name);
    if (!def) throw new Error(`Unknown list ${name}`);
    return def;
  }

  private lookupTarget(def: AnyListDef, internalName: string, ids: Map<string, string>): string | undefined {
    const f = Object.values(def.fields).find((x) => x.internalName === internalName);
    if (!f || (f.kind !== "lookup" && f.kind !== "lookupMulti")) return undefined;
    const target = this.lists.find((l) => l.key === f.list);
    const id = target ? ids.get(listUrlName(target)) : undefined;
    if (!id) throw new Error(`The list that ${def.title}/${internalName} looks up has not been created`);
    return id;
  }

  /** A column; `enforceUnique` false when the list may hold rows (the plan enforces it in its own step, once the rows are ready). */
  private async addField(def: AnyListDef, internalName: string, ids: Map<string, string>, enforceUnique = true): Promise<void> {
    const f = Object.values(def.fields).find((x) => x.internalName === internalName)!;
    const l = this.list(this.sp, def);
    if (f.internalName === "Title") {
      await l.fields.getByInternalNameOrTitle("Title").update({ Title: f.displayName, Required: !!f.required }, "SP.Field");
    } else {
      await l.fields.createFieldAsXml({ SchemaXml: fieldXml(f, this.lookupTarget(def, f.internalName, ids)), Options: ADD_FIELD_OPTIONS });
    }
    if (f.indexed || f.unique) await l.fields.getByInternalNameOrTitle(f.internalName).update({ Indexed: true }, "SP.Field");
    if (f.unique && enforceUnique) await l.fields.getByInternalNameOrTitle(f.internalName).update({ EnforceUniqueValues: true }, "SP.Field");
  }

  private async addView(def: AnyListDef, url: string): Promise<void> {
    const v = def.views.find((x) => x.url === url)!;
    const l = this.list(this.sp, def);
    const fields = v.fields.map((p) => viewFieldName(def, p));
    if (v.default && /^AllItems\.aspx$/i.test(v.url)) {
      // Every custom list comes with its default view "AllItems.aspx": make it ours.
      const view = l.defaultView;
      await view.update({ Title: v.displayName, ViewQuery: viewQuery(def, v), RowLimit: v.rowLimit ?? 30 });
      await view.fields.removeAll();
      for (const name of fields) await view.fields.add(name);
      return;
    }
    // The page name comes from the title at creation; the Japanese title is set afterwards.
    const created = (await l.views.add(viewPageName(v), false, { ViewQuery: viewQuery(def, v), RowLimit: v.rowLimit ?? 30, DefaultView: !!v.default })) as { Id: string };
    const view = l.views.getById(created.Id);
    await view.update({ Title: v.displayName });
    // A new view starts with SharePoint's own columns: replace them with ours, in order.
    await view.fields.removeAll();
    for (const name of fields) await view.fields.add(name);
  }

  private async apply(step: SetupStep, ids: Map<string, string>, principals: Map<string, number>, roles: Partial<Record<RoleRef, number>>): Promise<void> {
    switch (step.kind) {
      case "createGroup": {
        const g = (await this.sp.web.siteGroups.add({ Title: step.group, Description: "包括連携デスク (Partnership Desk)" })) as { Id: number };
        principals.set(step.group.toLowerCase(), g.Id);
        return;
      }
      case "createAddOnlyLevel": {
        const r = await this.sp.web.roleDefinitions.add(step.name, "包括連携デスクの操作の記録用: 表示と追加のみ（編集・削除はできません）", 1000, ADD_ONLY_MASK);
        roles.addOnly = (r.data as { Id: number }).Id;
        return;
      }
      case "createEditOnlyLevel": {
        const r = await this.sp.web.roleDefinitions.add(step.name, "包括連携デスクの部署フォルダー用: 表示と編集のみ（追加・削除はできません）", 1001, EDIT_ONLY_MASK);
        roles.editOnly = (r.data as { Id: number }).Id;
        return;
      }
      case "createManageLevel": {
        const r = await this.sp.web.roleDefinitions.add(step.name, "包括連携デスクの提出先の管理用: 投稿に加えて、フォルダーの権限の管理（年度の提出先を開く・公表で締める）", 1002, MANAGE_MASK);
        roles.manageRows = (r.data as { Id: number }).Id;
        return;
      }
      case "revokeFolder": {
        const item = await this.folderItem(step.list, step.folder);
        const rid = roles[step.role as RoleRef] ?? ((await this.sp.web.roleDefinitions.getByName(step.role)()) as { Id: number }).Id;
        await item.roleAssignments.remove(step.principalId, rid);
        return;
      }
      case "breakInheritance":
        // The site's assignments are copied (the owners keep Full Control throughout); the plan's
        // grants and revokes that follow leave exactly the schema's.
        await this.list(this.sp, this.defOf(step.list)).breakRoleInheritance(true, true);
        return;
      case "grant": {
        const pid = await this.principalId(step.principal, principals);
        const rid = roles[step.role];
        if (pid === undefined || rid === undefined) throw new Error(`Unknown principal or level: ${step.principal} / ${step.role}`);
        await this.list(this.sp, this.defOf(step.list)).roleAssignments.add(pid, rid);
        return;
      }
      case "revoke": {
        const l = this.list(this.sp, this.defOf(step.list));
        const rid = roles[step.role as RoleRef];
        if (rid !== undefined) await l.roleAssignments.remove(step.principalId, rid);
        else {
          const def = (await this.sp.web.roleDefinitions.getByName(step.role)()) as { Id: number };
          await l.roleAssignments.remove(step.principalId, def.Id);
        }
        return;
      }
      case "createList": {
        const def = this.defOf(step.list);
        // The URL comes from the title at creation (Lists/PD_Agreements); then the display name.
        const created = (await this.sp.web.lists.add(step.list, def.description, 100, false)) as { Id: string };
        ids.set(step.list, created.Id);
        await this.list(this.sp, def).update({ Title: def.displayName });
        for (const f of Object.values(def.fields)) if (!f.builtIn) await this.addField(def, f.internalName, ids);
        for (const v of def.views) await this.addView(def, v.url);
        return;
      }
      case "addField":
        return this.addField(this.defOf(step.list), step.field, ids, false);
      case "writeCallKeys": {
        // Each call's key, one request per call (a few a year), before the column is made unique.
        const l = this.list(this.sp, this.defOf(step.list));
        for (const r of step.rows) await l.items.getById(r.id).update({ CallKey: r.key });
        return;
      }
      case "duplicateCalls":
        return;
      case "updateField": {
        const def = this.defOf(step.list);
        const f = Object.values(def.fields).find((x) => x.internalName === step.field)!;
        const patch: Record<string, unknown> = {};
        if (step.changes.includes("title")) patch.Title = f.displayName;
        if (step.changes.includes("required")) patch.Required = !!f.required;
        let type = "SP.Field";
        if (step.changes.includes("choices") && f.kind === "choice") {
          // SP.FieldChoice.Choices (String[]): the site's own choices first, then the release's new ones.
          const onSite = await this.list(this.sp, def).fields.getByInternalNameOrTitle(step.field).select("SchemaXml")<{ SchemaXml: string }>();
          const have = choicesOf(onSite.SchemaXml);
          patch.Choices = [...have, ...Object.values(f.choices as Record<string, string>).filter((c) => !have.includes(c))];
          type = "SP.FieldChoice";
        }
        await this.list(this.sp, def).fields.getByInternalNameOrTitle(step.field).update(patch, type);
        return;
      }
      case "addIndex":
        await this.list(this.sp, this.defOf(step.list)).fields.getByInternalNameOrTitle(step.field).update({ Indexed: true }, "SP.Field");
        return;
      case "addUnique":
        await this.list(this.sp, this.defOf(step.list)).fields.getByInternalNameOrTitle(step.field).update({ EnforceUniqueValues: true }, "SP.Field");
        return;
      case "addView":
        return this.addView(this.defOf(step.list), step.view);
      case "updateView": {
        // By its id: its title may be SharePoint's ("All Items") or the site owner's.
        const def = this.defOf(step.list);
        const v = def.views.find((x) => x.url === step.view)!;
        const patch: Record<string, unknown> = {};
        if (step.changes.includes("title")) patch.Title = v.displayName;
        if (step.changes.includes("query")) patch.ViewQuery = viewQuery(def, v);
        if (step.changes.includes("default")) patch.DefaultView = true;
        await this.list(this.sp, def).views.getById(step.viewId).update(patch);
        return;
      }
      case "addViewFields": {
        const def = this.defOf(step.list);
        const v = def.views.find((x) => x.url === step.view)!;
        const l = this.list(this.sp, def);
        const view = v.default && /^AllItems\.aspx$/i.test(v.url) ? l.defaultView : l.views.getByTitle(v.displayName);
        for (const name of step.fields) await view.fields.add(name);
        return;
      }
      case "manual":
        return;
      case "createFolder": {
        // A real list folder, with its list item (rootFolder.folders.addUsingPath makes none in a list: pnp/pnpjs#747).
        const url = listServerRelativeUrl(this.sitePath, this.defOf(step.list));
        await addListFolder(this.sp, url, step.folder).catch((e: unknown) => {
          // Made by a run cut short after SharePoint had created it: what was wanted.
          if (!alreadyExists(e)) throw e;
        });
        return;
      }
      case "repairFolder": {
        // The folder holds no rows (the plan said so): to the recycle bin, then made again with its list item.
        const url = listServerRelativeUrl(this.sitePath, this.defOf(step.list));
        const found = (await readFolderItems(this.sp, url, [step.folder])).get(step.folder.toLowerCase());
        if (found?.state === "noItem") await this.sp.web.getFolderByServerRelativePath(`${url}/${step.folder}`).recycle();
        if (found?.state !== "item") await addListFolder(this.sp, url, step.folder);
        return;
      }
      case "folderWithoutItem":
        return;
      case "breakFolderInheritance": {
        // The list's assignments are copied; the department's group is added next.
        const item = await this.folderItem(step.list, step.folder);
        await item.breakRoleInheritance(true, true);
        return;
      }
      case "grantFolder": {
        const pid = await this.principalId(step.principal, principals);
        const rid = roles[step.role];
        if (pid === undefined || rid === undefined) throw new Error(`Unknown principal or level: ${step.principal} / ${step.role}`);
        await (await this.folderItem(step.list, step.folder)).roleAssignments.add(pid, rid);
        return;
      }
      case "missingGroup":
        return;
      case "grantSite": {
        const pid = await this.principalId(step.principal, principals);
        const rid = roles.read;
        if (pid === undefined || rid === undefined) throw new Error(`Unknown principal or level: ${step.principal} / ${step.role}`);
        await this.sp.web.roleAssignments.add(pid, rid);
        return;
      }
      case "setGroupOwner": {
        const gid = principals.get(step.group.toLowerCase());
        const oid = principals.get(step.owner.toLowerCase());
        if (gid === undefined || oid === undefined) throw new Error(`Unknown group: ${step.group} / ${step.owner}`);
        await setGroupOwner(this.sp, this.siteUrl, gid, oid);
        return;
      }
      case "recordVersion": {
        const items = this.list(this.sp, settingsList).items;
        const rows = (await items.select("Id").filter(`Title eq '${SCHEMA_VERSION_KEY}'`).top(1)()) as { Id: number }[];
        if (rows[0]) await items.getById(rows[0].Id).update({ SettingValue: String(step.to) });
        else await items.add({ Title: SCHEMA_VERSION_KEY, SettingValue: String(step.to) });
        return;
      }
    }
  }

  /** The site's groups, and which existing group (if any) holds each role instead of the product's own. */
  async roleGroups(): Promise<{ groups: string[]; mapped: Partial<Record<ProductRole, string>> }> {
    try {
      const site = await this.observe();
      return { groups: (site.security?.groups ?? []).map((g) => g.title).sort(), mapped: site.security?.roleGroups ?? {} };
    } catch (e) {
      throw toDataError(e);
    }
  }

  /**
   * Lets an existing SharePoint group, or an Entra ID / Microsoft 365 group (its login name),
   * hold a role (null: the product's own group). Takes effect at the next run. An Entra group
   * is looked up in the directory first (ensureUser): one SharePoint cannot find is refused.
   */
  async mapRole(role: ProductRole, group: string | null): Promise<void> {
    try {
      if (group && isDirectoryGroup(group)) await this.sp.web.ensureUser(group.trim());
      const items = this.list(this.sp, settingsList).items;
      const key = `${ROLE_GROUP_KEY}${role}`;
      const rows = (await items.select("Id").filter(`Title eq '${key}'`).top(1)()) as { Id: number }[];
      if (rows[0]) await items.getById(rows[0].Id).update({ SettingValue: group ?? "" });
      else if (group) await items.add({ Title: key, SettingValue: group });
    } catch (e) {
      throw toDataError(e);
    }
  }

  /** A principal's id: a SharePoint group's (known), or an Entra group's after adding it to the site (ensureUser). */
  private async principalId(principal: string, principals: Map<string, number>): Promise<number | undefined> {
    const known = principals.get(principal.toLowerCase());
    if (known !== undefined || !isDirectoryGroup(principal)) return known;
    const r = (await this.sp.web.ensureUser(principal)) as unknown as { Id?: number; data?: { Id: number } };
    const id = r.Id ?? r.data?.Id;
    if (id !== undefined) principals.set(principal.toLowerCase(), id);
    return id;
  }

  /** The list item behind a department folder (where its permissions are set). */
  private async folderItem(list: string, folder: string): Promise<IItem> {
    const def = this.defOf(list);
    const found = (await readFolderItems(this.sp, listServerRelativeUrl(this.sitePath, def), [folder])).get(folder.toLowerCase());
    if (found?.state !== "item") throw new DataError("notFound", `The folder ${folder} of ${def.displayName} ${found?.state === "noItem" ? "has no list item" : "does not exist"}`, 404);
    return this.list(this.sp, def).items.getById(found.id);
  }

  /** For the property pane: is `siteUrl` a site this product has been set up on? (Two reads; anyone who can open the site may ask.) */
  static async check(sp: SPFI, siteUrl: string): Promise<SiteCheck> {
    const sitePath = new URL(siteUrl).pathname.replace(/\/+$/, "");
    try {
      await sp.web.select("Id")();
    } catch (e) {
      const err = toDataError(e);
      if (err.kind === "notFound") return { ok: false, reason: "noSite" };
      if (err.kind === "forbidden") return { ok: false, reason: "forbidden" };
      return { ok: false, reason: "unreachable", detail: err.message };
    }
    try {
      const rows = (await sp.web.getList(listServerRelativeUrl(sitePath, settingsList)).items.select("SettingValue").filter(`Title eq '${SCHEMA_VERSION_KEY}'`).top(1)()) as { SettingValue: string | null }[];
      const v = rows[0] ? Number(rows[0].SettingValue) : NaN;
      if (!Number.isInteger(v)) return { ok: false, reason: "notSetUp" };
      if (v < SCHEMA_VERSION) return { ok: true, reason: "needsUpgrade", siteVersion: v, appVersion: SCHEMA_VERSION };
      return { ok: true, siteVersion: v, appVersion: SCHEMA_VERSION };
    } catch (e) {
      const err = toDataError(e);
      if (err.kind === "notFound") return { ok: false, reason: "notSetUp" };
      if (err.kind === "forbidden") return { ok: false, reason: "forbidden" };
      return { ok: false, reason: "unreachable", detail: err.message };
    }
  }
}
