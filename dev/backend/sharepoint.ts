import type { Store, StoredItem, ListState, SiteState, ViewState } from "./store";
import { builtInFieldInfos, createFieldAsXml, addView, changeViewFields, createList, fieldInfo, findView, SchemaRequest, updateField, updateList, updateView, viewInfo } from "./siteSchema";
import { conjuncts, evaluate, filterFields, FilterNode, ODataSyntaxError, parseFilter } from "./odataFilter";
import { accessDenied, badRequest, LOOKUP_THRESHOLD, lookupThrottled, metadataLevel, MetadataLevel, notFound, SpError, throttled } from "./spErrors";
import { etagOf, fieldByInternal, ItemContext, resolvePath, serializeItem, validateWrite } from "./listItems";
import { entraGroups, findUser, defaultUser, siteUsers, SiteUser } from "./users";
import { has, Perm } from "./security";
import { findFolder, folderScope, itemMask, itemTarget, listMask, listTarget, scopeRoute, SecurityContext, webSecurityRoute, webTarget } from "./securityApi";
import { effective } from "./security";
import { deleteList, regionalSettingsRoute } from "./siteExtras";
import { sitePageFileRoute } from "./sitePages";

/** The tenant app catalog site, where tenant properties are written. */
export const APP_CATALOG_SITE = "/sites/appcatalog";

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

const q = (s: string): string => s.replace(/''/g, "'");
const notImplemented = (rest: string, method: string): SpError =>
  new SpError(501, "-1, Microsoft.SharePoint.Client.ResourceNotFoundException", `The local backend does not implement ${method} /_api/${rest}.`);

/** "/sites/partnership" from "/sites/partnership/_api/web". */
export function sitePathOfRequest(pathname: string): string | null {
  const m = /^(\/sites\/[^/]+)\/_api\//i.exec(pathname);
  return m ? m[1] : null;
}

export class SharePointApi {
  constructor(
    private readonly store: Store,
    private readonly origin: string,
  ) {}

  handle(req: SpRequest): SpResponse {
    const sitePath = sitePathOfRequest(req.url.pathname);
    const site = sitePath ? this.store.site(sitePath) : undefined;
    // SharePoint answers 404 for a site that does not exist (and for a path that is not a site).
    if (!site) throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
    const siteUrl = this.origin + site.path;
    const level = metadataLevel(req.headers.accept);
    const rest = decodeURIComponent(req.url.pathname.slice((sitePath + "/_api/").length));
    const method = effectiveMethod(req);
    const get = method === "GET";
    const wrap = (value: unknown): unknown => (level === "verbose" ? { d: value } : value);
    const collection = (values: unknown[]): unknown => (level === "verbose" ? { d: { results: values } } : { value: values });
    const schemaReq = (): SchemaRequest => ({ method, body: parseBody(req.body), user: req.user });

    if (/^contextinfo$/i.test(rest) && method === "POST") {
      const info = {
        FormDigestTimeoutSeconds: 1800,
        FormDigestValue: `0x${"AB".repeat(32)},${new Date().toUTCString()}`,
        LibraryVersion: "16.0.0.0",
        SiteFullUrl: siteUrl,
        WebFullUrl: siteUrl,
      };
      return json(200, level === "verbose" ? { d: { GetContextWebInformation: info } } : info);
    }
    if (/^web$/i.test(rest) && get) return json(200, wrap({ Id: listGuidOf(site.path), Title: site.title, Url: siteUrl, ServerRelativeUrl: site.path, Language: 1041, WebTemplate: "GROUP" }));
    const sc: SecurityContext = { store: this.store, site, user: req.user, method, body: () => parseBody(req.body), query: req.url.searchParams, json, wrap, collection };
    const regional = regionalSettingsRoute(rest, method, wrap, json);
    if (regional) return regional;
    const pageFile = sitePageFileRoute(this.store, site, rest, method, req.user, wrap, json);
    if (pageFile) return pageFile;
    if (/^web\/currentuser$/i.test(rest) && get) return json(200, wrap(userInfo(req.user)));
    if (/^web\/siteusers$/i.test(rest) && get) return json(200, collection(siteUsers.map(userInfo)));
    const webSec = webSecurityRoute(sc, rest);
    if (webSec) return webSec;
    const webScope = /^web(\/.*)$/i.exec(rest);
    if (webScope) {
      const r = scopeRoute(sc, webTarget(sc), webScope[1]);
      if (r) return r;
    }
    // Tenant properties (storage entities) live in the tenant app catalog; any site reads them.
    const entity = /^web\/getstorageentity\('((?:[^']|'')*)'\)$/i.exec(rest);
    if (entity && get) {
      const v = this.store.tenantProperties.get(q(entity[1]));
      return json(200, wrap(v ? { Value: v.value, Description: v.description, Comment: "" } : { "odata.null": true }));
    }
    if (/^web\/setstorageentity$/i.test(rest) && method === "POST") {
      // Only on the tenant app catalog site, and only a SharePoint (tenant) admin may (Set-PnPStorageEntity).
      if (site.path.toLowerCase() !== APP_CATALOG_SITE || !req.user.tenantAdmin) throw accessDenied();
      const b = parseBody(req.body);
      this.store.setTenantProperty(String(b.key ?? ""), b.value === null ? null : String(b.value ?? ""), String(b.description ?? ""));
      return { status: 204, headers: {}, body: "" };
    }
    if (/^sp_tenantsettings_current$/i.test(rest) && get) return json(200, wrap({ CorporateCatalogUrl: this.origin + APP_CATALOG_SITE }));
    if (/^sp\.movecopyutil\.movefilebypath(\(overwrite=@a1\))?$/i.test(rest) && method === "POST") return this.moveRow(site, req);
    if (/^web\/lists$/i.test(rest)) {
      if (get) {
        const lists = [...site.lists.values()].filter((s) => has(listMask(site, s, req.user), Perm.ViewListItems));
        return json(200, collection(lists.map((s) => listInfo(site, s))));
      }
      if (method === "POST") return json(201, wrap(listInfo(site, createList(this.store, site, schemaReq()))));
      throw notImplemented(rest, method);
    }

    const folderM = /^web\/getfolderbyserverrelativepath\(decodedurl='((?:[^']|'')*)'\)(\/listitemallfields)?(\/.*)?$/i.exec(rest);
    if (folderM) return this.folderRoute(site, sc, q(folderM[1]), !!folderM[2], folderM[3] ?? "", req, level, siteUrl, wrap);
    const addressed = this.addressList(site, rest);
    if (!addressed) throw notImplemented(rest, method);
    const { state, sub } = addressed;
    const mask = listMask(site, state, req.user);
    // Effective permissions and role assignments can be asked about without reading items.
    const scoped = scopeRoute(sc, listTarget(sc, state), sub);
    if (scoped) return scoped;
    if (!has(mask, Perm.ViewListItems)) throw accessDenied();
    const ctx: ItemContext = { store: this.store, state, level, siteUrl, mask: (it) => itemMask(site, state, it, req.user), hasUnique: (it) => site.security.items?.[`${state.meta.id}:${it.Id}`] !== undefined };

    const addFolder = /^\/rootfolder\/folders\/addusingpath\(decodedurl='((?:[^']|'')*)',\s*overwrite=(true|false)\)$/i.exec(sub);
    if (addFolder && method === "POST") {
      // `Folders.AddUsingPath` makes a folder in the list's file system. In a library the folder
      // gets its list item; in a *generic list* it does not: no list item, invisible in views, no
      // ListItemAllFields to set permissions on (pnp/pnpjs#747 and #100, answered "not a bug" by
      // the maintainers; recorded again by pnp/cli-microsoft365#6804 and pnp/pnpcore#1680).
      const name = q(addFolder[1]).replace(/^.*\//, "");
      if (!name || /[\\/:*?"<>|#%]/.test(name)) throw badRequest("The folder name is not valid.");
      if (!has(mask, Perm.AddListItems)) throw accessDenied();
      if (findFolder(state, name)) {
        throw new SpError(500, "-2130575257, Microsoft.SharePoint.SPException", `A file or folder with the name ${listRootUrl(site, state)}/${name} already exists.`);
      }
      const f = this.store.add(state, { Title: name }, req.user.Id, undefined, { fsObjType: 1, noItem: state.meta.baseTemplate === 100 });
      return json(200, wrap(folderInfo(site, state, f)));
    }
    if (/^\/addvalidateupdateitemusingpath(\(\))?$/i.test(sub) && method === "POST") return this.addValidate(ctx, site, req);

    if (sub === "") {
      if (get) return json(200, wrap(listInfo(site, state)));
      if (method === "MERGE" || method === "PATCH") {
        updateList(this.store, state, site, schemaReq());
        return { status: 204, headers: {}, body: "" };
      }
      if (method === "DELETE") return deleteList(this.store, site, state, req.user);
      throw notImplemented(rest, method);
    }
    const schema = this.schemaRoute(site, state, sub, method, req, schemaReq, wrap, collection);
    if (schema) return schema;
    if (/^\/items$/i.test(sub)) {
      if (get) return this.query(ctx, req);
      if (method === "POST") return this.add(ctx, req);
    }
    const itemM = /^\/items(?:\((\d+)\)|\/getbyid\((\d+)\))(\/.*)?$/i.exec(sub);
    if (itemM) {
      const id = Number(itemM[1] ?? itemM[2]);
      const item = state.items.get(id);
      if (!item || item.noItem) throw notFound("Item");
      const tail = itemM[3] ?? "";
      const itemScoped = scopeRoute(sc, itemTarget(sc, state, item), tail);
      if (itemScoped) return itemScoped;
      if (!has(itemMask(site, state, item, req.user), Perm.ViewListItems)) throw accessDenied();
      if (tail === "") {
        if (get) {
          const expanded = splitList(req.url.searchParams.get("$expand"));
          const select = req.url.searchParams.get("$select");
          return json(200, wrap(serializeItem(ctx, item, select ? splitList(select) : null, new Set(expanded))), { etag: etagOf(item) });
        }
        if (method === "MERGE" || method === "PATCH") return this.update(ctx, req, item);
        if (method === "DELETE") return this.remove(ctx, req, item);
      }
      if (/^\/attachmentfiles$/i.test(tail) && get) {
        return json(200, collection(item.attachments.map((a) => attachmentInfo(site.path, state, item, a.name))));
      }
      const addM = /^\/attachmentfiles\/add\(filename='((?:[^']|'')*)'\)$/i.exec(tail);
      if (addM && method === "POST") {
        this.assertCanChange(state, req.user, item, null);
        const name = q(addM[1]);
        if (!name || /[\\/:*?"<>|#%]/.test(name)) throw badRequest("The file name is not valid.");
        this.store.attach(state, id, { name, data: req.body.toString("base64") });
        return json(200, wrap(attachmentInfo(site.path, state, item, name)));
      }
      const valM = /^\/attachmentfiles\('((?:[^']|'')*)'\)\/\$value$/i.exec(tail);
      if (valM && get) {
        const a = item.attachments.find((x) => x.name === q(valM[1]));
        if (!a) throw notFound("File");
        return { status: 200, headers: { "content-type": "application/octet-stream" }, body: Buffer.from(a.data, "base64") };
      }
    }
    throw notImplemented(rest, method);
  }

  /** `web/getlist('/sites/x/Lists/PD_A')`, `web/lists/getbytitle('T')` or `web/lists(guid'…')`, and what follows. */
  private addressList(site: SiteState, rest: string): { state: ListState; sub: string } | null {
    const byUrl = /^web\/getlist\('((?:[^']|'')*)'\)(\/.*)?$/i.exec(rest);
    if (byUrl) {
      const url = q(byUrl[1]).replace(/\/+$/, "");
      const state = [...site.lists.values()].find((l) => listRootUrl(site, l).toLowerCase() === url.toLowerCase());
      if (!state) throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
      return { state, sub: byUrl[2] ?? "" };
    }
    const byTitle = /^web\/lists\/getbytitle\('((?:[^']|'')*)'\)(\/.*)?$/i.exec(rest);
    if (byTitle) {
      const t = q(byTitle[1]).toLowerCase();
      const state = [...site.lists.values()].find((l) => l.meta.title.toLowerCase() === t);
      if (!state) throw notFound(`List '${q(byTitle[1])}'`);
      return { state, sub: byTitle[2] ?? "" };
    }
    const byId = /^web\/lists(?:\(guid'([0-9a-f-]{36})'\)|\/getbyid\('([0-9a-f-]{36})'\))(\/.*)?$/i.exec(rest);
    if (byId) {
      const state = this.store.listById(site.path, byId[1] ?? byId[2]);
      if (!state) throw notFound("List");
      return { state, sub: byId[3] ?? "" };
    }
    return null;
  }

  /** Columns, views and content types of a list (see siteSchema.ts). */
  private schemaRoute(
    site: SiteState,
    state: ListState,
    sub: string,
    method: string,
    req: SpRequest,
    schemaReq: () => SchemaRequest,
    wrap: (v: unknown) => unknown,
    collection: (v: unknown[]) => unknown,
  ): SpResponse | null {
    const get = method === "GET";
    const merge = method === "MERGE" || method === "PATCH";
    const noContent: SpResponse = { status: 204, headers: {}, body: "" };
    if (/^\/fields$/i.test(sub)) {
      if (get) return json(200, collection(project([...builtInFieldInfos(), ...state.meta.fields.map(fieldInfo)], req)));
      throw notImplemented(sub, method);
    }
    if (/^\/fields\/createfieldasxml$/i.test(sub) && method === "POST") return json(201, wrap(createFieldAsXml(this.store, state, site, schemaReq())));
    const fieldM = /^\/fields\/getbyinternalnameortitle\('((?:[^']|'')*)'\)$/i.exec(sub);
    if (fieldM) {
      const name = q(fieldM[1]);
      const f = state.meta.fields.find((x) => x.internalName.toLowerCase() === name.toLowerCase() || x.title === name);
      if (!f) throw notFound(`Column '${name}'`);
      if (get) return json(200, wrap(fieldInfo(f)));
      if (merge) {
        updateField(this.store, state, site, name, schemaReq());
        return noContent;
      }
      throw notImplemented(sub, method);
    }
    if (/^\/contenttypes$/i.test(sub) && get) {
      const links = state.meta.fields.filter((f) => f.inContentType).map((f) => ({ Id: f.id, Name: f.internalName }));
      return json(200, collection([{ Id: { StringValue: "0x0100" + state.meta.id.replace(/-/g, "").toUpperCase() }, Name: "アイテム", FieldLinks: level(req) === "verbose" ? { results: links } : links }]));
    }
    if (/^\/views$/i.test(sub)) {
      if (get) return json(200, collection(state.meta.views.map((v) => this.viewOut(site, state, v, req))));
      if (method === "POST") return json(201, wrap(viewInfo(site, state, addView(this.store, state, site, schemaReq()))));
      throw notImplemented(sub, method);
    }
    const viewM = /^\/(?:views\/getbyid\('([0-9a-f-]{36})'\)|views\('([0-9a-f-]{36})'\)|views\/getbytitle\('((?:[^']|'')*)'\)|defaultview)(\/.*)?$/i.exec(sub);
    if (viewM) {
      const view = findView(state, { id: viewM[1] ?? viewM[2], title: viewM[3] ? q(viewM[3]) : undefined, default: !viewM[1] && !viewM[2] && !viewM[3] });
      const tail = viewM[4] ?? "";
      if (tail === "") {
        if (get) return json(200, wrap(this.viewOut(site, state, view, req)));
        if (merge) {
          updateView(this.store, state, site, view.id, schemaReq());
          return noContent;
        }
        throw notImplemented(sub, method);
      }
      if (/^\/viewfields$/i.test(tail) && get) return json(200, wrap({ Items: level(req) === "verbose" ? { results: view.fields } : view.fields, SchemaXml: "" }));
      const addF = /^\/viewfields\/addviewfield\('((?:[^']|'')*)'\)$/i.exec(tail);
      if (addF && method === "POST") {
        changeViewFields(this.store, state, site, view.id, req.user, q(addF[1]));
        return noContent;
      }
      if (/^\/viewfields\/removeallviewfields$/i.test(tail) && method === "POST") {
        changeViewFields(this.store, state, site, view.id, req.user, null);
        return noContent;
      }
      throw notImplemented(sub, method);
    }
    return null;
  }

  private viewOut(site: SiteState, state: ListState, v: ViewState, req: SpRequest): Record<string, unknown> {
    const info = viewInfo(site, state, v);
    const expand = splitList(req.url.searchParams.get("$expand")).map((x) => x.toLowerCase());
    if (expand.includes("viewfields")) info.ViewFields = { Items: level(req) === "verbose" ? { results: v.fields } : v.fields };
    return info;
  }

  private query(ctx: ItemContext, req: SpRequest): SpResponse {
    const q = req.url.searchParams;
    const select = q.get("$select") ? splitList(q.get("$select")!) : null;
    const expanded = new Set(splitList(q.get("$expand")));
    const joins = [...expanded].filter((name) => name === "Author" || name === "Editor" || ["lookup", "lookupMulti", "user"].includes(fieldByInternal(ctx.state.def, name)?.kind ?? ""));
    if (joins.length > LOOKUP_THRESHOLD) throw lookupThrottled();
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

    // A folder with no list item (see addusingpath above) is no row of the list.
    const all = [...ctx.state.items.values()].filter((it) => !it.noItem);
    const resolve = (item: StoredItem) => (path: string[]) => resolvePath(ctx, item, path, expanded);
    this.checkThreshold(ctx, all, filter, orderby, expanded);

    // Security trimming: rows the user cannot view are not there for them.
    const visible = all.filter((it) => !ctx.mask || has(ctx.mask(it), Perm.ViewListItems));
    let rows = filter ? visible.filter((it) => evaluate(filter!, resolve(it))) : visible;
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
    // SharePoint checks the permission before it reads the values: a Read user gets 403 whatever they send.
    this.assertCanChange(ctx.state, req.user, null, body);
    const values = validateWrite(ctx, body, null);
    const item = this.store.add(ctx.state, values, req.user.Id);
    const out = serializeItem(ctx, item, null, new Set());
    return json(201, ctx.level === "verbose" ? { d: out } : out, { etag: etagOf(item) });
  }

  private update(ctx: ItemContext, req: SpRequest, item: StoredItem): SpResponse {
    checkEtag(req, item);
    const body = parseBody(req.body);
    this.assertCanChange(ctx.state, req.user, item, body);
    const values = validateWrite(ctx, body, item.Id);
    const updated = this.store.update(ctx.state, item.Id, values, req.user.Id);
    return { status: 204, headers: { etag: etagOf(updated) }, body: "" };
  }

  private remove(ctx: ItemContext, req: SpRequest, item: StoredItem): SpResponse {
    checkEtag(req, item);
    this.assertCanChange(ctx.state, req.user, item, null);
    this.store.delete(ctx.state, item.Id);
    return { status: 200, headers: {}, body: "" };
  }

  /**
   * What SharePoint checks on a write: the effective permissions on the object written — a
   * new row in its folder (or the list's root), an existing row (its own, its folder's or the
   * list's assignments): AddListItems, EditListItems, DeleteListItems.
   */
  private assertCanChange(state: ListState, user: SiteUser, existing: StoredItem | null, next: Record<string, unknown> | null, folder?: string): void {
    const site = this.store.site(state.site)!;
    const mask = existing ? itemMask(site, state, existing, user) : effective(site.security, entraGroups, folderScope(site, state, folder), user);
    const need = existing === null ? Perm.AddListItems : next === null ? Perm.DeleteListItems : Perm.EditListItems;
    if (!has(mask, need)) throw accessDenied();
  }

  /**
   * `AddValidateUpdateItemUsingPath`: a new row in a folder, from form values (strings, as
   * SharePoint's forms send them). Answers 200 with one result per field; a value SharePoint
   * cannot read is reported there (HasException) and nothing is created.
   */
  private addValidate(ctx: ItemContext, site: SiteState, req: SpRequest): SpResponse {
    const body = parseBody(req.body);
    const info = (body.listItemCreateInfo ?? {}) as { FolderPath?: { DecodedUrl?: string }; UnderlyingObjectType?: number };
    const formValues = (Array.isArray(body.formValues) ? body.formValues : []) as { FieldName?: string; FieldValue?: string }[];
    const root = listRootUrl(site, ctx.state);
    const path = (info.FolderPath?.DecodedUrl ?? "").replace(/\/+$/, "");
    let folder = "";
    if (path && path.toLowerCase() !== root.toLowerCase()) {
      if (!path.toLowerCase().startsWith(root.toLowerCase() + "/")) throw new SpError(400, "-2147024809, System.ArgumentException", "The folder path is not in this list.");
      folder = path.slice(root.length + 1);
      if (!findFolder(ctx.state, folder) || folder.includes("/")) throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
    }
    const results: Record<string, unknown>[] = [];
    const raw: Record<string, unknown> = {};
    let failed = false;
    for (const fv of formValues) {
      const name = String(fv.FieldName ?? "");
      const r = formValue(ctx, name, fv.FieldValue ?? "");
      if ("error" in r) {
        failed = true;
        results.push({ ErrorCode: -2146232832, ErrorMessage: r.error, FieldName: name, FieldValue: fv.FieldValue ?? "", HasException: true, ItemId: 0 });
      } else {
        raw[r.key] = r.value;
        results.push({ ErrorCode: 0, ErrorMessage: null, FieldName: name, FieldValue: fv.FieldValue ?? "", HasException: false, ItemId: 0 });
      }
    }
    this.assertCanChange(ctx.state, req.user, null, raw, folder || undefined);
    if (failed) return json(200, ctx.level === "verbose" ? { d: { AddValidateUpdateItemUsingPath: { results } } } : { value: results });
    const values = validateWrite(ctx, raw, null);
    const item = this.store.add(ctx.state, values, req.user.Id, undefined, { folder: folder || undefined });
    for (const r of results) r.ItemId = item.Id;
    results.push({ ErrorCode: 0, ErrorMessage: null, FieldName: "Id", FieldValue: String(item.Id), HasException: false, ItemId: item.Id });
    return json(200, ctx.level === "verbose" ? { d: { AddValidateUpdateItemUsingPath: { results } } } : { value: results });
  }

  /**
   * `SP.MoveCopyUtil.MoveFileByPath`: a list row moved into another folder of its list, by its
   * file (`…/<folder>/<id>_.000`), as PnP Core SDK's ListItem.MoveTo does. The row keeps its id;
   * it needs Edit and Delete where it is and Add where it goes (403 otherwise).
   */
  private moveRow(site: SiteState, req: SpRequest): SpResponse {
    const body = parseBody(req.body) as { srcPath?: { DecodedUrl?: string }; destPath?: { DecodedUrl?: string } };
    const path = (u: string | undefined): string => {
      try {
        return decodeURIComponent(new URL(u ?? "").pathname).replace(/\/+$/, "");
      } catch {
        return (u ?? "").replace(/\/+$/, "");
      }
    };
    const src = path(body.srcPath?.DecodedUrl);
    const dest = path(body.destPath?.DecodedUrl);
    const list = [...site.lists.values()].find((l) => src.toLowerCase().startsWith(listRootUrl(site, l).toLowerCase() + "/"));
    if (!list || !dest.toLowerCase().startsWith(listRootUrl(site, list).toLowerCase() + "/")) throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
    const root = listRootUrl(site, list);
    const leaf = /\/(\d+)_\.000$/.exec(src);
    const item = leaf ? list.items.get(Number(leaf[1])) : undefined;
    const srcFolder = src.slice(root.length + 1).replace(/\/?\d+_\.000$/, "");
    if (!item || item.fsObjType === 1 || (item.folder ?? "").toLowerCase() !== srcFolder.toLowerCase()) throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
    const destFolder = dest.slice(root.length + 1).replace(/\/?\d+_\.000$/, "");
    if (destFolder && !findFolder(list, destFolder)) throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
    const here = itemMask(site, list, item, req.user);
    if (!has(here, Perm.EditListItems) || !has(here, Perm.DeleteListItems)) throw accessDenied();
    if (!has(effective(site.security, entraGroups, folderScope(site, list, destFolder || undefined), req.user), Perm.AddListItems)) throw accessDenied();
    this.store.update(list, item.Id, {}, req.user.Id, destFolder);
    return json(200, {});
  }

  /**
   * `web/getFolderByServerRelativePath(decodedUrl='…')` and what follows: the folder's own
   * properties (`$expand=ListItemAllFields`), `/listItemAllFields[/…security…]`,
   * `/AddSubFolderUsingPath` and `/recycle`. A folder is addressed by its path, which SharePoint
   * answers whatever the size of the list: loading a large list's folder collection or filtering
   * its items on `FSObjType` is refused past 5,000 items (pnp/pnpframework#234: "I was able to
   * work around it using DoesFolderExists and GetFolderByServerRelativeUrl. Both don't trigger the
   * exception"; pnp/powershell#479, pnp/pnpcore#1224).
   */
  private folderRoute(site: SiteState, sc: SecurityContext, url: string, asItem: boolean, tail: string, req: SpRequest, level: MetadataLevel, siteUrl: string, wrap: (v: unknown) => unknown): SpResponse {
    const clean = url.replace(/\/+$/, "");
    const list = [...site.lists.values()].find((l) => clean.toLowerCase().startsWith(listRootUrl(site, l).toLowerCase() + "/") || clean.toLowerCase() === listRootUrl(site, l).toLowerCase());
    if (!list) throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
    const method = effectiveMethod(req);
    const isRoot = clean.toLowerCase() === listRootUrl(site, list).toLowerCase();
    if (isRoot && !asItem) return this.rootFolderRoute(site, list, tail, req, wrap);
    const name = clean.slice(listRootUrl(site, list).length + 1);
    const folder = findFolder(list, name);
    if (!folder) throw new SpError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
    if (!has(itemMask(site, list, folder, req.user), Perm.ViewListItems)) throw accessDenied();
    const ctx: ItemContext = { store: this.store, state: list, level, siteUrl, mask: (it) => itemMask(site, list, it, req.user), hasUnique: (it) => site.security.items?.[`${list.meta.id}:${it.Id}`] !== undefined };
    const select = req.url.searchParams.get("$select");
    const itemOf = (selected: string[] | null): Record<string, unknown> =>
      // A folder with no list item answers an empty ListItemAllFields (no Id, nothing to secure).
      folder.noItem ? {} : serializeItem(ctx, folder, selected, new Set());
    if (!asItem) {
      if (tail === "" && method === "GET") {
        const out: Record<string, unknown> = folderInfo(site, list, folder);
        const expand = splitList(req.url.searchParams.get("$expand")).map((x) => x.toLowerCase());
        if (expand.includes("listitemallfields")) {
          const sub = select ? splitList(select).filter((x) => /^listitemallfields\//i.test(x)).map((x) => x.slice("listitemallfields/".length)) : [];
          out.ListItemAllFields = itemOf(sub.length ? sub : null);
        }
        return json(200, wrap(out));
      }
      if (/^\/recycle(\(\))?$/i.test(tail) && method === "POST") {
        // Recycling a folder recycles what it holds; it needs Delete where the folder is.
        if (!has(itemMask(site, list, folder, req.user), Perm.DeleteListItems)) throw accessDenied();
        for (const it of [...list.items.values()]) if ((it.folder ?? "").toLowerCase() === name.toLowerCase()) this.store.delete(list, it.Id);
        this.store.delete(list, folder.Id);
        return json(200, wrap({ value: "00000000-0000-4000-8000-" + String(folder.Id).padStart(12, "0") }));
      }
      throw new SpError(501, "-1, Microsoft.SharePoint.Client.ResourceNotFoundException", `The local backend does not implement ${method} on a folder${tail}.`);
    }
    if (folder.noItem && tail !== "") {
      // Nothing to break inheritance on or assign to: SharePoint has no list item for this folder.
      throw new SpError(400, "-2146232832, Microsoft.SharePoint.SPException", "The folder has no list item.");
    }
    const scoped = scopeRoute(sc, itemTarget(sc, list, folder), tail);
    if (scoped) return scoped;
    if (tail === "" && method === "GET") {
      const out = itemOf(select ? splitList(select) : null);
      return json(200, wrap(out), folder.noItem ? {} : { etag: etagOf(folder) });
    }
    throw new SpError(501, "-1, Microsoft.SharePoint.Client.ResourceNotFoundException", `The local backend does not implement ${method} on a folder's item${tail}.`);
  }

  /**
   * The list's root folder by path: `/AddSubFolderUsingPath` makes a folder *with* its list item
   * in a generic list, as `Folders.AddUsingPath` does not (pnp/pnpjs#100 and #1340, where PnPjs
   * added the call for that reason; pnp/cli-microsoft365#6804 and pnp/pnpcore#1680, 2025).
   * PnPjs sends `{ leafPath: { DecodedUrl } }`; the SharePoint form `(DecodedUrl='…')` is read too.
   * An existing name is refused with "already exists" (the backend's choice: what SharePoint
   * answers then is not documented; the product treats it as done and reads the folder back).
   */
  private rootFolderRoute(site: SiteState, list: ListState, tail: string, req: SpRequest, wrap: (v: unknown) => unknown): SpResponse {
    const method = effectiveMethod(req);
    const m = /^\/addsubfolderusingpath(?:\(decodedurl='((?:[^']|'')*)'\))?$/i.exec(tail);
    if (m && method === "POST") {
      const body = parseBody(req.body) as { leafPath?: { DecodedUrl?: string }; DecodedUrl?: string };
      const name = (m[1] !== undefined ? q(m[1]) : (body.leafPath?.DecodedUrl ?? body.DecodedUrl ?? "")).replace(/^\/+|\/+$/g, "");
      if (!name || /[\\/:*?"<>|#%]/.test(name)) throw badRequest("The folder name is not valid.");
      if (!has(listMask(site, list, req.user), Perm.AddListItems)) throw accessDenied();
      if (findFolder(list, name)) {
        throw new SpError(500, "-2130575257, Microsoft.SharePoint.SPException", `A file or folder with the name ${listRootUrl(site, list)}/${name} already exists.`);
      }
      this.store.add(list, { Title: name }, req.user.Id, undefined, { fsObjType: 1 });
      return { status: 204, headers: {}, body: "" };
    }
    if (tail === "" && method === "GET") return json(200, wrap({ Name: list.meta.urlName, ServerRelativeUrl: listRootUrl(site, list), Exists: true, ItemCount: [...list.items.values()].filter((it) => !it.noItem).length }));
    throw new SpError(501, "-1, Microsoft.SharePoint.Client.ResourceNotFoundException", `The local backend does not implement ${method} on a list's root folder${tail}.`);
  }
}

/** A form value as `ValidateUpdateListItem` reads it, by the column's kind. Dates must be in the site's format, never ISO. */
function formValue(ctx: ItemContext, name: string, text: string): { key: string; value: unknown } | { error: string } {
  const f = Object.values(ctx.state.def.fields).find((x) => x.internalName === name);
  if (!f) return name === "Title" ? { key: "Title", value: text } : { error: `Column '${name}' does not exist. It may have been deleted by another user.` };
  if (text === "") return { key: f.kind === "lookup" || f.kind === "user" ? `${name}Id` : name, value: null };
  switch (f.kind) {
    case "text":
    case "note":
    case "choice":
      return { key: name, value: text };
    case "number": {
      const n = Number(text);
      return isFinite(n) ? { key: name, value: n } : { error: "Only numbers can go here." };
    }
    case "boolean":
      return text === "1" || text === "0" ? { key: name, value: text === "1" } : { error: "Enter 1 (yes) or 0 (no)." };
    case "lookup": {
      const m = /^(\d+)(;#.*)?$/.exec(text);
      return m ? { key: `${name}Id`, value: Number(m[1]) } : { error: "The lookup value is not valid." };
    }
    case "date":
    case "dateTime": {
      // The site's regional format (ja-JP: 2026/4/1, 2026/4/1 9:00); an ISO string is refused, as SharePoint does.
      const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (\d{1,2}):(\d{2}))?$/.exec(text);
      if (!m) return { error: f.kind === "date" ? "日付を 2012/2/23 の形式で入力してください。" : "日付と時刻を 2012/2/23 14:25 の形式で入力してください。" };
      const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}T${(m[4] ?? "0").padStart(2, "0")}:${m[5] ?? "00"}:00+09:00`;
      return { key: name, value: new Date(iso).toISOString().replace(".000Z", "Z") };
    }
    default:
      return { error: "This kind of column is not implemented for form values by the local backend." };
  }
}

function folderInfo(site: SiteState, list: ListState, f: StoredItem): Record<string, unknown> {
  const name = String(f.values.Title ?? "");
  return { Name: name, ServerRelativeUrl: `${listRootUrl(site, list)}/${name}`, Exists: true, ItemCount: [...list.items.values()].filter((x) => x.folder?.toLowerCase() === name.toLowerCase()).length, UniqueId: `00000000-0000-4000-8000-${String(f.Id).padStart(12, "0")}` };
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


/** The list's root folder URL: `/sites/x/Lists/PD_A` (lists) or `/sites/x/Shared Documents` (libraries). */
export function listRootUrl(site: SiteState, l: ListState): string {
  return l.meta.underLists ? `${site.path}/Lists/${l.meta.urlName}` : `${site.path}/${l.meta.urlName}`;
}

function listGuidOf(name: string): string {
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${name}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, "0"));
  }
  const x = hex.join("");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

const level = (req: SpRequest): MetadataLevel => metadataLevel(req.headers.accept);
/** `$select` on a collection of plain entities (fields): only the properties asked for, as SharePoint answers. */
const project = (rows: Record<string, unknown>[], req: SpRequest): Record<string, unknown>[] => {
  const select = req.url.searchParams.get("$select");
  if (!select) return rows;
  const keys = splitList(select);
  return rows.map((r) => Object.fromEntries(keys.filter((k) => k in r).map((k) => [k, r[k]])));
};

/** SharePoint's entity names encode "_" as "_x005f_" (PD_Agreements → SP.Data.PD_x005f_AgreementsListItem). */
export const entityName = (urlName: string): string => urlName.replace(/_/g, "_x005f_").replace(/ /g, "_x0020_");

function listInfo(site: SiteState, s: ListState): Record<string, unknown> {
  return {
    Id: s.meta.id,
    Title: s.meta.title,
    Description: s.meta.description,
    ItemCount: [...s.items.values()].filter((it) => !it.noItem).length,
    BaseTemplate: s.meta.baseTemplate,
    HasUniqueRoleAssignments: site.security.lists[s.meta.id] !== undefined,
    EntityTypeName: `${entityName(s.meta.urlName)}List`,
    ListItemEntityTypeFullName: `SP.Data.${entityName(s.meta.urlName)}ListItem`,
    RootFolder: { ServerRelativeUrl: listRootUrl(site, s) },
  };
}

function attachmentInfo(sitePath: string, s: ListState, item: StoredItem, name: string): Record<string, unknown> {
  return { FileName: name, ServerRelativeUrl: `${sitePath}/Lists/${s.meta.urlName}/Attachments/${item.Id}/${name}` };
}

export type { MetadataLevel };
