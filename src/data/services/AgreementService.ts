import { parseSurveyRecord, surveyRecordKey, surveyRecordText } from "../../domain/rowPlacement";
import type { SurveyAsk } from "../../domain/rowPlacement";
import { currentRows } from "../../domain/submissions";
import type * as D from "../../domain/types";
import { fitText } from "../../domain/text";
import * as S from "../schema/listSchema";
import { DataError, isDataError, read } from "../contracts";
import { AgreementProblem, canRecordItems, ConcludeInput, isRecordingImportedItems, StartInput, transitionRefusal, validateConclusion, validateDecline, validateItems, validateStart, validateSurveyLaunch } from "../../domain/agreementLifecycle";
import { addDays, initialReviewDate, nextReviewAfterRenewal, DEFAULT_REVIEW_CYCLE_YEARS } from "../../domain/review";
import { firstTerm, GUIDELINE_TERMS, hasExpiry, TermRules } from "../../domain/terms";
import { missingSurveyRows, surveyOpen, unchosenSurveyRows } from "../../domain/survey";
import type { SurveyAnswer } from "../../domain/survey";
import { validatePartner } from "../../domain/partners";
import { agreementPartners } from "../../domain/agreements";
import { lookBackSummary, LookBack } from "../../domain/lookBack";
import { recordAudit } from "./audit";
import { assertValid, RuleError, ServiceBase } from "./ServiceBase";
import { refreshDecisionColumns } from "./decisionColumns";
import { withoutUnpublishedClaims } from "./publishedRecord";
import type { NotificationService } from "./NotificationService";


/**
 * The agreement's story (協定管理) as operations: each checks the domain rules, writes
 * through the repositories (with the ETag the user saw) and records who did what in the
 * audit log. Speaks only the repository contracts, so it runs the same against
 * SharePoint, the local backend and test fakes.
 */

export interface AgreementStory {
  agreement: D.Agreement;
  items: D.PartnershipItem[];
  survey: D.SurveyResponse[];
  reviews: D.AgreementReview[];
  terms: D.AgreementTerm[];
  timeline: D.AuditEntry[];
  attachments: { fileName: string; url: string }[];
  /** When the survey's answers were fixed (the decision: 締結 or 見送り), if they were. */
  surveyClosedAt?: string | null;
}

export interface ReviewInput {
  reviewDate: D.IsoDate;
  /** renewed = 自動更新 (no objection); objection = 疑義 raised and still open; revised / terminated resolve it. */
  outcome: D.ReviewOutcome;
  objectionBy: D.ObjectionBy;
  objectionDetail: string;
  lookBack: string;
}

/** The other partners as lookups: each once, never the first partner again. */
const coPartnerRefs = (partnerId: number, ids: number[]): D.LookupRef[] => [...new Set(ids)].filter((id) => id && id !== partnerId).map((id) => ({ id, title: "" }));

const ref = (id: number, title = ""): D.LookupRef => ({ id, title });

function check(problems: AgreementProblem[] | Array<{ field: string; code: string }>): void {
  if (problems.length > 0) throw new RuleError(problems);
}

export class AgreementService extends ServiceBase {
  protected readonly coordinatorsOnly = "manage agreements";

  private audit(agreementId: number, action: D.AuditAction, title: string, detail: Record<string, unknown> = {}): Promise<void> {
    return recordAudit(this.data, "Agreements", agreementId, action, title, detail);
  }

  async register(): Promise<{ agreements: D.Agreement[]; items: D.PartnershipItem[]; partners: D.Partner[] }> {
    return this.data.readMany({ agreements: read(this.data.agreements), items: read(this.data.partnershipItems), partners: read(this.data.partners) });
  }

  /** Everything about one agreement, in one batched request. */
  async story(agreementId: number): Promise<AgreementStory> {
    const byAgreement = [{ prop: "agreement" as const, op: "eq" as const, value: ref(agreementId) }];
    const r = await this.data.readMany({
      agreements: read(this.data.agreements, { where: [{ prop: "id", op: "eq", value: agreementId }] }),
      items: read(this.data.partnershipItems, { where: byAgreement }),
      survey: read(this.data.surveyResponses, { where: byAgreement }),
      reviews: read(this.data.agreementReviews, { where: byAgreement }),
      terms: read(this.data.agreementTerms, { where: byAgreement }),
      surveyRecord: read(this.data.settings, { where: [{ prop: "key", op: "eq", value: surveyRecordKey(agreementId) }] }),
      // AuditLog grows by every proposal and answer (14,500 rows in year ten). SharePoint narrows by
      // the first indexed condition: the row's id (a few entries across all lists) leads, not the
      // list's name (every entry on agreements, thousands in a busy register).
      timeline: read(this.data.auditLog, {
        where: [
          { prop: "entityId", op: "eq", value: agreementId },
          { prop: "entityList", op: "eq", value: "Agreements" },
        ],
      }),
    });
    const agreement = r.agreements[0];
    if (!agreement) throw new DataError("notFound", `Agreement ${agreementId} not found`, 404);
    const attachments = await this.data.agreements.listAttachments(agreementId);
    // A survey decided before its answers were fixed (a decision cut short, or made before this
    // record existed) is fixed when the coordinator next opens the agreement.
    const record = r.surveyRecord[0] ? parseSurveyRecord(r.surveyRecord[0].value) : null;
    // Opening the agreement does not fail on it: the next opening tries again.
    let surveyClosedAt = record?.closed?.at ?? null;
    if (this.user.role === "coordinator" && !surveyOpen(agreement) && r.survey.length > 0 && !surveyClosedAt) surveyClosedAt = await this.closeSurvey(agreementId).catch(() => null);
    return {
      agreement,
      items: r.items.sort((a, b) => a.itemNo - b.itemNo),
      survey: r.survey,
      reviews: r.reviews.sort((a, b) => (a.reviewDate ?? "").localeCompare(b.reviewDate ?? "")),
      terms: r.terms.sort((a, b) => a.termNo - b.termNo),
      timeline: r.timeline.sort((a, b) => (b.occurredAt ?? "").localeCompare(a.occurredAt ?? "")),
      attachments,
      surveyClosedAt,
    };
  }

  async savePartner(draft: D.Draft<D.Partner>, existing?: D.Partner): Promise<D.Partner> {
    this.requireCoordinator();
    const others = await this.data.partners.list();
    check(validatePartner(draft, others, existing?.id));
    try {
      if (existing) {
        await this.data.partners.update(existing.id, existing.etag, draft);
        return await this.data.partners.get(existing.id);
      }
      return await this.data.partners.add(draft);
    } catch (e) {
      // Saved by someone else meanwhile: the list's unique name (Title) refuses it; shown at the name, like the check above.
      if (isDataError(e) && e.kind === "duplicate") throw new RuleError([{ field: "name", code: "duplicate", other: draft.name.trim() }]);
      throw e;
    }
  }

  /** Starts an agreement; its terms are copied from the site's defaults, to be adjusted to what is signed. */
  async start(input: StartInput, itemTexts: string[], defaults: TermRules = GUIDELINE_TERMS): Promise<D.Agreement> {
    this.requireCoordinator();
    check([...validateStart(input), ...validateItems(itemTexts)]);
    const created = await this.data.agreements.add({
      title: input.title.trim(),
      partner: ref(input.partnerId!),
      coPartners: coPartnerRefs(input.partnerId!, input.coPartnerIds ?? []),
      status: input.origin === "partner" ? "approached" : "preparing",
      origin: input.origin,
      requestedByDepartment: input.origin === "city" && input.requestedByDepartmentId ? ref(input.requestedByDepartmentId) : null,
      requestedByExecutives: input.origin === "city" && input.requestedByExecutives,
      approachDate: input.origin === "partner" ? input.approachDate : null,
      proposedContent: input.proposedContent,
      briefingDate: null,
      briefingPlace: "",
      briefingDepartments: [],
      surveyDeadline: null,
      concludedDate: null,
      termStart: null,
      termEnd: null,
      nextReviewDate: null,
      nextDecisionDate: null,
      nextDecisionText: "",
      declinedDate: null,
      declinedReason: "",
      ...defaults,
      termClause: "",
      screening: "",
      importKey: "",
    });
    const texts = itemTexts.map((t) => t.trim()).filter(Boolean);
    await this.data.partnershipItems.addMany(texts.map((text, i) => ({ text, agreement: ref(created.id), itemNo: i + 1 })));
    await this.audit(created.id, "create", input.origin === "partner" ? "打診を登録" : "市からの協定を登録", { items: texts.length });
    return created;
  }

  /** Saves edited basic fields; a stale ETag surfaces as a conflict with nothing written. */
  async saveBasics(a: D.Agreement, patch: Partial<Pick<D.Agreement, "title" | "proposedContent" | "briefingDate" | "briefingPlace" | "approachDate">>): Promise<string> {
    this.requireCoordinator();
    if (patch.title !== undefined && !patch.title.trim()) throw new RuleError([{ field: "title", code: "required" }]);
    const etag = await this.data.agreements.update(a.id, a.etag, patch);
    await this.audit(a.id, "update", "基本情報を変更", { fields: Object.keys(patch) });
    return etag;
  }

  /**
   * Sets the other partners of an agreement signed with several (連名), at any stage: a partner
   * may join or leave at a revision. The first named stays in 企業等; each is a partner of its own.
   */
  async saveCoPartners(a: D.Agreement, coPartnerIds: number[]): Promise<string> {
    this.requireCoordinator();
    if (!a.partner) throw new DataError("validation", "Agreement without partner");
    const coPartners = coPartnerRefs(a.partner.id, coPartnerIds);
    const etag = await this.data.agreements.update(a.id, a.etag, { coPartners });
    await this.audit(a.id, "update", "連名の企業等を変更", { coPartners: coPartners.map((p) => p.id) });
    return etag;
  }

  /**
   * Replaces the numbered items (第1号…) while the agreement is not yet concluded; for an agreement
   * imported without items, records them once after conclusion (the register's truth, not a change).
   * `current` is what the screen showed: the items are read again here, so two coordinators
   * recording the items of the same imported agreement do not both add a list.
   */
  async saveItems(a: D.Agreement, current: D.PartnershipItem[], texts: string[]): Promise<void> {
    this.requireCoordinator();
    const recording = isRecordingImportedItems(a, current.length);
    if (recording) {
      const there = await this.data.partnershipItems.list({ where: [{ prop: "agreement", op: "eq", value: ref(a.id) }] });
      if (there.length > 0) throw new RuleError([{ field: "items", code: "itemsLocked" }]);
    }
    if (!canRecordItems(a, current.length)) throw new RuleError([{ field: "items", code: "itemsLocked" }]);
    check(validateItems(texts));
    const clean = texts.map((t) => t.trim()).filter(Boolean);
    const sorted = [...current].sort((x, y) => x.itemNo - y.itemNo);
    const changes = sorted.slice(0, clean.length).flatMap((it, i) => (it.text !== clean[i] || it.itemNo !== i + 1 ? [{ id: it.id, etag: it.etag, patch: { text: clean[i], itemNo: i + 1 } }] : []));
    await this.data.partnershipItems.updateMany(changes);
    await this.data.partnershipItems.addMany(clean.slice(sorted.length).map((text, i) => ({ text, agreement: ref(a.id), itemNo: sorted.length + i + 1 })));
    for (const extra of sorted.slice(clean.length)) await this.data.partnershipItems.remove(extra.id, extra.etag);
    await this.audit(a.id, "update", recording ? "台帳の取込で無かった連携事項を記録" : "連携事項を変更", { items: clean });
  }

  /**
   * Records the briefing and launches the internal survey: one row per department and
   * item. Safe to repeat (a retry or a double click adds only what is missing).
   */
  async launchSurvey(
    a: D.Agreement,
    items: D.PartnershipItem[],
    input: { briefingDate: D.IsoDate | null; briefingTime?: string; briefingPlace: string; briefingDepartmentIds: number[]; deadline: D.IsoDate | null; departmentIds: number[] },
  ): Promise<void> {
    this.requireCoordinator();
    if (a.status !== "surveying") {
      const refusal = transitionRefusal(a.status, "surveying");
      if (refusal) throw new RuleError([{ field: "status", code: refusal }]);
    }
    check(validateSurveyLaunch({ briefingDate: input.briefingDate, briefingTime: input.briefingTime, deadline: input.deadline, departmentIds: input.departmentIds, today: this.today }));
    if (items.length === 0) throw new RuleError([{ field: "items", code: "itemsRequired" }]);
    // The rows' title is built from the agreement's name: shortened to its column and every row
    // checked before anything is written, so a length never leaves the agreement 庁内調査中 without its rows.
    const title = fitText(`${a.title}（庁内調査）`, S.maxLengthOf(S.surveyResponses.fields.title));
    const row = (departmentId: number, itemId: number): D.Draft<D.SurveyResponse> => ({
      title,
      agreement: ref(a.id),
      department: ref(departmentId),
      partnershipItem: ref(itemId),
      status: "requested" as const,
      feasible: false,
      projectIdeas: "",
      comment: "",
      answeredAt: null,
    });
    assertValid(this.data.surveyResponses, [row(input.departmentIds[0] ?? 0, items[0].id)]);
    await this.data.agreements.update(a.id, a.etag, {
      status: "surveying",
      briefingDate: input.briefingDate,
      briefingTime: input.briefingTime ?? "",
      briefingPlace: input.briefingPlace,
      briefingDepartments: input.briefingDepartmentIds.map((id) => ref(id)),
      surveyDeadline: input.deadline,
    });
    const existing = await this.data.surveyResponses.list({ where: [{ prop: "agreement", op: "eq", value: ref(a.id) }] });
    const missing = missingSurveyRows(existing, input.departmentIds, items.map((i) => i.id));
    const ids = await this.data.surveyResponses.addMany(missing.map((m) => row(m.departmentId, m.itemId)));
    await this.recordSurvey(a.id, [...existing.map((r) => ({ id: r.id, departmentId: r.department?.id ?? null, itemId: r.partnershipItem?.id ?? null })), ...missing.map((m, i) => ({ id: ids[i], departmentId: m.departmentId, itemId: m.itemId }))]);
    await this.audit(a.id, "statusChange", "庁内説明会・庁内調査を開始", { departments: input.departmentIds.length, deadline: input.deadline });
  }

  /**
   * Records which survey row asks which department about which item, in a setting only the
   * coordinators write: a department may edit every column of its rows, so what it was asked is
   * kept where it cannot write (rows that no longer match are not read as answers; see
   * domain/rowPlacement.ts). Rows already recorded keep what the record says.
   */
  private async recordSurvey(agreementId: number, rows: Array<{ id: number; departmentId: number | null; itemId: number | null }>): Promise<void> {
    const key = surveyRecordKey(agreementId);
    const [before] = await this.data.settings.list({ where: [{ prop: "key", op: "eq", value: key }] });
    const kept = (before && parseSurveyRecord(before.value)?.rows) || new Map<number, SurveyAsk>();
    const all = new Map(rows.map((r) => [r.id, r]));
    for (const [id, ask] of kept) all.set(id, { id, departmentId: ask.departmentId, itemId: ask.itemId });
    const value = surveyRecordText(agreementId, [...all.values()]);
    if (before) {
      if (before.value !== value) await this.data.settings.update(before.id, before.etag, { value });
    } else await this.data.settings.add({ key, value });
  }

  /**
   * Fixes the survey's answers as they stand at the decision (締結 or 見送り): each answer's
   * digest goes into the coordinator's record, which departments only read. Their rows stay
   * editable in SharePoint (a department folder holds every survey it is asked), so a row
   * changed afterwards is read as an anomaly (changedAfterClose), not as the department's answer.
   * Safe to repeat: a record already closed is kept.
   */
  private async closeSurvey(agreementId: number): Promise<string | null> {
    const key = surveyRecordKey(agreementId);
    const r = await this.data.readMany({
      records: read(this.data.settings, { where: [{ prop: "key", op: "eq", value: key }] }),
      rows: read(this.data.surveyResponses, { where: [{ prop: "agreement", op: "eq", value: ref(agreementId) }] }),
    });
    const before = r.records[0];
    const rec = before ? parseSurveyRecord(before.value) : null;
    if (rec?.closed) return rec.closed.at;
    if (r.rows.length === 0) return null;
    // A survey launched before records were kept is recorded from its rows as they are placed now.
    const asked = rec ? [...rec.rows].map(([id, a]) => ({ id, departmentId: a.departmentId, itemId: a.itemId })) : r.rows.map((x) => ({ id: x.id, departmentId: x.department?.id ?? null, itemId: x.partnershipItem?.id ?? null }));
    const { surveyAnswerDigest } = await import(/* webpackChunkName: "pd-digest" */ "../../domain/surveyDigest");
    const at = new Date().toISOString();
    const value = surveyRecordText(agreementId, asked, { at, digests: new Map(r.rows.map((x) => [x.id, surveyAnswerDigest(x)])) });
    try {
      if (before) await this.data.settings.update(before.id, before.etag, { value });
      else await this.data.settings.add({ key, value });
    } catch (e) {
      // Another coordinator's decision or opening closed it at the same moment (412, or the unique key): theirs stands.
      if (!(e instanceof DataError && (e.kind === "conflict" || e.kind === "duplicate"))) throw e;
      const [now] = await this.data.settings.list({ where: [{ prop: "key", op: "eq", value: key }] });
      const theirs = now ? parseSurveyRecord(now.value)?.closed : null;
      if (!theirs) throw e;
      return theirs.at;
    }
    return at;
  }

  /**
   * The survey's notice (庁内調査の依頼) to each department asked, or — `reminder` — a reminder
   * (督促) to those that have not answered yet (once a day). Both take the path of every notice:
   * reachability, intent first, each once.
   */
  async notifySurvey(a: D.Agreement, departments: D.Department[], notifications: NotificationService, render: (dept: D.Department, reminder: boolean) => string, reminder = false): Promise<D.Notification[]> {
    this.requireCoordinator();
    const rows = await this.data.surveyResponses.list({ where: [{ prop: "agreement", op: "eq", value: ref(a.id) }] });
    const asked = [...new Set(rows.filter((r) => !reminder || r.status === "requested").map((r) => r.department?.id))];
    const requests = asked.flatMap((id) => {
      const dept = departments.find((d) => d.id === id);
      if (!dept) return [];
      return [
        reminder
          ? { kind: "surveyReminder" as const, dedupeKey: `reminder:survey:${a.id}:dept:${dept.id}:${this.today}`, title: fitText(`督促: ${a.title}（庁内調査）`, S.maxLengthOf(S.notifications.fields.title)), department: dept, message: { html: render(dept, true) } }
          : { kind: "surveyNotice" as const, dedupeKey: `notice:survey:${a.id}:dept:${dept.id}`, title: fitText(`庁内調査: ${a.title}`, S.maxLengthOf(S.notifications.fields.title)), department: dept, message: { html: render(dept, false) } },
      ];
    });
    const out = await notifications.deliver(requests);
    await this.audit(a.id, "notify", reminder ? "庁内調査の督促を送信" : "庁内調査を部署の Teams チャネルに通知", { departments: out.map((n) => n.department?.id) });
    return out;
  }

  /** A department's answers, one per item of the agreement (its own rows only). */
  /** The department's survey rows for an agreement as SharePoint has them now (after a conflict: fresh ETags). */
  async surveyRowsNow(rows: D.SurveyResponse[]): Promise<D.SurveyResponse[]> {
    const first = rows[0];
    if (!first?.agreement || !first.department) return rows;
    const fresh = await this.data.surveyResponses.list({ where: [{ prop: "agreement", op: "eq", value: first.agreement }, { prop: "department", op: "eq", value: first.department }] });
    const ids = new Set(rows.map((r) => r.id));
    return fresh.filter((r) => ids.has(r.id));
  }

  /**
   * A department's answers to the survey of one agreement (its own rows, in its folder; the rows
   * stay where they are, so revising keeps their placement and the coordinator's record). Allowed,
   * and again to revise, while the survey is open (the agreement 庁内調査中, read now, not as the
   * page had it); refused once the coordinator has decided. Every item needs 可能性あり／なし chosen.
   */
  async answerSurvey(rows: D.SurveyResponse[], answers: Map<number, SurveyAnswer>): Promise<void> {
    const agreementId = rows[0]?.agreement?.id;
    if (agreementId === undefined) return;
    const agreement = await this.data.agreements.get(agreementId);
    if (!surveyOpen(agreement)) throw new RuleError([{ field: "status", code: "surveyClosed" }]);
    const unchosen = unchosenSurveyRows(
      rows.map((r) => r.id),
      answers,
    );
    if (unchosen.length) throw new RuleError(unchosen.map((id) => ({ field: `feasible:${id}`, code: "required" })));
    const revising = rows.some((r) => r.status === "answered");
    const now = new Date().toISOString();
    await this.data.surveyResponses.updateMany(
      rows.map((r) => {
        const a = answers.get(r.id)!;
        return { id: r.id, etag: r.etag, patch: { feasible: a.feasible === true, projectIdeas: a.projectIdeas, comment: a.comment, status: "answered" as const, answeredAt: now } };
      }),
    );
    await this.audit(agreementId, "update", `${revising ? "庁内調査の回答を修正" : "庁内調査に回答"}（${rows[0].department?.title ?? ""}）`, { rows: rows.length });
  }

  async conclude(a: D.Agreement, input: ConcludeInput, pdf: { name: string; bytes: Uint8Array }): Promise<void> {
    this.requireCoordinator();
    const refusal = transitionRefusal(a.status, "concluded");
    if (refusal) throw new RuleError([{ field: "status", code: refusal }]);
    check(validateConclusion(a, input));
    // The signed document first: if the upload fails, the agreement is left as it was.
    await this.data.agreements.addAttachment(a.id, pdf.name, pdf.bytes);
    const concluded = input.concludedDate!;
    const nextReview = a.reviewCycleYears ? initialReviewDate(concluded, this.today, a.reviewCycleYears) : null;
    const term = input.termStart ? firstTerm(a, input.termStart) : null;
    const fresh = await this.data.agreements.get(a.id); // the attachment bumped the version
    if (fresh.etag !== a.etag && !etagBumpedOnlyByAttachment(a.etag, fresh.etag)) {
      throw new DataError("conflict", "The agreement changed while concluding", 412);
    }
    await this.data.agreements.update(a.id, fresh.etag, { status: "concluded", concludedDate: concluded, termStart: input.termStart, nextReviewDate: nextReview, termEnd: term?.to ?? null });
    await this.data.agreementTerms.add({ agreement: ref(a.id), termNo: 1, termFrom: input.termStart, termTo: term?.to ?? null, decidedBy: this.user.title, objection: "" });
    await this.audit(a.id, "statusChange", "協定を締結", { concludedDate: concluded, nextReviewDate: nextReview, document: pdf.name });
    if (a.status === "surveying") await this.closeSurvey(a.id);
    await refreshDecisionColumns(this.data, this.today, a.id);
  }

  async decline(a: D.Agreement, reason: string, date: D.IsoDate | null): Promise<void> {
    this.requireCoordinator();
    const refusal = transitionRefusal(a.status, "declined");
    if (refusal) throw new RuleError([{ field: "status", code: refusal }]);
    check(validateDecline(reason, date));
    await this.data.agreements.update(a.id, a.etag, { status: "declined", declinedReason: reason.trim(), declinedDate: date });
    await this.audit(a.id, "statusChange", "締結を見送り", { reason: reason.trim() });
    if (a.status === "surveying") await this.closeSurvey(a.id);
  }

  /** The look-back for a review, from the results reports (実績報告). */
  async lookBack(a: D.Agreement, items: D.PartnershipItem[], dueDate: D.IsoDate): Promise<LookBack> {
    if (!a.partner) throw new DataError("validation", "Agreement without partner");
    // Every partner's results (連名: one query each on the indexed 連携企業名, in one batch);
    // each row once (a draft already submitted, or a copy written twice, is not counted again).
    const partners = agreementPartners(a);
    const r = await this.data.readMany(Object.fromEntries(partners.map((p) => [`p${p.id}`, read(this.data.resultReports, { where: [{ prop: "partner", op: "eq", value: p }] })])));
    const results = currentRows(await withoutUnpublishedClaims(this.data, Object.values(r).flat()));
    return lookBackSummary(results, items, partners.map((p) => p.id), dueDate, a.reviewCycleYears ?? DEFAULT_REVIEW_CYCLE_YEARS, a.termStart ?? a.concludedDate);
  }

  /**
   * Records a review. No objection renews automatically: the next review moves one cycle
   * on and a new term begins. An objection keeps the agreement under review until it is
   * resolved by revision (continues, next review one cycle on) or termination.
   */
  async recordReview(a: D.Agreement, terms: D.AgreementTerm[], input: ReviewInput): Promise<void> {
    this.requireCoordinator();
    if (a.status !== "concluded" && a.status !== "underReview") throw new RuleError([{ field: "status", code: "notAllowed" }]);
    const problems: Array<{ field: string; code: string }> = [];
    if (!input.reviewDate) problems.push({ field: "reviewDate", code: "required" });
    if (input.outcome !== "renewed" && input.objectionBy === "none") problems.push({ field: "objectionBy", code: "required" });
    if (input.outcome !== "renewed" && !input.objectionDetail.trim()) problems.push({ field: "objectionDetail", code: "required" });
    check(problems);
    const due = a.nextReviewDate ?? input.reviewDate;
    const cycle = a.reviewCycleYears ?? DEFAULT_REVIEW_CYCLE_YEARS;
    const next = input.outcome === "terminated" || input.outcome === "objection" ? null : nextReviewAfterRenewal(a.concludedDate ?? due, due, cycle);
    const status: D.AgreementStatus = input.outcome === "terminated" ? "terminated" : input.outcome === "objection" ? "underReview" : "concluded";
    await this.data.agreements.update(a.id, a.etag, {
      status,
      nextReviewDate: input.outcome === "objection" ? a.nextReviewDate : next,
      termEnd: input.outcome === "terminated" ? input.reviewDate : a.termEnd,
    });
    await this.data.agreementReviews.add({
      agreement: ref(a.id),
      title: fitText(`${a.title} 見直し（${due}）`, S.maxLengthOf(S.agreementReviews.fields.title)),
      reviewDate: input.reviewDate,
      dueDate: due,
      outcome: input.outcome,
      objectionBy: input.outcome === "renewed" ? "none" : input.objectionBy,
      objectionDetail: input.objectionDetail,
      lookBack: input.lookBack,
      nextReviewDate: next,
    });
    // Terms written with an expiry have their own chain, decided at each term's end; a
    // review alone renews only agreements without one (the guideline's rule).
    if ((input.outcome === "renewed" || input.outcome === "revised") && !hasExpiry(a)) {
      const last = [...terms].sort((x, y) => y.termNo - x.termNo)[0];
      // Without a written expiry the review marks the term boundary: the term ends the day before.
      if (last && !last.termTo) await this.data.agreementTerms.update(last.id, last.etag, { termTo: addDays(due, -1) });
      await this.data.agreementTerms.add({ agreement: ref(a.id), termNo: (last?.termNo ?? 0) + 1, termFrom: due, termTo: null, decidedBy: this.user.title, objection: input.outcome === "revised" ? input.objectionDetail : "" });
    }
    const titles: Record<D.ReviewOutcome, string> = { renewed: "見直し：自動更新", objection: "見直し：疑義あり", revised: "見直し：改定して継続", terminated: "見直し：終了" };
    await this.audit(a.id, "statusChange", titles[input.outcome], { dueDate: due, nextReviewDate: next, objectionBy: input.objectionBy });
    await refreshDecisionColumns(this.data, this.today, a.id);
  }
}

/** SharePoint bumps an item's version when a file is attached; that alone is not someone else's edit. */
function etagBumpedOnlyByAttachment(before: string, after: string): boolean {
  const n = (e: string): number => Number(e.replace(/[^0-9]/g, ""));
  return n(after) === n(before) + 1;
}
