import type { Store, StoredItem, ListState } from "./store";
import { conjuncts, evaluate, filterFields, FilterNode, ODataSyntaxError, parseFilter } from "./odataFilter";
import { accessDenied, badRequest, metadataLevel, MetadataLevel, notFound, SpError, throttled } from "./spErrors";
import { etagOf, fieldByInternal, ItemContext, listGuid, resolvePath, serializeItem, validateWrite } from "./listItems";
import { accessLevel, canRead, findUser, defaultUser, siteGroupList, siteUsers, SiteUser } from "./users";

/** One SharePoint REST request, from plain HTTP or from a part of a $batch. */
export interface SpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
  user: SiteUser;
}

export interface SpResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export const LIST_VIEW_THRESHOLD = 5000;
const DEFAULT_TOP = 100;

export interface SiteInfo {
  /** e.g. http://127.0.0.1:4650/sites/partnership */
  origin: string;
  path: string;
}

export function userFromHeaders(headers: Record<string, string>): SiteUser {
  const fromHeader = findUser(headers["x-pd-user"]);
  if (fromHeader) return fromHeader;
  const cookie = /(?:^|;\s*)pd-user=([^;]+)/.exec(headers.cookie ?? "");
  return findUser(cookie?.[1]) ?? defaultUser;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): SpResponse => ({
  status,
  headers: { "content-type": "application/json;odata=nometadata;charset=utf-8", ...headers },
  body: JSON.stringify(body),
});

export class SharePointApi {
  constructor(
    private readonly store: Store,
    private readonly site: SiteInfo,
  ) {}

  get siteUrl(): string {
    return this.site.origin + this.site.path;
  }

  handle(req: SpRequest): SpResponse {
    const level = metadataLevel(req.headers.accept);
    const rest = decodeURIComponent(req.url.pathname.slice((this.site.path + "/_api/").length));
    const method = effectiveMethod(req);
    const wrap = (value: unknown): unknown => (level === "verbose" ? { d: value } : value);
    const collection = (values: unknown[]): unknown => (level === "verbose" ? { d: { results: values } } : { value: values });

    if (/^contextinfo$/i.test(rest) && method === "POST") {
      const info = {
        FormDigestTimeoutSeconds: 1800,
        FormDigestValue: `0x${"AB".repeat(32)},${new Date().toUTCString()}`,
        LibraryVersion: "16.0.0.0",
        SiteFullUrl: this.siteUrl,
        WebFullUrl: this.siteUrl,
      };
      return json(200, level === "verbose" ? { d: { GetContextWebInformation: info } } : info);
    }
    if (/^web$/i.test(rest)) return json(200, wrap({ Title: "包括連携デスク", Url: this.siteUrl, ServerRelativeUrl: this.site.path, Language: 1041 }));
    if (/^web\/currentuser$/i.test(rest)) return json(200, wrap(userInfo(req.user)));
    if (/^web\/currentuser\/groups$/i.test(rest)) return json(200, collection(this.groups().filter((g) => g.members(req.user)).map(groupInfo)));
    if (/^web\/sitegroups$/i.test(rest)) return json(200, collection(this.groups().map(groupInfo)));
    if (/^web\/siteusers$/i.test(rest)) return json(200, collection(siteUsers.map(userInfo)));
    const byName = /^web\/sitegroups\/getbyname\('((?:[^']|'')*)'\)\/users$/i.exec(rest);
    if (byName) {
      const g = this.groups().find((x) => x.Title.toLowerCase() === byName[1].replace(/''/g, "'").toLowerCase());
      if (!g) throw notFound("Group");
      return json(200, collection(siteUsers.filter(g.members).map(userInfo)));
    }
    if (/^web\/lists$/i.test(rest)) {
      const lists = [...this.store.lists.values()].filter((s) => canRead(accessLevel(s.def, req.user)));
      return json(200, collection(lists.map((s) => listInfo(s))));
    }

    const m = /^web\/lists\/getbytitle\('((?:[^']|'')*)'\)(\/.*)?$/i.exec(rest);
    if (!m) throw badRequest(`Unsupported endpoint /_api/${rest}`);
    const state = this.store.list(m[1].replace(/''/g, "'"));
    if (!state) throw notFound(`List '${m[1]}'`);
    const level0 = accessLevel(state.def, req.user);
    if (!canRead(level0)) throw accessDenied();
    const sub = m[2] ?? "";
    const ctx: ItemContext = { store: this.store, state, level, siteUrl: this.siteUrl };

    if (sub === "") return json(200, wrap(listInfo(state)));
    if (/^\/items$/i.test(sub)) {
      if (method === "GET") return this.query(ctx, req);
      if (method === "POST") return this.add(ctx, req);
    }
    const itemM = /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))(\/.*)?$/i.exec(sub);
    if (itemM) {
      const id = Number(itemM[1] ?? itemM[2]);
      const item = state.items.get(id);
      if (!item) throw notFound("Item");
      const tail = itemM[3] ?? "";
      if (tail === "") {
        if (method === "GET") {
          const expanded = splitList(req.url.searchParams.get("$expand"));
          const select = req.url.searchParams.get("$select");
          return json(200, wrap(serializeItem(ctx, item, select ? splitList(select) : null, new Set(expanded))), { etag: etagOf(item) });
        }
        if (method === "MERGE" || method === "PATCH") return this.update(ctx, req, item);
        if (method === "DELETE") return this.remove(ctx, req, item);
      }
      if (/^\/attachmentfiles$/i.test(tail) && method === "GET") {
        return json(200, collection(item.attachments.map((a) => attachmentInfo(this.site.path, state, item, a.name))));
      }
      const addM = /^\/attachmentfiles\/add\(filename='((?:[^']|'')*)'\)$/i.exec(tail);
      if (addM && method === "POST") {
        this.assertCanChange(state, req.user, item, null);
        const name = addM[1].replace(/''/g, "'");
        if (!name || /[\\/:*?"<>|#%]/.test(name)) throw badRequest("The file name is not valid.");
        this.store.attach(state.def.title, id, { name, data: req.body.toString("base64") });
        return json(200, wrap(attachmentInfo(this.site.path, state, item, name)));
      }
      const valM = /^\/attachmentfiles\('((?:[^']|'')*)'\)\/\$value$/i.exec(tail);
      if (valM && method === "GET") {
        const a = item.attachments.find((x) => x.name === valM[1].replace(/''/g, "'"));
        if (!a) throw notFound("File");
        return { status: 200, headers: { "content-type": "application/octet-stream" }, body: Buffer.from(a.data, "base64") };
      }
    }
    throw badRequest(`Unsupported endpoint /_api/${rest} (${method})`);
  }

  groups(): ReturnType<typeof siteGroupList> {
    const depts = this.store.list("Departments");
    const codes = depts ? [...depts.items.values()].map((d) => String(d.values.UnitCode ?? "")).filter(Boolean) : [];
    return siteGroupList(codes);
  }

  private query(ctx: ItemContext, req: SpRequest): SpResponse {
    const q = req.url.searchParams;
    const select = q.get("$select") ? splitList(q.get("$select")!) : null;
    const expanded = new Set(splitList(q.get("$expand")));
    let filter: FilterNode | null = null;
    try {
      filter = q.get("$filter") ? parseFilter(q.get("$filter")!) : null;
    } catch (e) {
      if (e instanceof ODataSyntaxError) throw badRequest(`The expression "${q.get("$filter")}" is not valid. ${e.message}`);
      throw e;
    }
    const orderby = parseOrderBy(q.get("$orderby"));
    const topRaw = q.get("$top");
    const top = topRaw === null ? DEFAULT_TOP : Math.min(Number(topRaw), LIST_VIEW_THRESHOLD);
    if (!Number.isInteger(top) || top < 0) throw badRequest(`Invalid $top value '${topRaw}'.`);

    const all = [...ctx.state.items.values()];
    const resolve = (item: StoredItem) => (path: string[]) => resolvePath(ctx, item, path, expanded);
    this.checkThreshold(ctx, all, filter, orderby, expanded);

    let rows = filter ? all.filter((it) => evaluate(filter!, resolve(it))) : all;
    const cmp = comparator(orderby, (it, p) => resolvePath(ctx, it, p, expanded));
    rows.sort(cmp);

    const skip = q.get("$skiptoken");
    if (skip) {
      const anchor = parseSkipToken(skip);
      const anchorItem = ctx.state.items.get(anchor.id);
      const after = anchorItem ?? pseudoItem(anchor);
      rows = rows.filter((r) => cmp(r, after) > 0);
    }
    const page = rows.slice(0, top);
    const values = page.map((it) => serializeItem(ctx, it, select, expanded));
    let next: string | undefined;
    if (rows.length > page.length && page.length > 0) {
      const last = page[page.length - 1];
      const params = new URLSearchParams(q);
      let token = `Paged=TRUE&p_ID=${last.Id}`;
      for (const o of orderby) if (o.path.join("/") !== "ID" && o.path.join("/") !== "Id") token += `&p_${o.path.join("_")}=${encodeURIComponent(String(resolvePath(ctx, last, o.path, expanded) ?? ""))}`;
      params.set("$skiptoken", token);
      if (!params.has("$top")) params.set("$top", String(top));
      next = `${req.url.origin}${req.url.pathname}?${params.toString()}`;
    }
    if (ctx.level === "verbose") return json(200, { d: { results: values, ...(next ? { __next: next } : {}) } });
    return json(200, { value: values, ...(next ? { "odata.nextLink": next } : {}) });
  }

  /**
   * SharePoint refuses, on a list past the threshold, a query whose filter or order
   * touches an unindexed column unless its indexed conditions narrow the rows to the
   * threshold or fewer.
   */
  private checkThreshold(ctx: ItemContext, all: StoredItem[], filter: FilterNode | null, orderby: OrderBy[], expanded: Set<string>): void {
    if (all.length <= LIST_VIEW_THRESHOLD) return;
    const indexed = (p: string[]): boolean => isIndexed(ctx, p);
    const touchesUnindexed = (filter ? filterFields(filter).some((p) => !indexed(p)) : false) || orderby.some((o) => !indexed(o.path));
    if (!touchesUnindexed) return;
    if (!filter) throw throttled();
    const indexedParts = conjuncts(filter).filter((c) => filterFields(c).every(indexed));
    if (indexedParts.length === 0) throw throttled();
    const narrowed = all.filter((it) => indexedParts.every((c) => evaluate(c, (p) => resolvePath(ctx, it, p, expanded))));
    if (narrowed.length > LIST_VIEW_THRESHOLD) throw throttled();
  }

  private add(ctx: ItemContext, req: SpRequest): SpResponse {
    const body = parseBody(req.body);
    const values = validateWrite(ctx, body, null);
    this.assertCanChange(ctx.state, req.user, null, values);
    const item = this.store.add(ctx.state.def.title, values, req.user.Id);
    const out = serializeItem(ctx, item, null, new Set());
    return json(201, ctx.level === "verbose" ? { d: out } : out, { etag: etagOf(item) });
  }

  private update(ctx: ItemContext, req: SpRequest, item: StoredItem): SpResponse {
    checkEtag(req, item);
    const body = parseBody(req.body);
    const values = validateWrite(ctx, body, item.Id);
    this.assertCanChange(ctx.state, req.user, item, { ...item.values, ...values });
    const updated = this.store.update(ctx.state.def.title, item.Id, values, req.user.Id);
    return { status: 204, headers: { etag: etagOf(updated) }, body: "" };
  }

  private remove(ctx: ItemContext, req: SpRequest, item: StoredItem): SpResponse {
    checkEtag(req, item);
    this.assertCanChange(ctx.state, req.user, item, null);
    this.store.delete(ctx.state.def.title, item.Id);
    return { status: 200, headers: {}, body: "" };
  }

  /** Per-list permissions by group; `own` lists compare the row's department with the user's. */
  private assertCanChange(state: ListState, user: SiteUser, existing: StoredItem | null, next: Record<string, unknown> | null): void {
    const level = accessLevel(state.def, user);
    if (level === "write") return;
    if (level === "add" && existing === null) return;
    if (level === "own" && state.def.departmentField) {
      const col = `${state.def.fields[state.def.departmentField].internalName}Id`;
      const depts = this.store.list("Departments")!;
      const mine = new Set(
        [...depts.items.values()].filter((d) => user.departments.includes(String(d.values.UnitCode))).map((d) => d.Id),
      );
      const ok = (v: unknown): boolean => typeof v === "number" && mine.has(v);
      if ((existing === null || ok(existing.values[col])) && (next === null || ok(next[col]))) return;
    }
    throw accessDenied();
  }
}

function effectiveMethod(req: SpRequest): string {
  const override = req.headers["x-http-method"];
  return (override && req.method === "POST" ? override : req.method).toUpperCase();
}

function checkEtag(req: SpRequest, item: StoredItem): void {
  const ifMatch = req.headers["if-match"];
  if (!ifMatch || ifMatch === "*") return;
  const norm = (s: string): string => s.replace(/^W\//, "").replace(/"/g, "").split(",")[0].trim();
  if (norm(ifMatch) !== norm(etagOf(item))) {
    throw new SpError(
      412,
      "-2130575305, Microsoft.SharePoint.SPException",
      "The request ETag value '" + ifMatch + "' does not match the object's ETag value '" + etagOf(item) + "'.",
    );
  }
}

function parseBody(buf: Buffer): Record<string, unknown> {
  const text = buf.toString("utf8").trim();
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Error("not an object");
    return v as Record<string, unknown>;
  } catch {
    throw badRequest("Invalid JSON. A token was not recognized in the JSON content.");
  }
}

export function splitList(s: string | null): string[] {
  return (s ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
}

interface OrderBy {
  path: string[];
  desc: boolean;
}

function parseOrderBy(s: string | null): OrderBy[] {
  return splitList(s).map((part) => {
    const [field, dir] = part.split(/\s+/);
    return { path: field.split("/"), desc: (dir ?? "").toLowerCase() === "desc" };
  });
}

function comparator(orderby: OrderBy[], get: (it: StoredItem, p: string[]) => unknown): (a: StoredItem, b: StoredItem) => number {
  return (a, b) => {
    for (const o of orderby) {
      const c = compareAny(get(a, o.path), get(b, o.path));
      if (c !== 0) return o.desc ? -c : c;
    }
    return a.Id - b.Id;
  };
}

function compareAny(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a) < String(b) ? -1 : 1;
}

function parseSkipToken(token: string): { id: number; values: Record<string, string> } {
  const params = new URLSearchParams(token);
  const id = Number(params.get("p_ID"));
  if (!Number.isInteger(id)) throw badRequest("Invalid $skiptoken.");
  const values: Record<string, string> = {};
  params.forEach((v, k) => {
    if (k.startsWith("p_") && k !== "p_ID") values[k.slice(2)] = v;
  });
  return { id, values };
}

/** A stand-in for the anchor row when it was deleted between pages: its Id and sort values from the token. */
function pseudoItem(anchor: { id: number; values: Record<string, string> }): StoredItem {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(anchor.values)) values[k] = v !== "" && isFinite(Number(v)) ? Number(v) : v;
  return { Id: anchor.id, version: 0, created: "", modified: "", authorId: 0, editorId: 0, values, attachments: [] };
}

function isIndexed(ctx: ItemContext, path: string[]): boolean {
  const head = path[0];
  if (head === "Id" || head === "ID") return true;
  let f = fieldByInternal(ctx.state.def, head);
  if (!f && head.endsWith("Id")) f = fieldByInternal(ctx.state.def, head.slice(0, -2));
  if (!f || !f.indexed) return false;
  if (path.length === 2) return path[1] === "Id" || path[1] === "ID";
  return true;
}

function userInfo(u: SiteUser): Record<string, unknown> {
  return { Id: u.Id, Title: u.Title, Email: u.Email, LoginName: u.LoginName, IsSiteAdmin: false, PrincipalType: 1 };
}

function groupInfo(g: { Id: number; Title: string }): Record<string, unknown> {
  return { Id: g.Id, Title: g.Title, LoginName: g.Title, PrincipalType: 8 };
}

function listInfo(s: ListState): Record<string, unknown> {
  return {
    Id: listGuid(s.def),
    Title: s.def.title,
    Description: s.def.description,
    ItemCount: s.items.size,
    EntityTypeName: `${s.def.title}List`,
    ListItemEntityTypeFullName: `SP.Data.${s.def.title}ListItem`,
    BaseTemplate: 100,
  };
}

function attachmentInfo(sitePath: string, s: ListState, item: StoredItem, name: string): Record<string, unknown> {
  return { FileName: name, ServerRelativeUrl: `${sitePath}/Lists/${s.def.title}/Attachments/${item.Id}/${name}` };
}

export type { MetadataLevel };
