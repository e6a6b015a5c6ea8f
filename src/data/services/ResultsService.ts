import type * as D from "../../domain/types";
import { DataError, read } from "../contracts";
import { intoSubmissionFolder, RuleError, ServiceBase } from "./ServiceBase";
import { recordAudit } from "./audit";
import { canEditResult, initiatives, isNothingToReport, lastYears, nextResultNo, NothingToReport, nothingToReportCheck, nothingToReportOf, nothingToReportRow } from "../../domain/results";
import { renumber } from "../../domain/matching";
import { currentRows, leftoverDrafts, PublishedRecord } from "../../domain/submissions";
import { splitPublishedClaims } from "../../domain/publishedRows";
import { publicationFileName, readPublishedRecord, withoutUnpublishedClaims } from "./publishedRecord";

export { publicationFileName };

/**
 * Results reports (別紙④): a department's rows (draft, then submitted), gap-free NO per
 * department and year, the coordinator's publication of a year, and the five-year view.
 */

export interface ResultsYear {
  fiscalYear: number;
  /** The year's initiatives (never a 該当なし marker). */
  rows: D.ResultReport[];
  /** Departments that handed in the year's Form 4 as 該当なし (nothing to report). */
  nothingToReport: NothingToReport[];
  departments: D.Department[];
  partners: D.Partner[];
  agreements: D.Agreement[];
  items: D.PartnershipItem[];
  calls: D.Call[];
  /** What the city published for the year (the latest complete publication), or null. */
  published: PublishedRecord | null;
  /** Every publication recorded for the year (editions, perhaps one still incomplete). */
  publications: D.Publication[];
}

export type ResultDraft = Pick<D.ResultReport, "title" | "content" | "partner" | "partnershipItem" | "sectionName" | "matching">;

export class ResultsService extends ServiceBase {
  protected readonly coordinatorsOnly = "publish";

  private audit(entityId: number, action: D.AuditAction, title: string, detail: Record<string, unknown> = {}): Promise<void> {
    return recordAudit(this.data, "ResultReports", entityId, action, title, detail);
  }

  private assertDepartment(dept: D.Department): void {
    if (this.user.role === "coordinator") return;
    if (this.user.role !== "member" || !this.user.departmentCodes.includes(dept.code)) throw new DataError("forbidden", "Not your department", 403);
  }

  /**
   * The year's rows as they are now; those the city published are marked published (a row
   * deleted since is still shown, from the publication). What the city published — the text
   * as it was frozen — is `published`, read from the publication's file, never from the rows.
   * A row stored as 公表済 that the publication does not include is no row of the year
   * (domain/publishedRows.ts): the coordinator sees it among the anomalies.
   */
  async year(fiscalYear: number): Promise<ResultsYear> {
    const byYear = [{ prop: "fiscalYear" as const, op: "eq" as const, value: fiscalYear }];
    const r = await this.data.readMany({
      rows: read(this.data.resultReports, { where: byYear }),
      departments: read(this.data.departments),
      partners: read(this.data.partners),
      agreements: read(this.data.agreements),
      items: read(this.data.partnershipItems),
      calls: read(this.data.calls, { where: byYear }),
      publications: read(this.data.publications, { where: byYear }),
    });
    const published = await readPublishedRecord(this.data, r.publications);
    const frozen = new Set(published?.rows.map((x) => x.id) ?? []);
    const current = currentRows(splitPublishedClaims(r.rows, published).counted);
    const live = initiatives(current).map((x) => (frozen.has(x.id) ? { ...x, status: "published" as const, publishedAt: published!.publishedAt } : x));
    const liveIds = new Set(live.map((x) => x.id));
    const rows = [...live, ...(published?.rows ?? []).filter((x) => !liveIds.has(x.id))];
    return { fiscalYear, ...r, rows, nothingToReport: nothingToReportOf(current), published };
  }

  /** One row as SharePoint has it now (after a conflict: its fresh ETag). */
  row(id: number): Promise<D.ResultReport> {
    return this.data.resultReports.get(id);
  }

  /**
   * Rows of the five fiscal years ending with `fy`: one query a year (年度 eq, indexed), in one
   * batched request. SharePoint narrows by the first indexed condition, and a range's first half
   * (`年度 ge fy-4`) matches every year since: for an early year seen in year ten, the whole list
   * (7,000 rows), past the 5,000-item threshold. One year is about 700.
   */
  async fiveYears(fy: number): Promise<D.ResultReport[]> {
    const years = lastYears(fy);
    const r = await this.data.readMany(Object.fromEntries(years.map((y) => [`y${y}`, read(this.data.resultReports, { where: [{ prop: "fiscalYear", op: "eq", value: y }] })])));
    // A year with rows stored as 公表済 reads its publication: only the rows it includes count.
    return initiatives(currentRows(await withoutUnpublishedClaims(this.data, years.flatMap((y) => r[`y${y}`]))));
  }

  async saveRow(year: ResultsYear, dept: D.Department, draft: ResultDraft, existing?: D.ResultReport): Promise<void> {
    this.assertDepartment(dept);
    if (existing?.status === "published" && this.user.role !== "coordinator") throw new RuleError([{ field: "status", code: "publishedLocked" }]);
    const problems: Array<{ field: string; code: string }> = [];
    if (!draft.title.trim()) problems.push({ field: "title", code: "required" });
    if (!draft.content.trim()) problems.push({ field: "content", code: "required" });
    if (!draft.partner) problems.push({ field: "partner", code: "required" });
    if (problems.length) throw new RuleError(problems);
    if (existing) {
      if (!canEditResult(this.user.role, existing)) throw new RuleError([{ field: "status", code: "submittedLocked" }]);
      await this.data.resultReports.update(existing.id, existing.etag, draft);
      // The published file does not change; the change is recorded, and shows in the next publication.
      if (existing.status === "published") await this.audit(existing.id, "update", `公表後の変更（${dept.title} NO.${existing.rowNo}）`, { fields: Object.keys(draft), afterPublication: true });
      return;
    }
    const mine = year.rows.filter((r) => r.department?.id === dept.id);
    // After 該当なし the year takes no rows, not even the coordinator's: it withdraws the 該当なし first.
    if (year.nothingToReport.some((n) => n.department.id === dept.id)) throw new RuleError([{ field: "status", code: "nothingToReportSubmitted" }]);
    if (mine.some((r) => r.status !== "draft") && this.user.role !== "coordinator") throw new RuleError([{ field: "status", code: "submittedLocked" }]);
    await this.data.resultReports.add({ ...draft, fiscalYear: year.fiscalYear, department: { id: dept.id, title: dept.title }, rowNo: nextResultNo(mine), cityProposal: null, status: "draft", publishedAt: null, sourceId: null });
  }

  /** Deletes a row and renumbers the department's rest so NO stays 1…n. */
  async deleteRow(year: ResultsYear, dept: D.Department, row: D.ResultReport): Promise<void> {
    this.assertDepartment(dept);
    if (row.status === "published" && this.user.role !== "coordinator") throw new RuleError([{ field: "status", code: "publishedLocked" }]);
    if (!canEditResult(this.user.role, row)) throw new RuleError([{ field: "status", code: "submittedLocked" }]);
    await this.data.resultReports.remove(row.id, row.etag);
    const rest = year.rows.filter((r) => r.department?.id === dept.id && r.id !== row.id).sort((a, b) => a.rowNo - b.rowNo);
    const byId = new Map(rest.map((r) => [r.id, r]));
    await this.data.resultReports.updateMany(renumber(rest).map((c) => ({ id: c.id, etag: byId.get(c.id)!.etag, patch: { rowNo: c.rowNo } })));
    if (row.status === "published") await this.audit(row.id, "delete", `公表後の削除（${dept.title} NO.${row.rowNo}）`, { afterPublication: true });
  }

  /**
   * Hands in the department's drafts: each is copied into the year's submission folder, where
   * SharePoint lets the department add but never change or delete, and the draft is then
   * deleted. A submission cut short is finished by the next: copies already made are not
   * made again (they name their draft), and their drafts are deleted.
   */
  async submit(year: ResultsYear, dept: D.Department): Promise<number> {
    this.assertDepartment(dept);
    const fresh = await this.data.resultReports.list({ where: [{ prop: "fiscalYear", op: "eq", value: year.fiscalYear }, { prop: "department", op: "eq", value: { id: dept.id, title: dept.title } }] });
    const leftovers = leftoverDrafts(fresh);
    if (currentRows(fresh).some(isNothingToReport)) throw new RuleError([{ field: "status", code: "nothingToReportSubmitted" }]);
    const drafts = currentRows(fresh).filter((r) => r.status === "draft");
    if (drafts.length === 0 && leftovers.length === 0) throw new RuleError([{ field: "rows", code: "required" }]);
    const copies = drafts.map((d) => {
      const copy: Partial<D.ResultReport> = { ...d, status: "submitted", sourceId: d.id };
      delete copy.id;
      delete copy.etag;
      delete copy.modified;
      return copy as D.Draft<D.ResultReport>;
    });
    await intoSubmissionFolder(() => this.data.resultReports.addSubmitted(copies, year.fiscalYear));
    await this.data.resultReports.removeMany([...drafts, ...leftovers].map((r) => ({ id: r.id, etag: "*" })));
    await this.audit(0, "statusChange", `別紙④を提出（${dept.title}、${drafts.length}件）`);
    return drafts.length;
  }

  /**
   * Hands in the year's Form 4 as 該当なし (nothing to report): one marker row written into the
   * department's submission folder of the year, as a submitted row is (SharePoint lets the
   * department add there but never change or delete; another department's folder refuses it).
   * Refused while the department has drafts (remove them first) or submitted rows. Written once:
   * what exists is read first, so a second click or a retry writes nothing; a write whose
   * answer was lost is read back, never sent again (and two markers would still count once).
   */
  async submitNothingToReport(year: Pick<ResultsYear, "fiscalYear">, dept: D.Department): Promise<NothingToReport> {
    this.assertDepartment(dept);
    const mine = async (): Promise<D.ResultReport[]> => currentRows(await this.data.resultReports.list({ where: [{ prop: "fiscalYear", op: "eq", value: year.fiscalYear }, { prop: "department", op: "eq", value: { id: dept.id, title: dept.title } }] }));
    const found = async (): Promise<NothingToReport | undefined> => nothingToReportOf(await mine()).find((n) => n.department.id === dept.id);
    const rows = await mine();
    const check = nothingToReportCheck(rows);
    const existing = check === "already" ? nothingToReportOf(rows).find((n) => n.department.id === dept.id) : undefined;
    if (existing) return existing;
    if (check === "draftsExist" || check === "alreadySubmitted") throw new RuleError([{ field: "rows", code: check }]);
    let id: number;
    try {
      [id] = await intoSubmissionFolder(() => this.data.resultReports.addSubmitted([nothingToReportRow(year.fiscalYear, dept)], year.fiscalYear));
    } catch (e) {
      // No answer: it may have been saved. Read back what exists; never write blindly again.
      if ((e as DataError).kind !== "network") throw e;
      const saved = await found();
      if (!saved) throw e;
      id = saved.id;
    }
    await this.audit(id, "statusChange", `別紙④を該当なしで提出（${dept.title}）`);
    const done = await found();
    if (!done) throw new DataError("unknown", "The 該当なし row was written but is not read back");
    return done;
  }

  /**
   * The coordinator withdraws a department's 該当なし (reopens its Form 4 for the year): the
   * marker is deleted (every copy of it), and the department can then report rows as usual.
   */
  async withdrawNothingToReport(year: Pick<ResultsYear, "fiscalYear">, dept: D.Department): Promise<number> {
    this.requireCoordinator();
    const fresh = await this.data.resultReports.list({ where: [{ prop: "fiscalYear", op: "eq", value: year.fiscalYear }, { prop: "department", op: "eq", value: { id: dept.id, title: dept.title } }] });
    const markers = fresh.filter(isNothingToReport);
    if (markers.length === 0) return 0;
    await this.data.resultReports.removeMany(markers.map((r) => ({ id: r.id, etag: "*" })));
    await this.audit(markers[0].id, "statusChange", `別紙④の該当なしを取り消し（${dept.title}）`);
    return markers.length;
  }

  /**
   * Publishes the year (公表): first the year's submission folders are locked (departments can
   * then only read), then the submitted rows are frozen as the publication's file, attached to a
   * publication record only coordinators can write. A publication cut short is finished by
   * publishing again: the lock is idempotent and an edition without its file gets it.
   */
  async publish(year: ResultsYear): Promise<number> {
    this.requireCoordinator();
    const fy = year.fiscalYear;
    await this.data.submissions.lock("resultReports", fy);
    const byYear = [{ prop: "fiscalYear" as const, op: "eq" as const, value: fy }];
    const r = await this.data.readMany({ rows: read(this.data.resultReports, { where: byYear }), publications: read(this.data.publications, { where: byYear }) });
    // A row stored as 公表済 that no earlier edition included is not published now either.
    const current = currentRows(splitPublishedClaims(r.rows, await readPublishedRecord(this.data, r.publications)).counted);
    // The initiatives are published; 該当なし departments are named apart, never as a row.
    const rows = initiatives(current).filter((x) => x.status !== "draft");
    const nothingToReport = nothingToReportOf(current).map((n) => n.department);
    const latest = [...r.publications].sort((a, b) => b.edition - a.edition)[0];
    // An edition recorded without its file (cut short) is finished; otherwise a new edition.
    let pub: D.Publication | undefined;
    if (latest && !(await this.data.publications.listAttachments(latest.id)).some((f) => f.fileName === publicationFileName(fy, latest.edition))) pub = latest;
    const publishedAt = this.now().toISOString();
    if (!pub) {
      const edition = (latest?.edition ?? 0) + 1;
      pub = await this.data.publications.add({ title: `${fy}年度 連携事業の実績（第${edition}版）`, fiscalYear: fy, edition, publicationKey: `${fy}:${edition}`, rowCount: rows.length, publishedAt });
    }
    const record: PublishedRecord = { fiscalYear: fy, edition: pub.edition, publishedAt: pub.publishedAt ?? publishedAt, rows: rows.map((x) => ({ ...x, status: "published" as const, publishedAt: pub!.publishedAt ?? publishedAt })), nothingToReport };
    await this.data.publications.addAttachment(pub.id, publicationFileName(fy, pub.edition), new TextEncoder().encode(JSON.stringify(record)));
    await recordAudit(this.data, "Publications", pub.id, "publish", `${fy}年度の実績を公表（第${pub.edition}版、${rows.length}件）`, { publishedOn: this.today });
    return rows.length;
  }
}
