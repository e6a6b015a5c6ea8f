import type { AnyListDef, FieldDef } from "../../src/data/schema/fieldTypes";
import type { ListState, Store, StoredItem } from "./store";
import { badRequest, MetadataLevel, SpError } from "./spErrors";
import { siteUsers } from "./users";

/**
 * How list items look on the wire (SharePoint REST, JSON light and verbose) and how
 * written values are checked, the way SharePoint checks them.
 */

export const itemEntityType = (def: AnyListDef): string => `SP.Data.${def.title.replace(/_/g, "_x005f_")}ListItem`;

export function etagOf(item: StoredItem): string {
  return `"${item.version}"`;
}

export function fieldByInternal(def: AnyListDef, name: string): FieldDef | undefined {
  return Object.values(def.fields).find((f) => f.internalName === name);
}

const builtInScalars = new Set(["Id", "ID", "Created", "Modified", "AuthorId", "EditorId", "Attachments", "Title", "FSObjType", "FileLeafRef", "FileDirRef", "FileRef"]);

/** A row's folder path and own URL, as SharePoint reports them (FileDirRef, FileRef). */
export function rowPaths(ctx: ItemContext, item: StoredItem): { dir: string; ref: string; leaf: string } {
  const root = `${new URL(ctx.siteUrl).pathname}/Lists/${ctx.state.meta.urlName}`;
  const dir = item.folder ? `${root}/${item.folder}` : root;
  const leaf = item.fsObjType === 1 ? String(item.values.Title ?? "") : `${item.Id}_.000`;
  return { dir, ref: `${dir}/${leaf}`, leaf };
}

function builtIn(item: StoredItem, name: string, ctx?: ItemContext): unknown {
  switch (name) {
    case "FSObjType":
      return item.fsObjType ?? 0;
    case "FileLeafRef":
      return ctx ? rowPaths(ctx, item).leaf : null;
    case "FileDirRef":
      return ctx ? rowPaths(ctx, item).dir : null;
    case "FileRef":
      return ctx ? rowPaths(ctx, item).ref : null;
    case "Id":
    case "ID":
      return item.Id;
    case "Created":
      return item.created;
    case "Modified":
      return item.modified;
    case "AuthorId":
      return item.authorId;
    case "EditorId":
      return item.editorId;
    case "Attachments":
      return item.attachments.length > 0;
    default:
      return undefined;
  }
}

export interface ItemContext {
  store: Store;
  state: ListState;
  level: MetadataLevel;
  siteUrl: string;
  /** The requesting user's effective permissions on a row (for EffectiveBasePermissions and trimming). */
  mask?: (item: StoredItem) => { High: number; Low: number };
  /** Whether a row has its own permissions (HasUniqueRoleAssignments). */
  hasUnique?: (item: StoredItem) => boolean;
}

/** The value a filter or a sort sees at `path` (e.g. ["Partner","Title"], ["PartnerId"]). */
export function resolvePath(ctx: ItemContext, item: StoredItem, path: string[], expanded: Set<string>): unknown {
  const [head, sub] = path;
  if (path.length === 1) {
    if (builtInScalars.has(head) && head !== "Title") return builtIn(item, head, ctx);
    const f = fieldByInternal(ctx.state.def, head);
    if (f && f.kind !== "lookup" && f.kind !== "lookupMulti" && f.kind !== "user") return item.values[head] ?? null;
    if (head.endsWith("Id")) {
      const lf = fieldByInternal(ctx.state.def, head.slice(0, -2));
      if (lf && (lf.kind === "lookup" || lf.kind === "lookupMulti" || lf.kind === "user")) return item.values[head] ?? null;
    }
    if (head === "Title") return item.values.Title ?? null;
    throw badRequest(`The field or property '${head}' does not exist.`);
  }
  if (path.length === 2) {
    if (!expanded.has(head)) {
      throw badRequest(
        `The query to field '${head}/${sub}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${head}.`,
      );
    }
    const target = projected(ctx, item, head);
    if (Array.isArray(target)) return target.map((t) => t[sub] ?? null);
    return target ? (target[sub] ?? null) : null;
  }
  throw badRequest(`The field or property '${path.join("/")}' is not supported.`);
}

type Projected = Record<string, unknown>;

/** The rows a lookup or person column points at, as SharePoint projects them. */
function projected(ctx: ItemContext, item: StoredItem, name: string): Projected | Projected[] | null {
  if (name === "Author" || name === "Editor") return userProjection(name === "Author" ? item.authorId : item.editorId);
  const f = fieldByInternal(ctx.state.def, name);
  if (!f) throw badRequest(`The field or property '${name}' does not exist.`);
  if (f.kind === "user") return userProjection(item.values[`${name}Id`] as number | null);
  if (f.kind !== "lookup" && f.kind !== "lookupMulti") throw badRequest(`The field '${name}' is not a lookup field.`);
  const target = ctx.store.listById(ctx.state.site, f.list) ?? ctx.store.list(f.list, ctx.state.site);
  if (!target) return null;
  const one = (id: unknown): Projected | null => {
    if (typeof id !== "number") return null;
    const row = target.items.get(id);
    if (!row) return null;
    return { Id: row.Id, ID: row.Id, Title: row.values.Title ?? null, ...row.values };
  };
  if (f.kind === "lookupMulti") {
    const ids = (item.values[`${name}Id`] as number[] | undefined) ?? [];
    return ids.map(one).filter((x): x is Projected => x !== null);
  }
  return one(item.values[`${name}Id`]);
}

function userProjection(id: number | null | undefined): Projected | null {
  const u = siteUsers.find((x) => x.Id === id);
  return u ? { Id: u.Id, ID: u.Id, Title: u.Title, EMail: u.Email, Name: u.LoginName } : null;
}

function metadataFor(ctx: ItemContext, item: StoredItem): Record<string, unknown> {
  const uri = `${ctx.siteUrl}/_api/Web/Lists(guid'${ctx.state.meta.id}')/Items(${item.Id})`;
  const type = itemEntityType(ctx.state.def);
  if (ctx.level === "verbose") return { __metadata: { id: uri, uri, etag: etagOf(item), type } };
  if (ctx.level === "minimal")
    return {
      "odata.type": type,
      "odata.id": uri,
      "odata.etag": etagOf(item),
      "odata.editLink": `Web/Lists(guid'${ctx.state.meta.id}')/Items(${item.Id})`,
    };
  return {};
}

const multi = (ctx: ItemContext, arr: unknown[]): unknown => (ctx.level === "verbose" ? { results: arr } : arr);

/** Serialises one item with $select / $expand applied. */
export function serializeItem(ctx: ItemContext, item: StoredItem, select: string[] | null, expanded: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = metadataFor(ctx, item);
  const def = ctx.state.def;
  if (!select || select.includes("*")) {
    out.Id = item.Id;
    out.ID = item.Id;
    out.Title = item.values.Title ?? null;
    for (const f of Object.values(def.fields)) {
      if (f.internalName === "Title") continue;
      if (f.kind === "lookup" || f.kind === "user") out[`${f.internalName}Id`] = item.values[`${f.internalName}Id`] ?? null;
      else if (f.kind === "lookupMulti") out[`${f.internalName}Id`] = multi(ctx, (item.values[`${f.internalName}Id`] as number[]) ?? []);
      else out[f.internalName] = item.values[f.internalName] ?? null;
    }
    out.Created = item.created;
    out.Modified = item.modified;
    out.AuthorId = item.authorId;
    out.EditorId = item.editorId;
    out.Attachments = item.attachments.length > 0;
    if (!select) return out;
  }
  for (const s of select ?? []) {
    if (s === "*") continue;
    const path = s.split("/");
    if (path.length === 2) {
      const [head, sub] = path;
      if (!expanded.has(head)) resolvePath(ctx, item, path, expanded); // throws SharePoint's error
      const target = projected(ctx, item, head);
      const pick = (t: Projected): Record<string, unknown> => {
        const existing = ctx.level === "verbose" ? { __metadata: { type: "SP.Data.ListItem" } } : {};
        return { ...existing, [sub]: t[sub] ?? null };
      };
      if (Array.isArray(target)) {
        const prev = (out[head] as { results?: Record<string, unknown>[] } | Record<string, unknown>[] | undefined) ?? [];
        const prevArr = Array.isArray(prev) ? prev : (prev.results ?? []);
        const merged = target.map((t, i) => ({ ...(prevArr[i] ?? {}), ...pick(t) }));
        out[head] = multi(ctx, merged);
      } else if (target) {
        out[head] = { ...((out[head] as Record<string, unknown>) ?? {}), ...pick(target) };
      } else {
        out[head] = null;
      }
      continue;
    }
    if (s === "HasUniqueRoleAssignments" && ctx.hasUnique) {
      out[s] = ctx.hasUnique(item);
      continue;
    }
    if (s === "EffectiveBasePermissions" && ctx.mask) {
      const m = ctx.mask(item);
      out[s] = { High: String(m.High), Low: String(m.Low) };
      continue;
    }
    const v = resolvePath(ctx, item, path, expanded);
    out[s] = Array.isArray(v) ? multi(ctx, v) : v;
  }
  return out;
}

/**
 * Checks a written body the way SharePoint does (unknown property, wrong type, text too
 * long, duplicate in a unique column) and returns the values to store.
 */
export function validateWrite(ctx: ItemContext, body: Record<string, unknown>, existingId: number | null): Record<string, unknown> {
  const def = ctx.state.def;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(body)) {
    if (key === "__metadata") continue;
    let f = fieldByInternal(def, key);
    let asId = false;
    if ((!f || f.kind === "lookup" || f.kind === "lookupMulti" || f.kind === "user") && key.endsWith("Id")) {
      const lf = fieldByInternal(def, key.slice(0, -2));
      if (lf && (lf.kind === "lookup" || lf.kind === "lookupMulti" || lf.kind === "user")) {
        f = lf;
        asId = true;
      }
    }
    if (!f && key === "Title") {
      out.Title = raw === null ? null : String(raw);
      continue;
    }
    if (!f || ((f.kind === "lookup" || f.kind === "lookupMulti" || f.kind === "user") && !asId)) {
      throw badRequest(`The property '${key}' does not exist on type '${itemEntityType(def)}'. Make sure to only use property names that are defined by the type.`);
    }
    out[key] = coerce(f, key, raw);
  }
  for (const f of Object.values(def.fields)) {
    if (!f.unique) continue;
    const v = out[f.internalName];
    if (v === undefined || v === null || v === "") continue;
    const norm = (x: unknown): string => String(x).toLowerCase();
    for (const it of ctx.state.items.values()) {
      if (it.Id !== existingId && it.values[f.internalName] !== undefined && norm(it.values[f.internalName]) === norm(v)) {
        throw new SpError(
          500,
          "-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException",
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${f.internalName}].`,
        );
      }
    }
  }
  return out;
}

function coerce(f: FieldDef, key: string, raw: unknown): unknown {
  const bad = (what: string): SpError =>
    badRequest(`A type named '${what}' could not be resolved by the model. Cannot convert a primitive value to the expected type for '${key}'.`);
  if (raw === null) return null;
  switch (f.kind) {
    case "text":
      if (typeof raw !== "string") throw bad("Edm.String");
      if (raw.length > 255) throw new SpError(400, "-2130575155, Microsoft.SharePoint.SPFieldValidationException", `The value of the field '${key}' exceeds the maximum length of 255 characters.`);
      return raw;
    case "note":
      if (typeof raw !== "string") throw bad("Edm.String");
      if (raw.length > 63999) throw new SpError(400, "-2130575155, Microsoft.SharePoint.SPFieldValidationException", `The value of the field '${key}' is too long.`);
      return raw;
    case "choice":
      if (typeof raw !== "string") throw bad("Edm.String");
      return raw;
    case "number": {
      const n = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
      if (typeof n !== "number" || !isFinite(n)) throw bad("Edm.Double");
      return n;
    }
    case "boolean":
      if (typeof raw !== "boolean") throw bad("Edm.Boolean");
      return raw;
    case "date":
    case "dateTime": {
      if (typeof raw !== "string" || isNaN(Date.parse(raw))) throw bad("Edm.DateTime");
      return new Date(raw).toISOString().replace(".000Z", "Z");
    }
    case "lookup":
    case "user": {
      const n = typeof raw === "string" ? Number(raw) : raw;
      if (typeof n !== "number" || !Number.isInteger(n)) throw bad("Edm.Int32");
      return n <= 0 ? null : n;
    }
    case "lookupMulti": {
      const arr = Array.isArray(raw) ? raw : ((raw as { results?: unknown[] }).results ?? null);
      if (!Array.isArray(arr) || arr.some((x) => typeof x !== "number" || !Number.isInteger(x))) throw bad("Collection(Edm.Int32)");
      return arr;
    }
  }
}
