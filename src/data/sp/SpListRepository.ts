import type { SPFI } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/items";
import "@pnp/sp/attachments";
import type { IItems } from "@pnp/sp/items";
import type { IList } from "@pnp/sp/lists";
import { listServerRelativeUrl, parseSubmissionFolder, submissionFolderName } from "../schema/listSchema";
import { spPost, SPQueryable } from "@pnp/sp";
import { body } from "@pnp/queryable";
import type { Draft, LookupRef, Stored } from "../../domain/types";
import type { PlacementProblem } from "../../domain/rowPlacement";
import type { Condition, FieldProblem, IListRepository, ListQuery } from "../contracts";
import { DataError } from "../contracts";
import type { AnyListDef, FieldDef, ListDef } from "../schema/fieldTypes";
import { validateAgainstSchema } from "../schema/validate";
import { fromCityDate, fromListItem, ListItemInfo, selectFor, toListValues } from "./mapping";
import { toDataError } from "./errors";
import { runBatch } from "./batch";

/** SharePoint's largest page. */
export const PAGE_SIZE = 5000;

/** An OData string literal: apostrophes doubled, so `O'Reilly` stays one literal. */
export function odataString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function literal(f: FieldDef, value: string | number | boolean | null | LookupRef): string {
  if (value === null) return "null";
  if (f.kind === "lookup" || f.kind === "lookupMulti" || f.kind === "user") {
    const id = typeof value === "object" ? value.id : Number(value);
    if (!Number.isInteger(id)) throw new DataError("validation", `Invalid lookup id for ${f.internalName}`);
    return String(id);
  }
  if (f.kind === "choice") return odataString(f.choices[String(value)] ?? String(value));
  if (f.kind === "date") return `datetime'${fromCityDate(String(value))!.replace("Z", "")}'`;
  if (f.kind === "dateTime") return `datetime'${new Date(String(value)).toISOString().replace(/\.\d+Z$/, "")}'`;
  if (f.kind === "boolean") return value ? "1" : "0";
  if (f.kind === "number") {
    if (typeof value !== "number" || !isFinite(value)) throw new DataError("validation", `Invalid number for ${f.internalName}`);
    return String(value);
  }
  return odataString(String(value));
}

function columnFor(f: FieldDef): string {
  return f.kind === "lookup" || f.kind === "lookupMulti" || f.kind === "user" ? `${f.internalName}Id` : f.internalName;
}

/** A condition seen without its entity type (the repository has already checked it). */
export interface AnyCondition {
  prop: string;
  op: Condition<Stored>["op"];
  value: string | number | boolean | null | LookupRef;
}

/** Builds an escaped $filter from typed conditions. */
export function buildFilter(def: AnyListDef, where: readonly AnyCondition[]): string {
  return where
    .map((c) => {
      if (c.prop === "id") return `Id ${c.op} ${Number(c.value)}`;
      const f = def.fields[c.prop];
      if (!f) throw new DataError("validation", `Unknown property ${c.prop}`);
      if (c.op === "startsWith") return `startswith(${f.internalName},${odataString(String(c.value))})`;
      if (c.op === "contains") return `substringof(${odataString(String(c.value))},${f.internalName})`;
      return `${columnFor(f)} ${c.op} ${literal(f, c.value)}`;
    })
    .join(" and ");
}

export function buildOrderBy(def: AnyListDef, orderBy: ListQuery<Stored>["orderBy"]): string[] {
  return (orderBy ?? []).map((o) => {
    const col = o.prop === "id" ? "Id" : columnFor(def.fields[o.prop]);
    return `${col} ${o.ascending === false ? "desc" : "asc"}`;
  });
}

/**
 * A typed repository over one SharePoint list. Reads select only the mapped columns and
 * expand lookups; large reads page through `odata.nextLink`; writes carry the ETag.
 */
export class SpListRepository<T extends Stored> implements IListRepository<T> {
  readonly listTitle: string;
  /** Server-relative URL of the list (`/sites/x/Lists/PD_Agreements`): lists are found by URL, never by display name. */
  readonly listUrl: string;
  private readonly def: AnyListDef;

  /**
   * Rows live in their department's folder (`<list>/<UnitCode>`), which only that department's
   * group (and the coordinators) may write: site setup makes the folders and their permissions.
   */
  readonly inFolders: boolean;

  constructor(
    private readonly sp: SPFI,
    def: ListDef<T>,
    sitePath: string,
    /** The folder (a UnitCode) of a department, by its id; needed where rows live in folders. */
    private readonly folderOf?: (departmentId: number) => Promise<string>,
    /** Rows the product's screens never see (e.g. agreements of an import not yet committed). */
    private readonly hidden?: (row: T) => boolean,
    /**
     * Why each row is not where it belongs (null: it is), for lists whose rows live in department
     * folders (see domain/rowPlacement.ts): a misplaced row is never read as a row, only as an anomaly.
     */
    private readonly placement?: (rows: T[]) => Promise<Array<PlacementProblem | null>>,
  ) {
    this.def = def as unknown as AnyListDef;
    this.listTitle = def.title;
    this.listUrl = listServerRelativeUrl(sitePath, def);
    this.inFolders = !!this.def.departmentField && this.def.permissions.members === "own" && !!folderOf;
  }

  /** False for a folder: `items` answers folders as rows (FSObjType 1); they are never the product's rows. */
  isRow(info: ListItemInfo): boolean {
    return !this.inFolders || Number((info as { FSObjType?: unknown }).FSObjType ?? 0) !== 1;
  }

  /** Whether a mapped row is one the product shows (not a folder, not hidden). */
  shows(row: T): boolean {
    return !this.hidden || !this.hidden(row);
  }

  /** Columns read besides the mapped ones: a folder row's type, each row's folder and who wrote it. */
  private get extraSelect(): { select: string[]; expand: string[] } {
    return this.inFolders ? { select: ["FSObjType", "FileDirRef", "Author/Id", "Author/Title", "Editor/Id", "Editor/Title"], expand: ["Author", "Editor"] } : { select: [], expand: [] };
  }

  /** The rows that are where they belong, and the others with why not. */
  async sortOut(rows: T[]): Promise<{ placed: T[]; anomalies: Array<{ row: T; problem: PlacementProblem }> }> {
    if (!this.placement || rows.length === 0) return { placed: rows, anomalies: [] };
    const problems = await this.placement(rows);
    const placed: T[] = [];
    const anomalies: Array<{ row: T; problem: PlacementProblem }> = [];
    rows.forEach((row, i) => {
      const problem = problems[i];
      if (problem) anomalies.push({ row, problem });
      else placed.push(row);
    });
    return { placed, anomalies };
  }

  /** Only the rows that are where they belong. */
  async placed(rows: T[]): Promise<T[]> {
    return (await this.sortOut(rows)).placed;
  }

  /** The rows the product shows of a page SharePoint answered: list items (no folders), mapped, not hidden. */
  shown(page: ListItemInfo[]): T[] {
    return page.filter((info) => this.isRow(info)).map((info) => this.map(info)).filter((row) => this.shows(row));
  }

  /** Rows of the query that are not where they belong (for the coordinator), with why not. */
  async anomalies(q: ListQuery<T> = {}): Promise<Array<{ row: T; problem: PlacementProblem }>> {
    const rows: T[] = [];
    try {
      for await (const page of this.query({ ...q, limit: undefined }) as AsyncIterable<ListItemInfo[]>) rows.push(...this.shown(page));
    } catch (e) {
      throw toDataError(e);
    }
    return (await this.sortOut(rows)).anomalies;
  }

  /**
   * The department folder a new row goes into (its drafts), or the year's submission folder. A
   * row is never written where it would not belong (see domain/rowPlacement.ts): a handed-in
   * row (submitted, 該当なし) only into its year's submission folder, a draft only among drafts.
   */
  private async folderPathFor(draft: Partial<Draft<T>>, submittedIn?: number): Promise<string> {
    if (this.def.submissions) {
      const status = (draft as { status?: unknown }).status ?? "draft";
      const year = (draft as { fiscalYear?: unknown }).fiscalYear;
      if ((status === "draft") !== (submittedIn === undefined) || (submittedIn !== undefined && year !== submittedIn)) {
        throw new DataError("validation", `A ${String(status)} row of ${this.listTitle} does not belong in ${submittedIn === undefined ? "the department's drafts" : `the submission folder of ${submittedIn}`}`, 400, [{ prop: "status", code: "invalidChoice" }]);
      }
    }
    const dept = (draft as Record<string, unknown>)[this.def.departmentField!] as LookupRef | null | undefined;
    if (!dept || !Number.isInteger(dept.id)) throw new DataError("validation", `A row of ${this.listTitle} needs its department`, 400, [{ prop: this.def.departmentField!, code: "required" }]);
    const code = await this.folderOf!(dept.id);
    return `${this.listUrl}/${submittedIn === undefined ? code : submissionFolderName(code, submittedIn)}`;
  }

  /**
   * Form values for `AddValidateUpdateItemUsingPath` (strings, as SharePoint's forms send
   * them). Dates are left out: SharePoint reads them only in the site's regional format, so
   * they are written afterwards as JSON, like every update.
   */
  private formValues(draft: Partial<Draft<T>>): { form: { FieldName: string; FieldValue: string }[]; dates: Partial<Draft<T>> } {
    const form: { FieldName: string; FieldValue: string }[] = [];
    const dates: Record<string, unknown> = {};
    for (const [prop, value] of Object.entries(draft as Record<string, unknown>)) {
      const f = this.def.fields[prop];
      if (!f || value === undefined) continue;
      if (f.kind === "date" || f.kind === "dateTime") {
        if (value !== null && value !== "") dates[prop] = value;
        continue;
      }
      const [, v] = Object.entries(toListValues(this.def, { [prop]: value } as Partial<Draft<Stored>>))[0] ?? [];
      const text = v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "1" : "0") : String(v);
      form.push({ FieldName: f.internalName, FieldValue: text });
    }
    return { form, dates: dates as Partial<Draft<T>> };
  }

  private static createdId(results: { FieldName: string; FieldValue: string; HasException: boolean; ErrorMessage: string | null }[], list: string): number {
    const bad = results.filter((r) => r.HasException);
    if (bad.length) throw new DataError("validation", `SharePoint refused values for ${list}: ${bad.map((r) => `${r.FieldName}: ${r.ErrorMessage ?? ""}`).join("; ")}`, 400);
    const id = Number(results.find((r) => r.FieldName === "Id")?.FieldValue);
    if (!Number.isInteger(id)) throw new DataError("unknown", `SharePoint did not say which row it created in ${list}`);
    return id;
  }

  /** The list on the given (possibly batched) SPFI. */
  listOn(sp: SPFI): IList {
    return sp.web.getList(this.listUrl);
  }

  private get items(): IItems {
    return this.listOn(this.sp).items;
  }

  /** The configured query (select/expand/filter/order), not yet sent; also used by batched reads. */
  query(q: ListQuery<T> = {}, items: IItems = this.items): IItems {
    const { select, expand } = selectFor(this.def);
    const extra = this.extraSelect;
    let r = items.select(...select, ...extra.select).expand(...expand, ...extra.expand);
    if (q.where && q.where.length > 0) r = r.filter(buildFilter(this.def, q.where as readonly AnyCondition[]));
    const order = buildOrderBy(this.def, q.orderBy as ListQuery<Stored>["orderBy"]);
    for (const o of order) {
      const [col, dir] = o.split(" ");
      r = r.orderBy(col, dir === "asc");
    }
    return r.top(Math.min(q.limit ?? PAGE_SIZE, PAGE_SIZE));
  }

  map(info: ListItemInfo): T {
    const row = fromListItem<T>(this.def, info);
    if (!this.inFolders) return row;
    const person = (v: unknown): { id: number; title: string } | null => {
      const p = v as { Id?: unknown; Title?: unknown } | undefined;
      return p && typeof p.Id === "number" ? { id: p.Id, title: typeof p.Title === "string" ? p.Title : "" } : null;
    };
    return { ...row, folder: typeof info.FileDirRef === "string" ? info.FileDirRef : "", author: person(info.Author), editor: person(info.Editor) };
  }

  async list(q: ListQuery<T> = {}): Promise<T[]> {
    const out: T[] = [];
    try {
      for await (const page of this.query(q) as AsyncIterable<ListItemInfo[]>) {
        for (const row of await this.placed(this.shown(page))) {
          out.push(row);
          if (q.limit !== undefined && out.length >= q.limit) return out;
        }
      }
    } catch (e) {
      throw toDataError(e);
    }
    return out;
  }

  /** Continues a read that stopped at a full page, from the row after `afterId` (Id order). */
  async listAfter(afterId: number, q: ListQuery<T> = {}): Promise<T[]> {
    const out: T[] = [];
    try {
      for await (const page of this.query({ ...q, orderBy: [{ prop: "id" }] }).skip(afterId) as AsyncIterable<ListItemInfo[]>) {
        out.push(...(await this.placed(this.shown(page))));
      }
    } catch (e) {
      throw toDataError(e);
    }
    return out;
  }

  async get(id: number): Promise<T> {
    const { select, expand } = selectFor(this.def);
    const extra = this.extraSelect;
    try {
      const info = (await this.items.getById(id).select(...select, ...extra.select).expand(...expand, ...extra.expand)()) as ListItemInfo;
      const row = this.map(info);
      // A row that is not where it belongs is not one of the product's rows.
      if ((await this.placed([row])).length === 0) throw new DataError("notFound", `Row ${id} of ${this.listTitle} is not where it belongs`, 404);
      return row;
    } catch (e) {
      throw toDataError(e);
    }
  }

  validate(draft: Partial<Draft<T>>, mode: "add" | "update"): FieldProblem[] {
    return validateAgainstSchema(this.def, draft as Record<string, unknown>, mode);
  }

  private assertValid(draft: Partial<Draft<T>>, mode: "add" | "update"): void {
    const problems = this.validate(draft, mode);
    if (problems.length > 0) throw new DataError("validation", `Invalid values for ${this.listTitle}: ${problems.map((p) => `${p.prop}:${p.code}`).join(", ")}`, 400, problems);
  }

  async add(draft: Draft<T>): Promise<T> {
    this.assertValid(draft, "add");
    if (this.inFolders) {
      try {
        const { form, dates } = this.formValues(draft);
        const results = (await this.listOn(this.sp).addValidateUpdateItemUsingPath(form, await this.folderPathFor(draft))) as unknown as Parameters<typeof SpListRepository.createdId>[0];
        const id = SpListRepository.createdId(results, this.listTitle);
        if (Object.keys(dates).length) await this.items.getById(id).update(toListValues(this.def, dates));
        return this.get(id);
      } catch (e) {
        throw toDataError(e);
      }
    }
    try {
      const created = (await this.items.add(toListValues(this.def, draft))) as ListItemInfo;
      return this.get(Number(created.Id ?? created.ID));
    } catch (e) {
      throw toDataError(e);
    }
  }

  async update(id: number, etag: string, patch: Partial<Draft<T>>): Promise<string> {
    this.assertValid(patch, "update");
    const deptProp = this.def.departmentField;
    if (this.inFolders && (patch as Record<string, unknown>)[deptProp!] !== undefined) {
      // A row's permissions come from its folder: a new department means moving the row into
      // that department's folder first (SharePoint refuses unless the user may add there — in
      // practice, the coordinators), then saving its values. A move done by an attempt cut
      // short is not done again.
      const next = (patch as Record<string, unknown>)[deptProp!] as LookupRef | null;
      if (!next || !Number.isInteger(next.id)) throw new DataError("validation", `A row of ${this.listTitle} needs its department`, 400, [{ prop: deptProp!, code: "required" }]);
      etag = await this.moveToDepartment(id, etag, next.id);
    }
    try {
      const r = await this.items.getById(id).update(toListValues(this.def, patch), etag);
      return (r as { etag?: string | null }).etag ?? etag;
    } catch (e) {
      throw toDataError(e);
    }
  }

  /** Moves a row into the folder of `departmentId` (its drafts' folder, or the same year's submission folder); resolves with the row's ETag. */
  private async moveToDepartment(id: number, etag: string, departmentId: number): Promise<string> {
    try {
      const info = (await this.items.getById(id).select("Id", "FileRef", "FileDirRef")()) as { FileRef: string; FileDirRef: string; "odata.etag"?: string; __metadata?: { etag?: string } };
      const current = info.FileDirRef.slice(info.FileDirRef.lastIndexOf("/") + 1);
      const code = await this.folderOf!(departmentId);
      const year = parseSubmissionFolder(current)?.fiscalYear;
      const target = year === undefined ? code : submissionFolderName(code, year);
      if (current.toLowerCase() === target.toLowerCase()) return etag;
      const siteUrl = this.sp.web.toUrl().replace(/\/_api\/web\/?$/i, "");
      const origin = new URL(siteUrl).origin;
      // PnP Core SDK's ListItem.MoveTo: the row's file (<id>_.000) moved with SP.MoveCopyUtil.MoveFileByPath; the row keeps its id.
      await spPost(SPQueryable([this.sp.web, `${siteUrl}/_api/SP.MoveCopyUtil.MoveFileByPath(overwrite=@a1)?@a1=false`]), body({
        srcPath: { DecodedUrl: `${origin}${info.FileRef}` },
        destPath: { DecodedUrl: `${origin}${this.listUrl}/${target}/${id}_.000` },
        options: { KeepBoth: false, ShouldBypassSharedLocks: true, RetainEditorAndModifiedOnMove: true },
      }));
      const fresh = (await this.items.getById(id).select("Id")()) as { "odata.etag"?: string; __metadata?: { etag?: string } };
      return fresh["odata.etag"] ?? fresh.__metadata?.etag ?? etag;
    } catch (e) {
      throw toDataError(e);
    }
  }

  async addMany(drafts: Draft<T>[]): Promise<number[]> {
    if (drafts.length === 0) return [];
    drafts.forEach((d) => this.assertValid(d, "add"));
    if (this.inFolders) return this.addManyInFolders(drafts);
    const [batched, execute] = this.sp.batched();
    // PnPjs wants a fresh queryable per batched request.
    const pending = drafts.map((d) => this.listOn(batched).items.add(toListValues(this.def, d)) as Promise<ListItemInfo>);
    const settled = await runBatch(execute, pending);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw toDataError(failed.reason);
    return settled.map((r) => Number(((r as PromiseFulfilledResult<ListItemInfo>).value.Id ?? (r as PromiseFulfilledResult<ListItemInfo>).value.ID)));
  }

  async addSubmitted(drafts: Draft<T>[], fiscalYear: number): Promise<number[]> {
    if (!this.inFolders || !this.def.submissions) throw new DataError("validation", `${this.listTitle} has no submission folders`);
    if (drafts.length === 0) return [];
    drafts.forEach((d) => this.assertValid(d, "add"));
    return this.addManyInFolders(drafts, fiscalYear);
  }

  /** Rows into their departments' folders, in batched requests; dates written afterwards in one more batch. */
  private async addManyInFolders(drafts: Draft<T>[], submittedIn?: number): Promise<number[]> {
    try {
      const paths = await Promise.all(drafts.map((d) => this.folderPathFor(d, submittedIn)));
      const parts = drafts.map((d) => this.formValues(d));
      const [batched, execute] = this.sp.batched();
      const pending = parts.map((p, i) => this.listOn(batched).addValidateUpdateItemUsingPath(p.form, paths[i]) as unknown as Promise<Parameters<typeof SpListRepository.createdId>[0]>);
      const settled = await runBatch(execute, pending);
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw toDataError(failed.reason);
      const ids = settled.map((r) => SpListRepository.createdId((r as PromiseFulfilledResult<Parameters<typeof SpListRepository.createdId>[0]>).value, this.listTitle));
      const withDates = parts.map((p, i) => ({ id: ids[i], dates: p.dates })).filter((x) => Object.keys(x.dates).length > 0);
      if (withDates.length) {
        const [b2, execute2] = this.sp.batched();
        const updates = withDates.map((x) => this.listOn(b2).items.getById(x.id).update(toListValues(this.def, x.dates)));
        const s2 = await runBatch(execute2, updates);
        const f2 = s2.find((r): r is PromiseRejectedResult => r.status === "rejected");
        if (f2) throw toDataError(f2.reason);
      }
      return ids;
    } catch (e) {
      throw toDataError(e);
    }
  }

  async updateMany(changes: Array<{ id: number; etag: string; patch: Partial<Draft<T>> }>): Promise<string[]> {
    if (changes.length === 0) return [];
    changes.forEach((c) => this.assertValid(c.patch, "update"));
    const [batched, execute] = this.sp.batched();
    const pending = changes.map(
      (c) => this.listOn(batched).items.getById(c.id).update(toListValues(this.def, c.patch), c.etag) as Promise<{ etag?: string | null }>,
    );
    const settled = await runBatch(execute, pending);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw toDataError(failed.reason);
    return settled.map((r, i) => (r as PromiseFulfilledResult<{ etag?: string | null }>).value.etag ?? changes[i].etag);
  }

  async remove(id: number, etag: string): Promise<void> {
    try {
      await this.items.getById(id).delete(etag);
    } catch (e) {
      throw toDataError(e);
    }
  }

  async removeMany(rows: Array<{ id: number; etag: string }>): Promise<void> {
    if (rows.length === 0) return;
    const [batched, execute] = this.sp.batched();
    const pending = rows.map((r) => this.listOn(batched).items.getById(r.id).delete(r.etag));
    const settled = await runBatch(execute, pending);
    // A row already deleted (by an earlier attempt whose answer was lost) is what was wanted.
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === "rejected" && toDataError(r.reason).kind !== "notFound");
    if (failed) throw toDataError(failed.reason);
  }

  async readAttachment(id: number, fileName: string): Promise<string> {
    try {
      return await this.items.getById(id).attachmentFiles.getByName(fileName).getText();
    } catch (e) {
      throw toDataError(e);
    }
  }

  async addAttachment(id: number, fileName: string, content: ArrayBuffer | Uint8Array): Promise<void> {
    try {
      await this.items.getById(id).attachmentFiles.add(fileName, content as ArrayBuffer);
    } catch (e) {
      throw toDataError(e);
    }
  }

  async listAttachments(id: number): Promise<{ fileName: string; url: string }[]> {
    try {
      const files = await this.items.getById(id).attachmentFiles();
      return files.map((f) => ({ fileName: f.FileName, url: f.ServerRelativeUrl }));
    } catch (e) {
      throw toDataError(e);
    }
  }
}
