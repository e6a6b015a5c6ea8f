import type * as D from "../../domain/types";
import { DataError, read } from "../contracts";
import { RuleError, ServiceBase } from "./ServiceBase";
import { recordAudit } from "./audit";
import { canEditResult, lastYears, nextResultNo } from "../../domain/results";
import { renumber } from "../../domain/matching";

/**
 * Results reports (別紙④): a department's rows (draft, then submitted), gap-free NO per
 * department and year, the coordinator's publication of a year, and the five-year view.
 */

export interface ResultsYear {
  fiscalYear: number;
  rows: D.ResultReport[];
  departments: D.Department[];
  partners: D.Partner[];
  agreements: D.Agreement[];
  items: D.PartnershipItem[];
  calls: D.Call[];
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

  async year(fiscalYear: number): Promise<ResultsYear> {
    const r = await this.data.readMany({
      rows: read(this.data.resultReports, { where: [{ prop: "fiscalYear", op: "eq", value: fiscalYear }] }),
      departments: read(this.data.departments),
      partners: read(this.data.partners),
      agreements: read(this.data.agreements),
      items: read(this.data.partnershipItems),
      calls: read(this.data.calls, { where: [{ prop: "fiscalYear", op: "eq", value: fiscalYear }] }),
    });
    return { fiscalYear, ...r };
  }

  /** Rows of the five fiscal years ending with `fy` (an indexed range on 年度). */
  async fiveYears(fy: number): Promise<D.ResultReport[]> {
    const years = lastYears(fy);
    return this.data.resultReports.list({
      where: [
        { prop: "fiscalYear", op: "ge", value: years[0] },
        { prop: "fiscalYear", op: "le", value: years[years.length - 1] },
      ],
    });
  }

  async saveRow(year: ResultsYear, dept: D.Department, draft: ResultDraft, existing?: D.ResultReport): Promise<void> {
    this.assertDepartment(dept);
    const problems: Array<{ field: string; code: string }> = [];
    if (!draft.title.trim()) problems.push({ field: "title", code: "required" });
    if (!draft.content.trim()) problems.push({ field: "content", code: "required" });
    if (!draft.partner) problems.push({ field: "partner", code: "required" });
    if (problems.length) throw new RuleError(problems);
    if (existing) {
      if (!canEditResult(this.user.role, existing)) throw new RuleError([{ field: "status", code: "submittedLocked" }]);
      await this.data.resultReports.update(existing.id, existing.etag, draft);
      if (existing.status === "published") await this.audit(existing.id, "update", `公表後の変更（${dept.title} NO.${existing.rowNo}）`, { fields: Object.keys(draft), afterPublication: true });
      return;
    }
    const mine = year.rows.filter((r) => r.department?.id === dept.id);
    if (mine.some((r) => r.status !== "draft") && this.user.role !== "coordinator") throw new RuleError([{ field: "status", code: "submittedLocked" }]);
    await this.data.resultReports.add({ ...draft, fiscalYear: year.fiscalYear, department: { id: dept.id, title: dept.title }, rowNo: nextResultNo(mine), cityProposal: null, status: "draft", publishedAt: null });
  }

  /** Deletes a row and renumbers the department's rest so NO stays 1…n. */
  async deleteRow(year: ResultsYear, dept: D.Department, row: D.ResultReport): Promise<void> {
    this.assertDepartment(dept);
    if (!canEditResult(this.user.role, row)) throw new RuleError([{ field: "status", code: "submittedLocked" }]);
    await this.data.resultReports.remove(row.id, row.etag);
    const rest = year.rows.filter((r) => r.department?.id === dept.id && r.id !== row.id).sort((a, b) => a.rowNo - b.rowNo);
    const byId = new Map(rest.map((r) => [r.id, r]));
    await this.data.resultReports.updateMany(renumber(rest).map((c) => ({ id: c.id, etag: byId.get(c.id)!.etag, patch: { rowNo: c.rowNo } })));
    if (row.status === "published") await this.audit(row.id, "delete", `公表後の削除（${dept.title} NO.${row.rowNo}）`, { afterPublication: true });
  }

  async submit(year: ResultsYear, dept: D.Department): Promise<number> {
    this.assertDepartment(dept);
    const drafts = year.rows.filter((r) => r.department?.id === dept.id && r.status === "draft");
    if (drafts.length === 0) throw new RuleError([{ field: "rows", code: "required" }]);
    await this.data.resultReports.updateMany(drafts.map((r) => ({ id: r.id, etag: r.etag, patch: { status: "submitted" as const } })));
    await this.audit(0, "statusChange", `別紙④を提出（${dept.title}、${drafts.length}件）`);
    return drafts.length;
  }

  /** Marks every submitted row of the year as published (公表). */
  async publish(year: ResultsYear): Promise<number> {
    this.requireCoordinator();
    const submitted = year.rows.filter((r) => r.status === "submitted");
    const now = new Date().toISOString();
    await this.data.resultReports.updateMany(submitted.map((r) => ({ id: r.id, etag: r.etag, patch: { status: "published" as const, publishedAt: now } })));
    await this.audit(0, "publish", `${year.fiscalYear}年度の実績を公表（${submitted.length}件）`, { publishedOn: this.today });
    return submitted.length;
  }
}
