import * as fs from "fs";
import * as path from "path";
import { builtInRoles, SiteSecurity } from "./security";

export function emptySecurity(): SiteSecurity {
  return { roleDefs: builtInRoles(), groups: [], web: [], lists: {}, nextPrincipalId: 100 };
}
import type { AnyListDef, FieldDef, ListKey } from "../../src/data/schema/fieldTypes";

/**
 * The backend's persistence: an in-memory copy of every list, a snapshot file and an
 * append-only journal. A write is appended and fsync'ed before it is applied and
 * acknowledged, so a `kill -9` never loses an acknowledged write; a torn last line
 * (the process died while appending, before acknowledging) is dropped on replay.
 */

export interface Attachment {
  name: string;
  /** base64 */
  data: string;
}

export interface StoredItem {
  Id: number;
  version: number;
  created: string;
  modified: string;
  authorId: number;
  editorId: number;
  /** Column values by internal name; lookups as <Name>Id (number | null, or number[] for multi). */
  values: Record<string, unknown>;
  attachments: Attachment[];
  /** 1 for a folder (FSObjType), absent or 0 for an item. */
  fsObjType?: number;
  /** The folder the row is in, relative to the list's root ("" or absent: the root); a folder's own name is values.Title. */
  folder?: string;
  /**
   * A folder that exists in the list's file system only, with no list item: what
   * `rootFolder.folders.addUsingPath` makes in a generic list in SharePoint Online (pnp/pnpjs#747,
   * #100, maintainers: "not a bug"; pnp/cli-microsoft365#6804, pnp/pnpcore#1680). It is not in
   * `items`, has no `ListItemAllFields` and nothing to set permissions on; its URL answers.
   */
  noItem?: boolean;
}

export interface GraphMessage {
  id: string;
  teamId: string;
  channelId: string;
  createdDateTime: string;
  body: { contentType: string; content: string };
  attachments: unknown[];
  from: { user: { id: string; displayName: string } };
  subject: string | null;
}

/** A column as SharePoint holds it after `createFieldAsXml` (or built in, like Title). */
export interface FieldState {
  id: string;
  internalName: string;
  title: string;
  typeAsString: string;
  required: boolean;
  indexed: boolean;
  unique: boolean;
  schemaXml: string;
  /** The column as the backend's item code reads it (kind, limits, lookup target). */
  def: FieldDef;
  /** In the list's default content type (SharePoint's own New/Edit forms show it). */
  inContentType: boolean;
}

export interface ViewState {
  id: string;
  title: string;
  fileName: string;
  defaultView: boolean;
  viewQuery: string;
  rowLimit: number;
  fields: string[];
}

/** A list's own description, as created and changed through REST. */
export interface ListMeta {
  id: string;
  /** URL segment under the site (e.g. "PD_Agreements" for Lists/PD_Agreements, "Shared Documents"). */
  urlName: string;
  /** True for lists under Lists/, false for libraries at the site root. */
  underLists: boolean;
  title: string;
  description: string;
  baseTemplate: number;
  fields: FieldState[];
  views: ViewState[];
}

export interface ListState {
  site: string;
  meta: ListMeta;
  /** The list seen the way the item code reads it: its columns by internal name. */
  def: AnyListDef;
  nextId: number;
  items: Map<number, StoredItem>;
}

export interface SiteState {
  /** Server-relative path, e.g. "/sites/partnership". */
  path: string;
  title: string;
  lists: Map<string, ListState>;
  security: SiteSecurity;
}

type Op =
  | { op: "site"; site: string; title: string }
  | { op: "security"; site: string; security: SiteSecurity }
  | { op: "listMeta"; site: string; meta: ListMeta }
  | { op: "listDelete"; site: string; list: string }
  | { op: "add"; site: string; list: string; item: StoredItem }
  | { op: "update"; site: string; list: string; id: number; values: Record<string, unknown>; modified: string; editorId: number; folder?: string }
  | { op: "delete"; site: string; list: string; id: number }
  | { op: "attach"; site: string; list: string; id: number; attachment: Attachment }
  | { op: "tenantProperty"; key: string; value: string | null; description: string }
  | { op: "graph"; message: GraphMessage };

interface Snapshot {
  sites: Array<{ path: string; title: string; security: SiteSecurity; lists: Array<{ meta: ListMeta; nextId: number; items: StoredItem[] }> }>;
  tenantProperties: Record<string, { value: string; description: string }>;
  graph: GraphMessage[];
}

/** The partnership site: where the product's lists are set up. */
export const PARTNERSHIP_SITE = "/sites/partnership";

export class Store {
  readonly sites = new Map<string, SiteState>();
  readonly graphMessages: GraphMessage[] = [];
  readonly tenantProperties = new Map<string, { value: string; description: string }>();
  private journalFd: number | null = null;
  private readonly snapshotPath: string;
  private readonly journalPath: string;

  constructor(private readonly dir: string) {
    this.snapshotPath = path.join(dir, "snapshot.json");
    this.journalPath = path.join(dir, "journal.jsonl");
  }

  /** True when the folder held no data yet (the caller creates the sites and seeds them). */
  open(): boolean {
    fs.mkdirSync(this.dir, { recursive: true });
    const fresh = !fs.existsSync(this.snapshotPath) && !fs.existsSync(this.journalPath);
    if (fs.existsSync(this.snapshotPath)) {
      const snap = JSON.parse(fs.readFileSync(this.snapshotPath, "utf8")) as Snapshot;
      for (const site of snap.sites ?? []) {
        const st: SiteState = { path: site.path, title: site.title, lists: new Map(), security: site.security ?? emptySecurity() };
        this.sites.set(site.path.toLowerCase(), st);
        for (const l of site.lists) {
          const state = this.stateFor(site.path, l.meta);
          state.nextId = l.nextId;
          for (const it of l.items) state.items.set(it.Id, it);
          st.lists.set(l.meta.urlName.toLowerCase(), state);
        }
      }
      for (const [k, v] of Object.entries(snap.tenantProperties ?? {})) this.tenantProperties.set(k, v);
      this.graphMessages.push(...(snap.graph ?? []));
    }
    if (fs.existsSync(this.journalPath)) {
      const lines = fs.readFileSync(this.journalPath, "utf8").split("\n");
      for (const line of lines) {
        if (!line.trim()) continue;
        let op: Op;
        try {
          op = JSON.parse(line) as Op;
        } catch {
          break; // torn write at the tail: never acknowledged
        }
        this.apply(op);
      }
    }
    this.compact();
    return fresh;
  }

  /** Writes a fresh snapshot atomically and empties the journal. */
  compact(): void {
    const snap: Snapshot = { sites: [], tenantProperties: Object.fromEntries(this.tenantProperties), graph: this.graphMessages };
    for (const site of this.sites.values()) {
      snap.sites.push({
        path: site.path,
        title: site.title,
        security: site.security,
        lists: [...site.lists.values()].map((l) => ({ meta: l.meta, nextId: l.nextId, items: [...l.items.values()] })),
      });
    }
    const tmp = this.snapshotPath + ".tmp";
    const fd = fs.openSync(tmp, "w");
    fs.writeSync(fd, JSON.stringify(snap));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, this.snapshotPath);
    if (this.journalFd !== null) fs.closeSync(this.journalFd);
    this.journalFd = fs.openSync(this.journalPath, "w");
    fs.fsyncSync(this.journalFd);
  }

  close(): void {
    if (this.journalFd !== null) fs.closeSync(this.journalFd);
    this.journalFd = null;
  }

  site(sitePath: string): SiteState | undefined {
    return this.sites.get(sitePath.replace(/\/+$/, "").toLowerCase());
  }

  /** A list of a site by its URL segment ("PD_Agreements") or, like getByTitle, its title. Default: the partnership site. */
  list(nameOrTitle: string, sitePath: string = PARTNERSHIP_SITE): ListState | undefined {
    const site = this.site(sitePath);
    if (!site) return undefined;
    const k = nameOrTitle.toLowerCase();
    return site.lists.get(k) ?? [...site.lists.values()].find((l) => l.meta.title.toLowerCase() === k);
  }

  listById(sitePath: string, id: string): ListState | undefined {
    const g = id.replace(/[{}]/g, "").toLowerCase();
    return [...(this.site(sitePath)?.lists.values() ?? [])].find((l) => l.meta.id.toLowerCase() === g);
  }

  private stateFor(site: string, meta: ListMeta): ListState {
    return { site, meta, def: deriveDef(meta, (id) => this.listById(site, id)?.meta.urlName), nextId: 1, items: new Map() };
  }

  private commit(op: Op): void {
    if (this.journalFd === null) throw new Error("store is not open");
    fs.writeSync(this.journalFd, JSON.stringify(op) + "\n");
    fs.fsyncSync(this.journalFd);
    this.apply(op);
  }

  private apply(op: Op): void {
    if (op.op === "graph") {
      this.graphMessages.push(op.message);
      return;
    }
    if (op.op === "tenantProperty") {
      if (op.value === null) this.tenantProperties.delete(op.key);
      else this.tenantProperties.set(op.key, { value: op.value, description: op.description });
      return;
    }
    if (op.op === "site") {
      if (!this.site(op.site)) this.sites.set(op.site.toLowerCase(), { path: op.site, title: op.title, lists: new Map(), security: emptySecurity() });
      return;
    }
    if (op.op === "security") {
      const st = this.site(op.site);
      if (st) st.security = op.security;
      return;
    }
    const site = this.site(op.site);
    if (!site) return;
    if (op.op === "listMeta") {
      const key = op.meta.urlName.toLowerCase();
      const existing = site.lists.get(key);
      if (existing) {
        existing.meta = op.meta;
        existing.def = deriveDef(op.meta, (id) => this.listById(op.site, id)?.meta.urlName);
      } else site.lists.set(key, this.stateFor(op.site, op.meta));
      return;
    }
    if (op.op === "listDelete") {
      site.lists.delete(op.list);
      return;
    }
    const state = site.lists.get(op.list);
    if (!state) return;
    switch (op.op) {
      case "add":
        state.items.set(op.item.Id, op.item);
        state.nextId = Math.max(state.nextId, op.item.Id + 1);
        break;
      case "update": {
        const it = state.items.get(op.id);
        if (!it) return;
        it.values = { ...it.values, ...op.values };
        if (op.folder !== undefined) it.folder = op.folder;
        it.version += 1;
        it.modified = op.modified;
        it.editorId = op.editorId;
        break;
      }
      case "delete":
        state.items.delete(op.id);
        break;
      case "attach": {
        const it = state.items.get(op.id);
        if (!it) return;
        it.attachments = [...it.attachments.filter((a) => a.name !== op.attachment.name), op.attachment];
        it.version += 1;
        break;
      }
    }
  }

  createSite(sitePath: string, title: string): void {
    this.commit({ op: "site", site: sitePath, title });
  }

  /** Replaces a site's security (groups, permission levels, role assignments). */
  saveSecurity(sitePath: string, security: SiteSecurity): void {
    this.commit({ op: "security", site: sitePath, security: JSON.parse(JSON.stringify(security)) as SiteSecurity });
  }

  /** Creates or replaces a list's description (columns, views, title). */
  saveListMeta(sitePath: string, meta: ListMeta): ListState {
    this.commit({ op: "listMeta", site: sitePath, meta: JSON.parse(JSON.stringify(meta)) as ListMeta });
    return this.site(sitePath)!.lists.get(meta.urlName.toLowerCase())!;
  }

  /** Deletes a list and its rows (the tenant check's scratch list, ./scratchLists.ts). */
  deleteList(list: ListState): void {
    this.commit({ op: "listDelete", site: list.site, list: list.meta.urlName.toLowerCase() });
  }

  setTenantProperty(key: string, value: string | null, description = ""): void {
    this.commit({ op: "tenantProperty", key, value, description });
  }

  add(list: ListState, values: Record<string, unknown>, userId: number, now = new Date().toISOString(), place: { folder?: string; fsObjType?: number; noItem?: boolean } = {}): StoredItem {
    const item: StoredItem = {
      ...(place.folder ? { folder: place.folder } : {}),
      ...(place.fsObjType ? { fsObjType: place.fsObjType } : {}),
      ...(place.noItem ? { noItem: true } : {}),
      Id: list.nextId,
      version: 1,
      created: now,
      modified: now,
      authorId: userId,
      editorId: userId,
      values,
      attachments: [],
    };
    this.commit({ op: "add", site: list.site, list: list.meta.urlName.toLowerCase(), item });
    return item;
  }

  update(list: ListState, id: number, values: Record<string, unknown>, userId: number, folder?: string): StoredItem {
    this.commit({ op: "update", site: list.site, list: list.meta.urlName.toLowerCase(), id, values, modified: new Date().toISOString(), editorId: userId, ...(folder !== undefined ? { folder } : {}) });
    return list.items.get(id)!;
  }

  delete(list: ListState, id: number): void {
    this.commit({ op: "delete", site: list.site, list: list.meta.urlName.toLowerCase(), id });
  }

  attach(list: ListState, id: number, attachment: Attachment): void {
    this.commit({ op: "attach", site: list.site, list: list.meta.urlName.toLowerCase(), id, attachment });
  }

  addGraphMessage(message: GraphMessage): void {
    this.commit({ op: "graph", message });
  }

  /**
   * Loads many rows at once (seed data, benchmark datasets) without a journal line each;
   * the caller snapshots afterwards (compact). Ids are assigned in order.
   */
  bulkAdd(name: string, rows: Record<string, unknown>[], userId: number, now = new Date().toISOString()): number[] {
    const state = this.list(name);
    if (!state) throw new Error(`List '${name}' does not exist on ${PARTNERSHIP_SITE} (has site setup run?)`);
    const ids: number[] = [];
    for (const values of rows) {
      const Id = state.nextId++;
      state.items.set(Id, { Id, version: 1, created: now, modified: now, authorId: userId, editorId: userId, values, attachments: [] });
      ids.push(Id);
    }
    return ids;
  }
}

/** The list as the item code reads it, from its columns alone (it knows nothing of the product's schema). */
export function deriveDef(meta: ListMeta, urlNameOfList: (id: string) => string | undefined): AnyListDef {
  const fields: Record<string, FieldDef> = {};
  for (const f of meta.fields) {
    let def = f.def;
    if (def.kind === "lookup" || def.kind === "lookupMulti") {
      // The lookup's target, by id as SharePoint stores it, seen as that list's URL name.
      def = { ...def, list: (urlNameOfList(def.list) ?? def.list) as ListKey };
    }
    fields[f.internalName] = { ...def, displayName: f.title, required: f.required, indexed: f.indexed, unique: f.unique };
  }
  return {
    key: meta.urlName as ListKey,
    title: meta.urlName,
    displayName: meta.title,
    description: meta.description,
    fields,
    // Never consulted: who may do what is decided by the site's role assignments (security.ts).
    permissions: { coordinators: "none", members: "none", visitors: "none" },
    views: [],
  };
}
