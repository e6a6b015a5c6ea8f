import type { AccessLevel, AnyListDef, FieldDef, ViewDef } from "../schema/fieldTypes";
import { listUrlName, parseSubmissionFolder, siteGroups } from "../schema/listSchema";
import { typeAsString, viewFieldName, viewQuery } from "./fieldXml";
import { isDirectoryGroup } from "./keys";
import { planGroupOwners, planSiteAccess } from "./siteAccess";

/**
 * What the site setup sees on a site and what it would do there. Pure: the plan is a
 * difference between the schema and what SharePoint reported, so a second run after a
 * complete one is empty, and a run cut short by a fault is finished by the next one.
 */

export interface ObservedField {
  internalName: string;
  title: string;
  typeAsString: string;
  required: boolean;
  indexed: boolean;
  unique: boolean;
  /** A choice column's choices, as its SchemaXml lists them. */
  choices?: string[];
}

export interface ObservedView {
  id: string;
  title: string;
  /** File name of the view page, e.g. "AllItems.aspx". */
  fileName: string;
  defaultView: boolean;
  fields: string[];
  /** The view's CAML query (ViewQuery), when SharePoint reported it. */
  query?: string;
}

export interface ObservedList {
  id: string;
  title: string;
  fields: ObservedField[];
  views: ObservedView[];
}

/** Built-in permission levels by SharePoint's RoleTypeKind (names are localised), and ours by name. */
/** The product's three roles, each held by a SharePoint group. */
export type ProductRole = "coordinators" | "members" | "visitors";

export type RoleRef = "fullControl" | "contribute" | "read" | "addOnly" | "editOnly" | "manageRows";

export interface ObservedAssignment {
  principalId: number;
  principal: string;
  /** The principal's login name (an Entra group's claim, e.g. "c:0t.c|tenant|<id>"; a SharePoint group's title). */
  login?: string;
  roles: RoleRef[];
  /** Levels that are none of ours (e.g. Edit, Design, a custom one), by name. */
  otherRoles: string[];
}

export interface ObservedSecurity {
  /** The site's groups; ownerTitle is SP.Group.OwnerTitle (a group's title, or a user's name). */
  groups: { id: number; title: string; ownerTitle?: string | null }[];
  /** Ids of the permission levels setup uses, when they exist. */
  roleIds: Partial<Record<RoleRef, number>>;
  ownerGroup: { id: number; title: string } | null;
  /** By list URL name: whether it has unique permissions, and its assignments. */
  lists: Record<string, { unique: boolean; assignments: ObservedAssignment[] } | undefined>;
  /** The site's own assignments: what a list copies when setup gives it its own permissions. */
  web: ObservedAssignment[];
  /** UnitCodes of the departments in the Departments list. */
  departmentCodes: string[];
  /** By UnitCode: the Entra ID / Microsoft 365 group (login name) the coordinator chose for a department, used instead of its SharePoint group. */
  departmentGroups?: Record<string, string>;
  /** Roles the site owner mapped to an existing SharePoint group (by title), instead of the product's own groups. */
  roleGroups?: Partial<Record<ProductRole, string>>;
  /** By list URL name, then folder name (a UnitCode, or `<UnitCode>-<FY>`): the folders found by their paths. */
  folders: Record<string, Record<string, ObservedFolder>>;
}

/** A folder found by its path. */
export interface ObservedFolder {
  /** Its list item's id (0 when it has none). */
  id: number;
  unique: boolean;
  assignments: ObservedAssignment[];
  /**
   * The folder exists but has no list item (made by `rootFolder.folders.addUsingPath` in a generic
   * list: pnp/pnpjs#747): nothing can be secured on it, and its rows would follow the list's permissions.
   */
  noItem?: boolean;
  /** For a folder with no list item: how many rows it holds. */
  rows?: number;
}

export interface ObservedSite {
  /** By list URL name (e.g. "PD_Agreements"); absent lists are not set. */
  lists: Record<string, ObservedList | undefined>;
  security?: ObservedSecurity;
  /** The schema version recorded by the last complete setup, or null (never set up). */
  recordedVersion: number | null;
  /** The calls (when the Calls list exists): id, form, year and key (null when not written yet). */
  calls?: { id: number; form: "form1" | "form2" | "form4" | null; fiscalYear: number | null; key: string | null }[];
}

export type SetupStep =
  | { kind: "createList"; list: string; displayName: string; fieldCount: number; viewCount: number }
  | { kind: "addField"; list: string; field: string; displayName: string }
  | { kind: "updateField"; list: string; field: string; displayName: string; changes: ("title" | "required" | "choices")[] }
  | { kind: "addIndex"; list: string; field: string; displayName: string }
  | { kind: "addUnique"; list: string; field: string; displayName: string }
  | { kind: "addView"; list: string; view: string; displayName: string }
  | { kind: "addViewFields"; list: string; view: string; displayName: string; fields: string[] }
  /** A view whose title, query or default-ness is not the schema's (e.g. "All Items" left by a run cut short): set again. */
  | { kind: "updateView"; list: string; view: string; viewId: string; displayName: string; found: string; changes: ("title" | "query" | "default")[] }
  | { kind: "manual"; list: string; field: string; displayName: string; reason: "typeDiffers"; found: string; expected: string }
  /**
   * `recreated`: the group existed (the site was set up before; a department's folders exist) and
   * was deleted: SharePoint makes it again empty, and who belongs in it must be added again.
   */
  | { kind: "createGroup"; group: string; recreated?: { role: ProductRole } | { department: string } }
  | { kind: "missingGroup"; group: string; role: ProductRole }
  | { kind: "createAddOnlyLevel"; name: string }
  | { kind: "createEditOnlyLevel"; name: string }
  | { kind: "createManageLevel"; name: string }
  | { kind: "breakInheritance"; list: string; displayName: string }
  | { kind: "grant"; list: string; displayName: string; principal: string; role: RoleRef }
  | { kind: "revoke"; list: string; displayName: string; principal: string; principalId: number; role: RoleRef | string; drift: boolean }
  | { kind: "createFolder"; list: string; displayName: string; folder: string }
  /** An empty folder with no list item: recycled and made again with its list item. */
  | { kind: "repairFolder"; list: string; displayName: string; folder: string }
  /** A folder with no list item that holds rows: the site owner moves them (setup never moves or deletes rows). */
  | { kind: "folderWithoutItem"; list: string; displayName: string; folder: string; rows: number }
  | { kind: "breakFolderInheritance"; list: string; displayName: string; folder: string }
  | { kind: "grantFolder"; list: string; displayName: string; folder: string; principal: string; role: RoleRef }
  | { kind: "revokeFolder"; list: string; displayName: string; folder: string; principal: string; principalId: number; role: RoleRef | string }
  | { kind: "grantSite"; principal: string; role: "read" }
  | { kind: "setGroupOwner"; group: string; owner: string; found: string | null }
  /** Calls made before CallKey existed get their key (`<form>-<FY>`), before SharePoint enforces it. */
  | { kind: "writeCallKeys"; list: string; displayName: string; rows: { id: number; key: string }[] }
  /** Calls of the same form and year made before the key existed: the first keeps the key; the coordinators remove or merge the others. */
  | { kind: "duplicateCalls"; list: string; displayName: string; key: string; ids: number[] }
  | { kind: "recordVersion"; from: number | null; to: number };

export interface SetupPlan {
  appVersion: number;
  siteVersion: number | null;
  /** What setup will do, in order (lookup targets first). */
  steps: SetupStep[];
  /** True when nothing needs doing (manual steps aside). */
  upToDate: boolean;
}

/** The column whose type this schema expects, as SharePoint names it. */
const expectedType = (f: FieldDef): string => typeAsString(f);

/** A view is found by its page (file name); title, fields, query and default-ness are then compared. */
function sameView(v: ViewDef, o: ObservedView): boolean {
  return o.fileName.toLowerCase() === v.url.toLowerCase();
}

/** CAML compared as SharePoint may write it back: spacing between and inside tags and case aside. */
const camlKey = (q: string): string => q.replace(/\s+/g, "").toLowerCase();

/** What differs between a view found and the schema's, beside its fields. */
function viewChanges(def: AnyListDef, v: ViewDef, o: ObservedView): ("title" | "query" | "default")[] {
  const changes: ("title" | "query" | "default")[] = [];
  if (o.title !== v.displayName) changes.push("title");
  if (o.query !== undefined && camlKey(o.query) !== camlKey(viewQuery(def, v))) changes.push("query");
  // SharePoint has no view "not default": another becomes default when the schema's is set.
  if (v.default && !o.defaultView) changes.push("default");
  return changes;
}

/** Steps that tell the site owner something to do by hand; setup itself does nothing for them. */
export const INFORMATIONAL: ReadonlySet<SetupStep["kind"]> = new Set(["manual", "missingGroup", "folderWithoutItem", "duplicateCalls"]);

/**
 * The keys to write on calls made before CallKey existed: `<form>-<FY>` for the first (lowest id)
 * call of each form and year; a later one of the same form and year keeps no key (a duplicate
 * the product made before the key existed) and is named for the coordinators to remove.
 */
function keySteps(def: AnyListDef, site: ObservedSite): SetupStep[] {
  if (def.key !== "calls" || !site.calls) return [];
  const name = listUrlName(def);
  const taken = new Map<string, number[]>();
  for (const c of site.calls) if (c.key) taken.set(c.key, [c.id]);
  const rows: { id: number; key: string }[] = [];
  const dupes = new Map<string, number[]>();
  for (const c of [...site.calls].sort((a, b) => a.id - b.id)) {
    if (c.key || !c.form || typeof c.fiscalYear !== "number") continue;
    const key = `${c.form}-${c.fiscalYear}`;
    if (taken.has(key)) dupes.set(key, [...(dupes.get(key) ?? taken.get(key)!), c.id]);
    else {
      taken.set(key, [c.id]);
      rows.push({ id: c.id, key });
    }
  }
  return [
    ...(rows.length ? [{ kind: "writeCallKeys" as const, list: name, displayName: def.displayName, rows }] : []),
    ...[...dupes].map(([key, ids]) => ({ kind: "duplicateCalls" as const, list: name, displayName: def.displayName, key, ids })),
  ];
}

export function planSetup(lists: readonly AnyListDef[], site: ObservedSite, appVersion: number): SetupPlan {
  const steps: SetupStep[] = [];
  for (const def of lists) {
    const name = listUrlName(def);
    const found = site.lists[name];
    if (!found) {
      steps.push({ kind: "createList", list: name, displayName: def.displayName, fieldCount: Object.values(def.fields).filter((f) => !f.builtIn).length, viewCount: def.views.length });
      continue;
    }
    const byName = new Map(found.fields.map((f) => [f.internalName.toLowerCase(), f]));
    for (const f of Object.values(def.fields)) {
      if (f.builtIn) continue; // SharePoint's own column: always there
      const o = byName.get(f.internalName.toLowerCase());
      const field = f.internalName;
      const displayName = f.displayName;
      if (!o) {
        steps.push({ kind: "addField", list: name, field, displayName });
        // A unique column on a list that may hold rows: the rows' values first, then the constraint
        // (SharePoint refuses EnforceUniqueValues while values duplicate).
        if (f.unique) steps.push(...keySteps(def, site), { kind: "addUnique", list: name, field, displayName });
        continue;
      }
      if (o.typeAsString !== expectedType(f)) {
        // Never retype a column that may hold data: the site owner decides.
        steps.push({ kind: "manual", list: name, field, displayName, reason: "typeDiffers", found: o.typeAsString, expected: expectedType(f) });
        continue;
      }
      const changes: ("title" | "required" | "choices")[] = [];
      if (f.internalName === "Title" && o.title !== f.displayName) changes.push("title");
      if (!!f.required !== o.required) changes.push("required");
      // A release that adds a choice adds it on the site too; choices already there (and used by rows) are kept.
      if (f.kind === "choice" && o.choices && Object.values(f.choices as Record<string, string>).some((c) => !o.choices!.includes(c))) changes.push("choices");
      if (changes.length) steps.push({ kind: "updateField", list: name, field, displayName, changes });
      if ((f.indexed || f.unique) && !o.indexed) steps.push({ kind: "addIndex", list: name, field, displayName });
      if (f.unique && !o.unique) steps.push(...keySteps(def, site), { kind: "addUnique", list: name, field, displayName });
    }
    for (const v of def.views) {
      const o = found.views.find((x) => sameView(v, x));
      if (!o) {
        steps.push({ kind: "addView", list: name, view: v.url, displayName: v.displayName });
        continue;
      }
      const changes = viewChanges(def, v, o);
      if (changes.length) steps.push({ kind: "updateView", list: name, view: v.url, viewId: o.id, displayName: v.displayName, found: o.title, changes });
      const have = new Set(o.fields.map((x) => x.toLowerCase()));
      const missing = v.fields.map((p) => viewFieldName(def, p)).filter((x) => !have.has(x.toLowerCase()));
      if (missing.length) steps.push({ kind: "addViewFields", list: name, view: v.url, displayName: v.displayName, fields: missing });
    }
  }
  const schemaWork = steps.some((s) => !INFORMATIONAL.has(s.kind));
  // Site access and group owners come after the lists' and folders' permissions: a list made in
  // this run copies the site's assignments as they were when planned (./siteAccess.ts).
  if (site.security) steps.push(...planSecurity(lists, site), ...planSiteAccess(site.security), ...planGroupOwners(site.security));
  const behind = site.recordedVersion === null || site.recordedVersion < appVersion;
  // The version says which schema the site has; repairing permissions alone does not change it.
  if (schemaWork || behind) steps.push({ kind: "recordVersion", from: site.recordedVersion, to: appVersion });
  return { appVersion, siteVersion: site.recordedVersion, steps, upToDate: !steps.some((s) => !INFORMATIONAL.has(s.kind)) };
}

export { isDirectoryGroup };

/** The principal holding a department's rows: its chosen Entra/M365 group, else its SharePoint group. */
export function departmentPrincipal(sec: Pick<ObservedSecurity, "departmentGroups">, code: string): string {
  const chosen = Object.entries(sec.departmentGroups ?? {}).find(([k]) => k.toLowerCase() === code.toLowerCase())?.[1];
  return chosen && isDirectoryGroup(chosen) ? chosen : siteGroups.departmentPrefix + code;
}

/** The name of the permission level setup creates for the audit trail (add, view, open; never edit or delete). */
export const ADD_ONLY_LEVEL = "追加のみ（包括連携デスク）";

/** The level a department's group has in its folder where it may only answer rows made for it (view, edit; never add or delete). */
export const EDIT_ONLY_LEVEL = "編集のみ（包括連携デスク）";

/**
 * The coordinators' level on lists whose rows departments submit: Contribute plus managing
 * the permissions of the list's folders, so that they can open a year's submission folders
 * and lock them when they publish.
 */
export const MANAGE_LEVEL = "管理（包括連携デスク）";

/** The level each access in the schema maps to on the list. "own" is Read there: a department writes in its own folder. */
function roleFor(level: AccessLevel): RoleRef | null {
  switch (level) {
    case "write":
      return "contribute";
    case "manage":
      return "manageRows";
    case "own":
      return "read";
    case "add":
      return "addOnly";
    case "read":
      return "read";
    case "none":
      return null;
  }
}

/**
 * The security model: the product's three groups, the Add-only level, and on every product
 * list unique permissions with exactly the site's owners (Full Control) and the product's
 * groups at the schema's levels. Anything else found on a product list is drift, repaired.
 */
/** Is this assignment the one of `principal` (a group's title, or an Entra group's login)? */
function holder(a: ObservedAssignment, principal: string): boolean {
  const p = principal.toLowerCase();
  return a.principal.toLowerCase() === p || (a.login ?? "").toLowerCase() === p;
}

function planSecurity(lists: readonly AnyListDef[], site: ObservedSite): SetupStep[] {
  const sec = site.security!;
  const steps: SetupStep[] = [];
  const roles: ProductRole[] = ["coordinators", "members", "visitors"];
  const mapped = sec.roleGroups ?? {};
  const groupTitles = roles.map((r) => mapped[r] ?? siteGroups[r]);
  // An Entra group is granted directly (SharePoint adds it to the site when first granted): it needs no SharePoint group.
  const exists = (g: string): boolean => isDirectoryGroup(g) || sec.groups.some((x) => x.title.toLowerCase() === g.toLowerCase());
  const missing = new Set<string>();
  roles.forEach((r, i) => {
    if (exists(groupTitles[i])) return;
    // A group the owner chose must exist: setup never makes one of that name.
    if (mapped[r]) {
      steps.push({ kind: "missingGroup", group: groupTitles[i], role: r });
      missing.add(groupTitles[i].toLowerCase());
    } else steps.push({ kind: "createGroup", group: groupTitles[i], ...(site.recordedVersion !== null ? { recreated: { role: r } } : {}) });
  });
  // A department's group existed once setup made its folders: one missing now was deleted.
  const hadFolders = (code: string): boolean => Object.values(sec.folders).some((byName) => Object.keys(byName ?? {}).some((k) => k.toLowerCase() === code.toLowerCase()));
  for (const code of sec.departmentCodes) {
    const g = departmentPrincipal(sec, code);
    if (!exists(g)) steps.push({ kind: "createGroup", group: g, ...(hadFolders(code) ? { recreated: { department: code } } : {}) });
  }
  if (sec.roleIds.addOnly === undefined) steps.push({ kind: "createAddOnlyLevel", name: ADD_ONLY_LEVEL });
  if (sec.roleIds.editOnly === undefined && lists.some((d) => d.departmentAccess === "edit")) steps.push({ kind: "createEditOnlyLevel", name: EDIT_ONLY_LEVEL });
  if (sec.roleIds.manageRows === undefined && lists.some((d) => d.permissions.coordinators === "manage")) steps.push({ kind: "createManageLevel", name: MANAGE_LEVEL });
  const listWants = new Map<string, { principal: string; role: RoleRef }[]>();
  for (const def of lists) {
    const name = listUrlName(def);
    const displayName = def.displayName;
    const found = sec.lists[name];
    if (!found?.unique) steps.push({ kind: "breakInheritance", list: name, displayName });
    // Inheritance is broken copying the site's assignments (so the owner never loses access);
    // what the list should not have is then removed.
    const have = found?.unique ? found.assignments : sec.web;
    const drift = !!found?.unique;
    const want: { principal: string; role: RoleRef }[] = [];
    if (sec.ownerGroup) want.push({ principal: sec.ownerGroup.title, role: "fullControl" });
    (["coordinators", "members", "visitors"] as const).forEach((k, i) => {
      const role = roleFor(def.permissions[k]);
      if (role && !missing.has(groupTitles[i].toLowerCase())) want.push({ principal: groupTitles[i], role });
    });
    listWants.set(name, want);
    for (const w of want) {
      const a = have.find((x) => holder(x, w.principal));
      if (!a || !a.roles.includes(w.role)) steps.push({ kind: "grant", list: name, displayName, principal: w.principal, role: w.role });
    }
    for (const a of have) {
      const wanted = want.filter((w) => holder(a, w.principal)).map((w) => w.role);
      for (const r of a.roles) if (!wanted.includes(r)) steps.push({ kind: "revoke", list: name, displayName, principal: a.principal, principalId: a.principalId, role: r, drift });
      for (const r of a.otherRoles) steps.push({ kind: "revoke", list: name, displayName, principal: a.principal, principalId: a.principalId, role: r, drift });
    }
  }
  // A folder per department in every list with department rows, with its own permissions:
  // the list's (copied) and the department's group at Contribute (Edit only where it answers
  // rows made for it). In lists departments submit to, each open submission folder of a year
  // (`<UnitCode>-<FY>`, opened by the coordinators) holds the list's and the group at Add only;
  // a locked one inherits the list and is left alone. In any folder with its own permissions,
  // what differs from that is drift: the missing is granted and the rest revoked.
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  for (const def of lists) {
    if (!def.departmentField || def.permissions.members !== "own") continue;
    const name = listUrlName(def);
    const displayName = def.displayName;
    const found = sec.folders[name] ?? {};
    const listWant = listWants.get(name) ?? [];
    const check = (folder: string, f: { unique: boolean; assignments: ObservedAssignment[] }, principal: string, role: RoleRef): void => {
      const want = [...listWant, { principal, role }];
      for (const w of want) {
        const a = f.unique ? f.assignments.find((x) => holder(x, w.principal)) : undefined;
        if (!a || !a.roles.includes(w.role)) steps.push({ kind: "grantFolder", list: name, displayName, folder, principal: w.principal, role: w.role });
      }
      for (const a of f.unique ? f.assignments : []) {
        const wanted = want.filter((w) => holder(a, w.principal)).map((w) => w.role);
        for (const r of [...a.roles.filter((x) => !wanted.includes(x)), ...a.otherRoles]) steps.push({ kind: "revokeFolder", list: name, displayName, folder, principal: a.principal, principalId: a.principalId, role: r });
      }
    };
    for (const code of sec.departmentCodes) {
      const f = Object.entries(found).find(([k]) => same(k, code))?.[1];
      const principal = departmentPrincipal(sec, code);
      const role: RoleRef = def.departmentAccess === "edit" ? "editOnly" : "contribute";
      if (f?.noItem) {
        // Made the old way: nothing to secure. An empty one is made again; one holding rows is the owner's to move.
        if (f.rows) {
          steps.push({ kind: "folderWithoutItem", list: name, displayName, folder: code, rows: f.rows });
          continue;
        }
        steps.push({ kind: "repairFolder", list: name, displayName, folder: code });
      } else if (!f) steps.push({ kind: "createFolder", list: name, displayName, folder: code });
      if (!f?.unique) {
        // Breaking inheritance copies the list's assignments; the department's group is added next.
        steps.push({ kind: "breakFolderInheritance", list: name, displayName, folder: code });
        steps.push({ kind: "grantFolder", list: name, displayName, folder: code, principal, role });
        continue;
      }
      check(code, f, principal, role);
    }
    if (!def.submissions) continue;
    for (const [folder, f] of Object.entries(found)) {
      const parsed = parseSubmissionFolder(folder);
      const code = parsed && sec.departmentCodes.find((c) => same(c, parsed.unitCode));
      if (!code) continue;
      if (f.noItem) {
        // Made again with its list item, inheriting the list (as a locked year's folder does):
        // opening the call again gives the department its Add only there.
        steps.push(f.rows ? { kind: "folderWithoutItem", list: name, displayName, folder, rows: f.rows } : { kind: "repairFolder", list: name, displayName, folder });
        continue;
      }
      if (!f.unique) continue;
      check(folder, f, departmentPrincipal(sec, code), "addOnly");
    }
  }
  return steps;
}

