import type * as D from "../../domain/types";
import { fitText } from "../../domain/text";
import * as S from "../schema/listSchema";
import { DataError, read } from "../contracts";
import { assertValid, intoSubmissionFolder, RuleError, ServiceBase } from "./ServiceBase";
import { recordAudit } from "./audit";
import { NotificationService } from "./NotificationService";
import { currentRows, proposalRow, withAnswers } from "../../domain/submissions";
import { isNoProposal, NoProposal, noProposalCheck, noProposalOf, noProposalRow, proposalsOnly } from "../../domain/noProposal";
import { callKey, callStatusBoard, departmentCanEdit, findItemByText, itemsByPartner, owing, proposalImportKey, validateAnswer, validateCall, validateProposalItem, validateProposalText } from "../../domain/calls";
import { withoutUnpublishedClaims } from "./publishedRecord";

/**
 * The fiscal year's cycle (年度の連携): calls and their status boards with reminders,
 * partner proposals (Form 1, entered by the coordinator or imported), city proposals
 * (Form 2, by departments) and the partners' answers.
 */

export interface YearData {
  fiscalYear: number;
  calls: D.Call[];
  partnerProposals: D.PartnerProposal[];
  /** The year's city proposals (drafts and submitted; never a 提案なし marker). */
  cityProposals: D.CityProposal[];
  /** The year's 提案なし markers (Form 2 handed in with nothing to propose), for the status board. */
  noProposal: D.CityProposalRow[];
  /** The year's results reports, for the status board of a Form 4 call; with any 該当なし markers (count initiatives with `initiatives()`). */
  resultReports: D.ResultReport[];
  agreements: D.Agreement[];
  items: D.PartnershipItem[];
  partners: D.Partner[];
  departments: D.Department[];
  /** Items each partner's proposals may name (its concluded agreements' items). */
  itemsOfPartner: Map<number, D.PartnershipItem[]>;
}

export interface ImportRow {
  rowNumber: number;
  partnerName: string;
  itemText: string;
  title: string;
  content: string;
  timing: D.ProposalTiming;
}

export interface ImportReport {
  imported: number;
  duplicates: number;
  errors: Array<{ rowNumber: number; code: string; detail?: string }>;
}

export interface AnswerRow {
  rowNumber: number;
  proposalId: number;
  answer: D.PartnerAnswer;
  comment: string;
  answerDate: D.IsoDate | null;
}

const MAX_CONTENT = 8000;
const MAX_TITLE = 255;

function check(problems: Array<{ field: string; code: string }>): void {
  if (problems.length > 0) throw new RuleError(problems);
}

const ref = (id: number, title = ""): D.LookupRef => ({ id, title });

/** A call of that form and year exists already (opened before, or by another coordinator at the same moment). */
export class CallExistsError extends RuleError {
  constructor(readonly existing: D.Call) {
    super([{ field: "form", code: "callExists", other: existing.title }]);
  }
}

export class CycleService extends ServiceBase {
  protected readonly coordinatorsOnly = "run the yearly cycle";

  private audit(entityList: string, entityId: number, action: D.AuditAction, title: string, detail: Record<string, unknown> = {}): Promise<void> {
    return recordAudit(this.data, entityList, entityId, action, title, detail);
  }

  /** Everything the year view needs, in one batched request. */
  async year(fiscalYear: number): Promise<YearData> {
    const byYear = [{ prop: "fiscalYear" as const, op: "eq" as const, value: fiscalYear }];
    const r = await this.data.readMany({
      calls: read(this.data.calls, { where: byYear }),
      partnerProposals: read(this.data.partnerProposals, { where: byYear }),
      cityProposals: read(this.data.cityProposals, { where: byYear }),
      answers: read(this.data.proposalAnswers, { where: byYear }),
      resultReports: read(this.data.resultReports, { where: byYear }),
      agreements: read(this.data.agreements),
      items: read(this.data.partnershipItems),
      partners: read(this.data.partners),
      departments: read(this.data.departments),
    });
    const { answers, ...rest } = r;
    return { fiscalYear, ...rest, cityProposals: withAnswers(proposalsOnly(r.cityProposals), answers), noProposal: r.cityProposals.filter(isNoProposal), resultReports: currentRows(await withoutUnpublishedClaims(this.data, r.resultReports)), itemsOfPartner: itemsByPartner(r.agreements, r.items) };
  }

  /** The UnitCodes of a call's recipient departments. */
  private async recipientCodes(c: Pick<D.Call, "recipientDepartments">): Promise<string[]> {
    const ids = new Set(c.recipientDepartments.map((d) => d.id));
    return (await this.data.departments.list()).filter((d) => ids.has(d.id) && d.code).map((d) => d.code);
  }

  /**
   * Opens the year's submission folders for a Form 2 or Form 4 call's departments (idempotent),
   * before anything else is written, so a call is never open without somewhere to submit to.
   */
  private async openSubmissions(c: Pick<D.Call, "form" | "fiscalYear" | "recipientDepartments">): Promise<D.Department[]> {
    if (c.form === "form1") return [];
    const skipped = await this.data.submissions.open(c.form === "form2" ? "cityProposals" : "resultReports", c.fiscalYear, await this.recipientCodes(c));
    if (skipped.length === 0) return [];
    return (await this.data.departments.list()).filter((d) => skipped.includes(d.code));
  }

  /** The call of that form and year, if any (by its key; a call from before the key by its columns). */
  private async callOf(form: D.Call["form"], fiscalYear: number): Promise<D.Call | undefined> {
    const calls = await this.data.calls.list({ where: [{ prop: "fiscalYear", op: "eq", value: fiscalYear }] });
    const key = callKey(form, fiscalYear);
    return calls.find((x) => x.callKey === key) ?? calls.find((x) => x.form === form);
  }

  /**
   * Opens a call: one per form and fiscal year (CallKey, unique in SharePoint). A call of that form
   * and year that exists already — or that another coordinator opens at the same moment — is not
   * made twice: the caller is told about it (RuleError callExists, naming it, with `existing`).
   * For Form 2 and Form 4 the recipients' submission folders are opened first; departments that
   * have no group yet (added since site setup last ran) are returned in `notReady`: they can
   * submit once the site owner has run setup and the call is reopened. The title is fitted to its
   * column (「…」) and the row checked before anything is written.
   */
  async openCall(c: Pick<D.Call, "title" | "fiscalYear" | "form" | "deadline" | "message" | "recipientDepartments" | "recipientPartners">): Promise<D.Call & { notReady: D.Department[] }> {
    this.requireCoordinator();
    check(validateCall(c, this.today));
    const draft: D.Draft<D.Call> = {
      ...c,
      title: fitText(c.title.trim(), S.maxLengthOf(S.calls.fields.title)),
      status: "open",
      recipientPartners: c.form === "form1" ? c.recipientPartners : [],
      recipientDepartments: c.form === "form1" ? [] : c.recipientDepartments,
      callKey: callKey(c.form, c.fiscalYear),
    };
    assertValid(this.data.calls, [draft]);
    const before = await this.callOf(c.form, c.fiscalYear);
    if (before) throw new CallExistsError(before);
    const notReady = await this.openSubmissions(c);
    let call: D.Call;
    try {
      call = await this.data.calls.add(draft);
    } catch (e) {
      // Another coordinator opened it meanwhile (SharePoint refused the second key): tell about theirs.
      if (!(e instanceof DataError) || (e.kind !== "duplicate" && e.kind !== "network")) throw e;
      const existing = await this.callOf(c.form, c.fiscalYear);
      if (!existing) throw e;
      if (e.kind === "duplicate") throw new CallExistsError(existing);
      // No answer, but SharePoint stored it: ours.
      call = existing;
    }
    await this.audit("Calls", call.id, "create", `調査依頼を開始（${call.title}）`, { form: c.form, deadline: c.deadline, ...(notReady.length ? { notReady: notReady.map((d) => d.code) } : {}) });
    return { ...call, notReady };
  }

  /**
   * Closes a call. For Form 2 and Form 4 the year's submission folders are locked first (they
   * inherit the list again: departments can then only read), then the call is marked closed: a
   * fault between the two leaves the call open with its folders locked, and closing it again
   * finishes (the lock is idempotent); reopening opens them again.
   */
  async closeCall(call: D.Call): Promise<void> {
    this.requireCoordinator();
    if (call.form !== "form1") await this.data.submissions.lock(call.form === "form2" ? "cityProposals" : "resultReports", call.fiscalYear);
    await this.data.calls.update(call.id, call.etag, { status: "closed" });
    await this.audit("Calls", call.id, "statusChange", "調査依頼を締切");
  }

  /** Reopens a call with a new deadline, so departments can edit their Form 2 rows again. */
  async reopenCall(call: D.Call, deadline: D.IsoDate): Promise<D.Department[]> {
    this.requireCoordinator();
    check(validateCall({ ...call, deadline }, this.today).filter((p) => p.field === "deadline"));
    const notReady = await this.openSubmissions(call);
    await this.data.calls.update(call.id, call.etag, { status: "open", deadline });
    await this.audit("Calls", call.id, "statusChange", "調査依頼を再開", { deadline });
    return notReady;
  }

  /**
   * The call's first notice (依頼の通知) to each department it is addressed to, on the same path as
   * every notice (reachability, intent first, each once: a second opening or a retry posts
   * nothing twice). Form 1 goes to partners, who are not on Teams: nothing is posted for it.
   */
  async announce(call: D.Call, year: YearData, notifications: NotificationService, render: (dept: D.Department) => string): Promise<D.Notification[]> {
    this.requireCoordinator();
    if (call.form === "form1") return [];
    const requests = call.recipientDepartments.flatMap((r) => {
      const dept = year.departments.find((d) => d.id === r.id);
      return dept ? [{ kind: "callNotice" as const, dedupeKey: `notice:call:${call.id}:dept:${dept.id}`, title: fitText(`依頼: ${call.title}`, S.maxLengthOf(S.notifications.fields.title)), department: dept, message: { html: render(dept) } }] : [];
    });
    const out = await notifications.deliver(requests);
    await this.audit("Calls", call.id, "notify", "調査依頼を部署の Teams チャネルに通知", { departments: out.map((n) => n.department?.id) });
    return out;
  }

  /**
   * Sends a Teams reminder to every department that owes this call, once per department
   * and day (a second click the same day posts nothing more).
   */
  async remind(call: D.Call, year: YearData, notifications: NotificationService, render: (dept: D.Department) => string): Promise<D.Notification[]> {
    this.requireCoordinator();
    if (call.form === "form1") throw new RuleError([{ field: "form", code: "partnersNotOnTeams" }]);
    const board = callStatusBoard(call, { cityProposals: [...year.cityProposals, ...year.noProposal], resultReports: year.resultReports }, this.today);
    const requests = owing(board).flatMap((row) => {
      const dept = year.departments.find((d) => d.id === row.recipient.id);
      return dept ? [{ kind: "callReminder" as const, dedupeKey: `reminder:call:${call.id}:dept:${dept.id}:${this.today}`, title: fitText(`督促: ${call.title}`, S.maxLengthOf(S.notifications.fields.title)), department: dept, message: { html: render(dept) } }] : [];
    });
    // The same path as a feedback edition: reachability, intent first, each once.
    const out = await notifications.deliver(requests);
    await this.audit("Calls", call.id, "notify", "調査依頼の督促を送信", { departments: out.map((n) => n.department?.id) });
    return out;
  }

  async addPartnerProposal(p: D.Draft<D.PartnerProposal>, year: YearData): Promise<D.PartnerProposal> {
    this.requireCoordinator();
    check([...validateProposalItem(p.partner?.id ?? null, p.partnershipItem?.id ?? null, year.itemsOfPartner), ...validateProposalText(p.title, p.content)]);
    // Every proposal has its content key (unique in SharePoint): the same one is never stored twice.
    const importKey = p.importKey || proposalImportKey(p.fiscalYear, p.partner!.id, p.partnershipItem!.id, p.title, p.content);
    const created = await this.data.partnerProposals.add({ ...p, importKey });
    await this.audit("PartnerProposals", created.id, "create", `別紙①を登録（${p.partner?.title ?? ""}）`);
    return created;
  }

  /**
   * Imports Form 1 rows a partner returned: each row is checked (partner by name, item of
   * its agreement, lengths); good rows are added in batches, bad ones reported with their
   * row number; a row already imported (same partner, year, item, title, content) is skipped.
   */
  async importPartnerProposals(rows: ImportRow[], year: YearData, callId: number | null): Promise<ImportReport> {
    this.requireCoordinator();
    const report: ImportReport = { imported: 0, duplicates: 0, errors: [] };
    const seen = new Set(year.partnerProposals.map((p) => p.importKey).filter(Boolean));
    const norm = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");
    const drafts: D.Draft<D.PartnerProposal>[] = [];
    for (const row of rows) {
      const partner = year.partners.find((p) => norm(p.name) === norm(row.partnerName));
      if (!partner) {
        report.errors.push({ rowNumber: row.rowNumber, code: "unknownPartner", detail: row.partnerName });
        continue;
      }
      const item = findItemByText(year.itemsOfPartner.get(partner.id) ?? [], row.itemText);
      if (!item) {
        report.errors.push({ rowNumber: row.rowNumber, code: year.itemsOfPartner.has(partner.id) ? "itemNotInAgreement" : "noAgreement", detail: row.itemText });
        continue;
      }
      if (!row.title.trim() || !row.content.trim()) {
        report.errors.push({ rowNumber: row.rowNumber, code: "required" });
        continue;
      }
      if (row.title.length > MAX_TITLE || row.content.length > MAX_CONTENT) {
        report.errors.push({ rowNumber: row.rowNumber, code: "tooLong", detail: String(row.title.length > MAX_TITLE ? MAX_TITLE : MAX_CONTENT) });
        continue;
      }
      const key = proposalImportKey(year.fiscalYear, partner.id, item.id, row.title, row.content);
      if (seen.has(key)) {
        report.duplicates++;
        continue;
      }
      seen.add(key);
      drafts.push({ title: row.title.trim(), fiscalYear: year.fiscalYear, partner: ref(partner.id, partner.name), partnershipItem: ref(item.id), content: row.content.trim(), timing: row.timing, call: callId ? ref(callId) : null, receivedDate: this.today, importKey: key });
    }
    try {
      await this.data.partnerProposals.addMany(drafts);
    } catch (e) {
      // Refused as a duplicate (another coordinator imported the same rows meanwhile), or no answer
      // (it may have been saved): read back what exists, never write blindly again.
      const err = e as DataError;
      if (err.kind !== "duplicate" && err.kind !== "network") throw e;
      const now = new Set((await this.data.partnerProposals.list({ where: [{ prop: "fiscalYear", op: "eq", value: year.fiscalYear }] })).map((p) => p.importKey));
      const missing = drafts.filter((d) => !now.has(d.importKey));
      if (missing.length > 0) throw e;
      if (err.kind === "duplicate") {
        // All there, some by the other import: those count as duplicates, ours as imported.
        report.duplicates += drafts.length;
        drafts.length = 0;
      }
    }
    report.imported = drafts.length;
    if (drafts.length > 0) await this.audit("PartnerProposals", 0, "create", `別紙①を取り込み（${drafts.length}件）`, { errors: report.errors.length, duplicates: report.duplicates });
    return report;
  }

  /**
   * A department's Form 2 row: its own department only, and only while the call allows. A
   * draft stays in the department's folder; submitting copies it into the year's submission
   * folder (where SharePoint lets the department add but never change) and deletes the draft.
   * Once submitted, only the coordinator changes it.
   */
  async saveCityProposal(p: D.Draft<D.CityProposalRow>, year: YearData, existing?: D.CityProposal): Promise<D.CityProposal> {
    const dept = year.departments.find((d) => d.id === p.department?.id);
    const coordinator = this.user.role === "coordinator";
    if (!coordinator && (!dept || !this.user.departmentCodes.includes(dept.code))) throw new DataError("forbidden", "Not your department", 403);
    const call = p.call ? (year.calls.find((c) => c.id === p.call!.id) ?? null) : null;
    if (!coordinator && existing && existing.status !== "draft") throw new RuleError([{ field: "status", code: "submittedLocked" }]);
    if (!coordinator && existing && !departmentCanEdit(existing, call, this.today)) throw new RuleError([{ field: "status", code: "deadlinePassed" }]);
    check([...validateProposalItem(p.partner?.id ?? null, p.partnershipItem?.id ?? null, year.itemsOfPartner), ...validateProposalText(p.title, p.content)]);
    const row = proposalRow(p) as D.Draft<D.CityProposalRow>;
    const answerOf = (r: D.CityProposalRow): D.CityProposal => withAnswers([r], existing?.answerRow ? [{ id: existing.answerRow.id, etag: existing.answerRow.etag, modified: "", title: "", fiscalYear: r.fiscalYear, proposalId: r.id, answer: existing.partnerAnswer, comment: existing.answerComment, answerDate: existing.answerDate }] : [])[0];
    // The coordinator changes a row where it is; so does a department while it is a draft. A row
    // stays where its state belongs (domain/rowPlacement.ts): a handed-in row never goes back among
    // the drafts, and a draft is submitted by copying it into the submission folder (below).
    const sameFolder = !!existing && (row.status === "draft") === (existing.status === "draft");
    if (existing && !sameFolder && row.status === "draft") throw new RuleError([{ field: "status", code: "submittedLocked" }]);
    if (existing && sameFolder && (coordinator || row.status === "draft")) {
      await this.data.cityProposals.update(existing.id, existing.etag, { ...row, sourceId: existing.sourceId });
      return answerOf(await this.data.cityProposals.get(existing.id));
    }
    if (row.status === "submitted") {
      const [id] = await intoSubmissionFolder(() => this.data.cityProposals.addSubmitted([{ ...row, sourceId: existing?.id ?? null }], row.fiscalYear));
      if (existing) await this.data.cityProposals.removeMany([{ id: existing.id, etag: existing.etag }]);
      await this.audit("CityProposals", id, "statusChange", `別紙②を提出（${p.department?.title ?? ""}）`);
      return answerOf(await this.data.cityProposals.get(id));
    }
    const created = await this.data.cityProposals.add({ ...row, sourceId: null });
    await this.audit("CityProposals", created.id, "create", `別紙②を登録（${p.department?.title ?? ""}）`);
    return answerOf(created);
  }

  /**
   * Hands in the year's Form 2 as 提案なし (nothing to propose; issue 33, point 7): one marker row
   * written into the department's submission folder of the call's year, as a submitted proposal is
   * (SharePoint lets the department add there but never change or delete; another department's
   * folder refuses it). Refused while the department has drafts (submit or delete them) or has
   * submitted proposals for the year. Written once: what exists is read first, so a second click or
   * a retry writes nothing; a write whose answer was lost is read back, never sent blindly again.
   */
  async submitNoProposal(call: Pick<D.Call, "id" | "title" | "form" | "fiscalYear">, dept: D.Department): Promise<NoProposal> {
    if (this.user.role !== "coordinator" && (this.user.role !== "member" || !this.user.departmentCodes.includes(dept.code))) throw new DataError("forbidden", "Not your department", 403);
    if (call.form !== "form2") throw new RuleError([{ field: "form", code: "notForm2" }]);
    const mine = async (): Promise<D.CityProposalRow[]> =>
      currentRows(await this.data.cityProposals.list({ where: [{ prop: "fiscalYear", op: "eq", value: call.fiscalYear }, { prop: "department", op: "eq", value: { id: dept.id, title: dept.title } }] }));
    const found = async (): Promise<NoProposal | undefined> => noProposalOf(await mine()).find((n) => n.department.id === dept.id);
    const rows = await mine();
    const check0 = noProposalCheck(rows);
    if (check0 === "already") {
      const existing = noProposalOf(rows).find((n) => n.department.id === dept.id);
      if (existing) return existing;
    }
    if (check0 === "draftsExist" || check0 === "alreadySubmitted") throw new RuleError([{ field: "rows", code: check0 }]);
    let id: number;
    try {
      [id] = await intoSubmissionFolder(() => this.data.cityProposals.addSubmitted([noProposalRow(call.fiscalYear, dept, call)], call.fiscalYear));
    } catch (e) {
      // No answer: it may have been saved. Read back what exists; never write blindly again.
      if ((e as DataError).kind !== "network") throw e;
      const saved = await found();
      if (!saved) throw e;
      id = saved.id;
    }
    await this.audit("CityProposals", id, "statusChange", `別紙②を提案なしで提出（${dept.title}）`);
    const done = await found();
    if (!done) throw new DataError("unknown", "The 提案なし row was written but is not read back");
    return done;
  }

  /** The partner's answer, in the coordinators' list of answers (one row per proposal). */
  /** A proposal with its answer as SharePoint has it now (the answer dialog's reload after 412). */
  async freshAnswer(p: D.CityProposal): Promise<D.CityProposal> {
    const answers = await this.data.proposalAnswers.list({ where: [{ prop: "proposalId", op: "eq", value: p.id }], limit: 1 });
    return withAnswers([p], answers)[0];
  }

  async recordAnswer(p: D.CityProposal, answer: D.PartnerAnswer, comment: string, answerDate: D.IsoDate | null): Promise<string> {
    this.requireCoordinator();
    check(validateAnswer(answer, answerDate));
    const values = { answer, comment, answerDate };
    let etag: string;
    if (p.answerRow) etag = await this.data.proposalAnswers.update(p.answerRow.id, p.answerRow.etag, values);
    else {
      try {
        etag = (await this.data.proposalAnswers.add({ title: fitText(p.title, S.maxLengthOf(S.proposalAnswers.fields.title)), fiscalYear: p.fiscalYear, proposalId: p.id, ...values })).etag;
      } catch (e) {
        // Another coordinator recorded an answer meanwhile (ProposalId is unique): the same as a 412.
        if (e instanceof DataError && e.kind === "duplicate") throw new DataError("conflict", "The answer was recorded meanwhile", 412);
        throw e;
      }
    }
    await this.audit("CityProposals", p.id, "update", `企業等の回答を記録（${answer}）`);
    return etag;
  }

  /** Answers read from a returned workbook: rows for proposals of that partner only. */
  async importAnswers(rows: AnswerRow[], proposals: D.CityProposal[]): Promise<ImportReport> {
    this.requireCoordinator();
    const report: ImportReport = { imported: 0, duplicates: 0, errors: [] };
    const changes: Array<{ id: number; etag: string; patch: Partial<D.Draft<D.ProposalAnswer>> }> = [];
    const added: D.Draft<D.ProposalAnswer>[] = [];
    for (const row of rows) {
      const p = proposals.find((x) => x.id === row.proposalId);
      if (!p) {
        report.errors.push({ rowNumber: row.rowNumber, code: "unknownProposal", detail: String(row.proposalId) });
        continue;
      }
      // A 回答日 left blank or unreadable in the workbook does not cost the answer (issue 33, point 3):
      // the answer is recorded without a date (the parse reported the cell), and a date already
      // recorded is kept.
      const problems = validateAnswer(row.answer, row.answerDate).filter((x) => !(x.field === "answerDate" && x.code === "required"));
      if (problems.length) {
        report.errors.push({ rowNumber: row.rowNumber, code: problems[0].code });
        continue;
      }
      if (row.comment.length > MAX_CONTENT) {
        report.errors.push({ rowNumber: row.rowNumber, code: "tooLong", detail: String(MAX_CONTENT) });
        continue;
      }
      const answerDate = row.answerDate ?? p.answerDate;
      if (p.partnerAnswer === row.answer && p.answerComment === row.comment && p.answerDate === answerDate) {
        report.duplicates++;
        continue;
      }
      const patch = { answer: row.answer, comment: row.comment, answerDate };
      if (p.answerRow) changes.push({ id: p.answerRow.id, etag: p.answerRow.etag, patch });
      else added.push({ title: fitText(p.title, S.maxLengthOf(S.proposalAnswers.fields.title)), fiscalYear: p.fiscalYear, proposalId: p.id, ...patch });
    }
    await this.data.proposalAnswers.addMany(added);
    await this.data.proposalAnswers.updateMany(changes);
    report.imported = changes.length + added.length;
    if (report.imported > 0) await this.audit("CityProposals", 0, "update", `企業等の回答を取り込み（${report.imported}件）`);
    return report;
  }
}
