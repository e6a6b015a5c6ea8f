import { randomUUID } from "crypto";
import type { ListMeta, ListState, SiteState, Store, ViewState } from "./store";
import { accessDenied, badRequest, notFound, SpError } from "./spErrors";
import { BUILT_IN_FIELDS, parseFieldXml, titleField } from "./fieldSchema";
import type { SiteUser } from "./users";
import { has, Perm } from "./security";
import { webMask } from "./securityApi";

/**
 * The part of SharePoint's REST API that creates and changes lists, columns and views —
 * what the product's site setup uses — answered the way SharePoint answers, refusals
 * included. Only a site owner (ManageLists) may change a site's schema.
 */

export interface SchemaRequest {
  method: string;
  body: Record<string, unknown>;
  user: SiteUser;
}

export type Reply = (status: number, value: unknown, headers?: Record<string, string>) => { status: number; headers: Record<string, string>; body: string };

const listExists = (): SpError =>
  new SpError(
    500,
    "-2130575342, Microsoft.SharePoint.SPException",
    "A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.",
  );

/** Changing a site's lists, columns or views needs ManageLists on the web (site owners: Full Control). */
export function assertOwner(site: SiteState, user: SiteUser): void {
  if (!has(webMask(site, user), Perm.ManageLists)) throw accessDenied();
}

/** POST web/lists: a new custom list; its URL comes from the title, as in SharePoint. */
export function createList(store: Store, site: SiteState, req: SchemaRequest): ListState {
  assertOwner(site, req.user);
  const title = String(req.body.Title ?? "").trim();
  if (!title) throw badRequest("The parameter Title cannot be empty.");
  const template = Number(req.body.BaseTemplate ?? 100);
  if (template !== 100) throw new SpError(501, "-1, Microsoft.SharePoint.Client.ResourceNotFoundException", "Only custom lists (BaseTemplate 100) are implemented by the local backend.");
  const lists = [...site.lists.values()];
  if (lists.some((l) => l.meta.title.toLowerCase() === title.toLowerCase())) throw listExists();
  // SharePoint keeps the URL unique by appending a number (Lists/Foo1) when the name is taken.
  const base = title.replace(/[^A-Za-z0-9_-]/g, "") || "List";
  let urlName = base;
  for (let n = 1; lists.some((l) => l.meta.urlName.toLowerCase() === urlName.toLowerCase()); n++) urlName = `${base}${n}`;
  const meta: ListMeta = {
    id: randomUUID(),
    urlName,
    underLists: true,
    title,
    description: String(req.body.Description ?? ""),
    baseTemplate: 100,
    fields: [titleField()],
    views: [{ id: randomUUID(), title: "All Items", fileName: "AllItems.aspx", defaultView: true, viewQuery: '<OrderBy><FieldRef Name="ID" /></OrderBy>', rowLimit: 30, fields: ["LinkTitle"] }],
  };
  return store.saveListMeta(site.path, meta);
}

/** MERGE on a list: title and description. */
export function updateList(store: Store, state: ListState, site: SiteState, req: SchemaRequest): void {
  assertOwner(site, req.user);
  const meta = clone(state.meta);
  for (const [k, v] of Object.entries(req.body)) {
    if (k === "__metadata") continue;
    if (k === "Title") {
      const t = String(v).trim();
      if (!t) throw badRequest("The parameter Title cannot be empty.");
      if ([...site.lists.values()].some((l) => l !== state && l.meta.title.toLowerCase() === t.toLowerCase())) throw listExists();
      meta.title = t;
    } else if (k === "Description") meta.description = String(v);
    else throw badRequest(`The property '${k}' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.`);
  }
  store.saveListMeta(site.path, meta);
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** POST fields/createfieldasxml with { parameters: { SchemaXml, Options } }. */
export function createFieldAsXml(store: Store, state: ListState, site: SiteState, req: SchemaRequest): Record<string, unknown> {
  assertOwner(site, req.user);
  const params = req.body.parameters as { SchemaXml?: unknown; Options?: unknown } | undefined;
  if (!params || typeof params.SchemaXml !== "string") throw badRequest("The parameter parameters.SchemaXml is missing.");
  const field = parseFieldXml(params.SchemaXml, (id) => store.listById(site.path, id) !== undefined);
  const taken = [...BUILT_IN_FIELDS, ...state.meta.fields.map((f) => f.internalName)].map((n) => n.toLowerCase());
  if (taken.includes(field.internalName.toLowerCase())) {
    throw new SpError(500, "-2130575245, Microsoft.SharePoint.SPException", `A duplicate field name "${field.internalName}" was found.`);
  }
  if (field.unique && !field.indexed) throw uniqueNeedsIndex();
  const options = Number(params.Options ?? 0);
  field.inContentType = (options & 1) === 1 || (options & 4) === 4;
  const meta = clone(state.meta);
  meta.fields.push(field);
  if (options & 16) meta.views.find((v) => v.defaultView)?.fields.push(field.internalName);
  store.saveListMeta(site.path, meta);
  return fieldInfo(field);
}

const uniqueNeedsIndex = (): SpError =>
  new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", "The field must be indexed before unique values can be enforced.");

/** MERGE on a field: title, required, index, unique values (checked against existing rows). */
export function updateField(store: Store, state: ListState, site: SiteState, name: string, req: SchemaRequest): void {
  assertOwner(site, req.user);
  const meta = clone(state.meta);
  const f = meta.fields.find((x) => x.internalName.toLowerCase() === name.toLowerCase() || x.title === name);
  if (!f) throw notFound(`Column '${name}'`);
  for (const [k, v] of Object.entries(req.body)) {
    if (k === "__metadata") continue;
    if (k === "Title") f.title = String(v);
    else if (k === "Required") f.required = v === true;
    else if (k === "Indexed") {
      if (v !== true && f.unique) throw new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", "The index cannot be removed while unique values are enforced.");
      f.indexed = v === true;
    } else if (k === "EnforceUniqueValues") {
      if (v === true) {
        if (!f.indexed) throw uniqueNeedsIndex();
        const seen = new Set<string>();
        for (const it of state.items.values()) {
          const val = it.values[f.internalName];
          if (val === undefined || val === null || val === "") continue;
          const key = String(val).toLowerCase();
          if (seen.has(key)) throw new SpError(500, "-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException", "This field contains duplicate values. Remove all duplicate values and try the operation again.");
          seen.add(key);
        }
      }
      f.unique = v === true;
    } else if (k === "Choices" && f.def.kind === "choice") {
      // SP.FieldChoice.Choices (String[]; verbose JSON wraps it in { results }). Rows keep their values.
      const list = Array.isArray(v) ? v : v && typeof v === "object" && Array.isArray((v as { results?: unknown }).results) ? (v as { results: unknown[] }).results : null;
      if (!list || list.length === 0 || list.some((c) => typeof c !== "string" || c === "")) throw badRequest("The value of the property 'Choices' is not valid: a non-empty collection of strings is expected.");
      const choices = Object.fromEntries((list as string[]).map((c) => [c, c]));
      f.def = { ...f.def, choices };
      const esc = (x: string): string => x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      f.schemaXml = f.schemaXml.replace(/<CHOICES>[\s\S]*?<\/CHOICES>/, `<CHOICES>${(list as string[]).map((c) => `<CHOICE>${esc(c)}</CHOICE>`).join("")}</CHOICES>`);
    } else throw badRequest(`The property '${k}' does not exist on type 'SP.Field'. Make sure to only use property names that are defined by the type.`);
  }
  store.saveListMeta(site.path, meta);
}

export function fieldInfo(f: ListMeta["fields"][number]): Record<string, unknown> {
  return {
    Id: f.id,
    InternalName: f.internalName,
    StaticName: f.internalName,
    EntityPropertyName: f.internalName,
    Title: f.title,
    TypeAsString: f.typeAsString,
    Required: f.required,
    Indexed: f.indexed,
    EnforceUniqueValues: f.unique,
    Hidden: false,
    ReadOnlyField: false,
    SchemaXml: f.schemaXml,
  };
}

/** The built-in columns as the fields collection lists them beside the list's own. */
export function builtInFieldInfos(): Record<string, unknown>[] {
  const kinds: Record<string, string> = { ID: "Counter", Created: "DateTime", Modified: "DateTime", Author: "User", Editor: "User", Attachments: "Attachments", ContentType: "Computed" };
  return Object.entries(kinds).map(([name, type]) => ({
    Id: `00000000-0000-0000-0000-${name.padEnd(12, "0").slice(0, 12).replace(/[^0-9a-f]/gi, "0")}`,
    InternalName: name,
    StaticName: name,
    EntityPropertyName: name,
    Title: name,
    TypeAsString: type,
    Required: false,
    Indexed: name === "ID",
    EnforceUniqueValues: false,
    Hidden: name === "ContentType",
    ReadOnlyField: true,
  }));
}

export function viewInfo(site: SiteState, state: ListState, v: ViewState): Record<string, unknown> {
  const base = state.meta.underLists ? `${site.path}/Lists/${state.meta.urlName}` : `${site.path}/${state.meta.urlName}/Forms`;
  return {
    Id: v.id,
    Title: v.title,
    DefaultView: v.defaultView,
    PersonalView: false,
    RowLimit: v.rowLimit,
    ViewQuery: v.viewQuery,
    ServerRelativeUrl: `${base}/${v.fileName}`,
  };
}

/** POST views: a new public view; its page name comes from the title. */
export function addView(store: Store, state: ListState, site: SiteState, req: SchemaRequest): ViewState {
  assertOwner(site, req.user);
  if (req.body.PersonalView === true) throw new SpError(501, "-1, Microsoft.SharePoint.Client.ResourceNotFoundException", "Personal views are not implemented by the local backend.");
  const title = String(req.body.Title ?? "").trim();
  if (!title) throw badRequest("The parameter Title cannot be empty.");
  const meta = clone(state.meta);
  const base = title.replace(/[^A-Za-z0-9_-]/g, "") || "View";
  let fileName = `${base}.aspx`;
  for (let n = 1; meta.views.some((v) => v.fileName.toLowerCase() === fileName.toLowerCase()); n++) fileName = `${base}${n}.aspx`;
  const view: ViewState = {
    id: randomUUID(),
    title,
    fileName,
    defaultView: false,
    viewQuery: typeof req.body.ViewQuery === "string" ? req.body.ViewQuery : "",
    rowLimit: typeof req.body.RowLimit === "number" ? req.body.RowLimit : 30,
    fields: ["LinkTitle"],
  };
  if (req.body.DefaultView === true) {
    for (const v of meta.views) v.defaultView = false;
    view.defaultView = true;
  }
  meta.views.push(view);
  store.saveListMeta(site.path, meta);
  return view;
}

export function updateView(store: Store, state: ListState, site: SiteState, viewId: string, req: SchemaRequest): void {
  assertOwner(site, req.user);
  const meta = clone(state.meta);
  const v = meta.views.find((x) => x.id === viewId)!;
  for (const [k, val] of Object.entries(req.body)) {
    if (k === "__metadata") continue;
    if (k === "Title") v.title = String(val);
    else if (k === "ViewQuery") v.viewQuery = String(val);
    else if (k === "RowLimit") v.rowLimit = Number(val);
    else if (k === "DefaultView") {
      if (val === true) for (const x of meta.views) x.defaultView = x.id === viewId;
    } else throw badRequest(`The property '${k}' does not exist on type 'SP.View'. Make sure to only use property names that are defined by the type.`);
  }
  store.saveListMeta(site.path, meta);
}

/** viewfields/addviewfield('X') and removeallviewfields. */
export function changeViewFields(store: Store, state: ListState, site: SiteState, viewId: string, user: SiteUser, add: string | null): void {
  assertOwner(site, user);
  const meta = clone(state.meta);
  const v = meta.views.find((x) => x.id === viewId)!;
  if (add === null) {
    v.fields = [];
  } else {
    const known = add === "LinkTitle" || add === "LinkTitleNoMenu" || BUILT_IN_FIELDS.includes(add) || meta.fields.some((f) => f.internalName === add || f.title === add);
    if (!known) throw new SpError(400, "-2147024809, System.ArgumentException", `Column '${add}' does not exist. It may have been deleted by another user.`);
    const internal = meta.fields.find((f) => f.title === add && f.internalName !== add)?.internalName ?? add;
    if (!v.fields.includes(internal)) v.fields.push(internal);
  }
  store.saveListMeta(site.path, meta);
}

export function findView(state: ListState, how: { id?: string; title?: string; default?: boolean }): ViewState {
  const v = state.meta.views.find((x) =>
    how.id ? x.id.toLowerCase() === how.id.toLowerCase() : how.title ? x.title.toLowerCase() === how.title.toLowerCase() : x.defaultView,
  );
  if (!v) throw notFound("View");
  return v;
}

export type { SiteUser };
