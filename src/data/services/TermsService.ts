import type * as D from "../../domain/types";
import { fitText } from "../../domain/text";
import * as S from "../schema/listSchema";
import { ChannelMessage, DataError, read } from "../contracts";
import { parseSiteRules, SiteRules, siteRulesToSettings, validateSiteRules } from "../../domain/siteRules";
import { firstTerm, nextTermDecision, periodEnd, TermRules, validateTerms } from "../../domain/terms";
import { decisionCalendar, DecisionEntry, remindersDue } from "../../domain/decisions";
import { Screening } from "../../domain/screening";
import { NotificationService } from "./NotificationService";
import { RuleError, ServiceBase } from "./ServiceBase";
import { recordAudit } from "./audit";
import { refreshDecisionColumns, writeStale } from "./decisionColumns";

/**
 * Agreement terms as written: the site's rules (defaults, buffer, screening criteria),
 * an agreement's terms and the decisions at the end of each term, the intake checklist,
 * and the calendar of decisions with its reminders to the coordinators' channel.
 */

export interface DecisionInput {
  /** renewed: nobody objected, the next term begins; ended: the term ends and the agreement with it. */
  outcome: "renewed" | "ended";
  decidedOn: D.IsoDate | null;
  objectionBy: D.ObjectionBy;
  detail: string;
}

export interface CalendarData {
  entries: DecisionEntry[];
  rules: SiteRules;
  /** Reminder records by dedupe key. */
  reminders: Map<string, D.Notification>;
  coordinatorChannel: D.Department | null;
}

const ref = (id: number, title = ""): D.LookupRef => ({ id, title });

export class TermsService extends ServiceBase {
  protected readonly coordinatorsOnly = "manage agreements";

  async siteRules(): Promise<{ rules: SiteRules; settings: D.Setting[] }> {
    const settings = await this.data.settings.list();
    return { rules: parseSiteRules(settings), settings };
  }

  /** Saves the site's rules, one setting per key; only keys whose value changed are written. */
  async saveSiteRules(rules: SiteRules, settings: D.Setting[]): Promise<void> {
    this.requireCoordinator();
    const problems = validateSiteRules(rules);
    if (problems.length) throw new RuleError(problems);
    const byKey = new Map(settings.map((s) => [s.key, s]));
    const rows = siteRulesToSettings(rules);
    await this.data.settings.updateMany(rows.flatMap((r) => { const s = byKey.get(r.key); return s && s.value !== r.value ? [{ id: s.id, etag: s.etag, patch: { value: r.value } }] : []; }));
    await this.data.settings.addMany(rows.filter((r) => !byKey.has(r.key)));
    await recordAudit(this.data, "PartnershipSettings", 0, "update", "サイトの協定条件・確認項目を変更", { keys: rows.map((r) => r.key) });
    // The buffer before a notice deadline moves every agreement's decision date.
    await refreshDecisionColumns(this.data, this.today);
  }

  /**
   * Saves an agreement's terms as written. For an agreement in force, the current
   * (latest) term's end is recomputed from the new terms; earlier terms are history.
   */
  async saveTerms(a: D.Agreement, terms: D.AgreementTerm[], rules: TermRules, clause: string): Promise<void> {
    this.requireCoordinator();
    const start = a.termStart ?? a.concludedDate;
    const problems = validateTerms(rules, start).map((code) => ({ field: "terms", code }));
    const fieldProblems = this.data.agreements.validate({ ...rules, termClause: clause }, "update").map((p) => ({ field: p.prop, code: p.code }));
    if (problems.length || fieldProblems.length) throw new RuleError([...fieldProblems, ...problems]);
    const last = [...terms].sort((x, y) => y.termNo - x.termNo)[0];
    let termEnd = a.termEnd;
    if (start && last && last.termFrom) {
      const recomputed = last.termNo === 1 ? (firstTerm(rules, start)?.to ?? null) : rules.renewalMonths ? periodEnd(last.termFrom, rules.renewalMonths) : last.termTo;
      if (recomputed !== last.termTo) await this.data.agreementTerms.update(last.id, last.etag, { termTo: recomputed });
      termEnd = recomputed;
    }
    await this.data.agreements.update(a.id, a.etag, { ...rules, termClause: clause, termEnd });
    await recordAudit(this.data, "Agreements", a.id, "update", "協定期間・更新の条件を変更", { ...rules });
    await refreshDecisionColumns(this.data, this.today, a.id);
  }

  /** Records the decision at the end of the current term: renewed (next term added) or ended. */
  async recordTermDecision(a: D.Agreement, terms: D.AgreementTerm[], bufferDays: number, input: DecisionInput): Promise<void> {
    this.requireCoordinator();
    if (a.status !== "concluded" && a.status !== "underReview") throw new RuleError([{ field: "status", code: "notAllowed" }]);
    const d = nextTermDecision(a, a.termStart ?? a.concludedDate, terms, this.today, bufferDays);
    const problems: Array<{ field: string; code: string }> = [];
    if (!d) problems.push({ field: "terms", code: "noExpiry" });
    if (!input.decidedOn) problems.push({ field: "decidedOn", code: "required" });
    if (d && input.outcome === "renewed" && !d.renews) problems.push({ field: "outcome", code: "doesNotRenew" });
    if (input.outcome === "ended" && d?.renews && input.objectionBy === "none") problems.push({ field: "objectionBy", code: "required" });
    if (problems.length) throw new RuleError(problems);
    const recorded = terms.find((t) => t.termNo === d!.term.termNo);
    if (input.outcome === "renewed") {
      const next = d!.next!;
      await this.data.agreements.update(a.id, a.etag, { termEnd: next.to, status: "concluded" });
      if (!recorded) await this.data.agreementTerms.add({ agreement: ref(a.id), termNo: d!.term.termNo, termFrom: d!.term.from, termTo: d!.term.to, decidedBy: this.user.title, objection: "" });
      await this.data.agreementTerms.add({ agreement: ref(a.id), termNo: next.termNo, termFrom: next.from, termTo: next.to, decidedBy: this.user.title, objection: "" });
      await recordAudit(this.data, "Agreements", a.id, "statusChange", `第${next.termNo}期へ更新`, { from: next.from, to: next.to, decidedOn: input.decidedOn });
      await refreshDecisionColumns(this.data, this.today, a.id);
      return;
    }
    const objection = [input.objectionBy !== "none" ? `申出: ${input.objectionBy === "city" ? "市" : "企業等"}` : "", input.detail.trim()].filter(Boolean).join(" / ");
    await this.data.agreements.update(a.id, a.etag, { status: "terminated", termEnd: d!.term.to, nextReviewDate: null });
    if (recorded) await this.data.agreementTerms.update(recorded.id, recorded.etag, { objection: objection || "満了" });
    else await this.data.agreementTerms.add({ agreement: ref(a.id), termNo: d!.term.termNo, termFrom: d!.term.from, termTo: d!.term.to, decidedBy: this.user.title, objection: objection || "満了" });
    await recordAudit(this.data, "Agreements", a.id, "statusChange", `第${d!.term.termNo}期の満了（${d!.term.to}）をもって終了`, { decidedOn: input.decidedOn, objectionBy: input.objectionBy, detail: input.detail });
    await refreshDecisionColumns(this.data, this.today, a.id);
  }

  /** An agreement and its recorded terms as SharePoint has them now (a dialog's reload after 412). */
  async fresh(agreementId: number): Promise<{ agreement: D.Agreement; terms: D.AgreementTerm[] }> {
    const r = await this.data.readMany({
      agreements: read(this.data.agreements, { where: [{ prop: "id", op: "eq", value: agreementId }] }),
      terms: read(this.data.agreementTerms, { where: [{ prop: "agreement", op: "eq", value: ref(agreementId) }] }),
    });
    if (!r.agreements[0]) throw new DataError("notFound", `Agreement ${agreementId} is gone`, 404);
    return { agreement: r.agreements[0], terms: r.terms };
  }

  async saveScreening(a: D.Agreement, s: Screening): Promise<string> {
    this.requireCoordinator();
    const value: Screening = { ...s, checkedOn: this.today, checkedBy: this.user.title };
    const etag = await this.data.agreements.update(a.id, a.etag, { screening: JSON.stringify(value) });
    await recordAudit(this.data, "Agreements", a.id, "update", "打診時の確認を記録", { answers: s.answers });
    return etag;
  }

  /** Agreements, terms, settings, departments and reminder records in one batched request. */
  async calendar(): Promise<CalendarData> {
    const base = {
      agreements: read(this.data.agreements, { where: [{ prop: "status", op: "eq", value: "concluded" }] }),
      review: read(this.data.agreements, { where: [{ prop: "status", op: "eq", value: "underReview" }] }),
      // Ended agreements whose columns still name a decision (ended by a write cut short) are cleared.
      ended: read(this.data.agreements, { where: [{ prop: "nextDecisionDate", op: "ne", value: null }, { prop: "status", op: "ne", value: "concluded" }, { prop: "status", op: "ne", value: "underReview" }] }),
      terms: read(this.data.agreementTerms),
      settings: read(this.data.settings),
      departments: read(this.data.departments),
    };
    // Only coordinators send reminders (from 「リマインドを送信」, never on opening), and visitors may not read the notification records.
    const r =
      this.user.role === "coordinator"
        ? await this.data.readMany({ ...base, reminders: read(this.data.notifications, { where: [{ prop: "kind", op: "eq", value: "renewalReminder" }] }) })
        : { ...(await this.data.readMany(base)), reminders: [] as D.Notification[] };
    const rules = parseSiteRules(r.settings);
    // Opening the calendar repairs the decision columns SharePoint's own reminders read (terms
    // that moved on with time, a changed buffer, a write cut short before its last step).
    if (this.user.role === "coordinator") await writeStale(this.data, [...r.agreements, ...r.review, ...r.ended], r.terms, this.today, rules.decisionBufferDays);
    const entries = decisionCalendar([...r.agreements, ...r.review], r.terms, this.today, rules.decisionBufferDays, rules.reviewWindowDays);
    return {
      entries,
      rules,
      reminders: new Map(r.reminders.map((n) => [n.dedupeKey, n])),
      coordinatorChannel: r.departments.find((d) => d.isCoordinator && d.active) ?? r.departments.find((d) => d.isCoordinator) ?? null,
    };
  }

  /**
   * Sends the reminders whose decision date has come and that are not yet sent (or
   * failed, when `retry`). The notification service's dedupe key makes a second
   * coordinator, a reload or a double click harmless.
   */
  async sendDueReminders(cal: CalendarData, notifications: NotificationService, render: (e: DecisionEntry) => ChannelMessage, retry = false): Promise<D.Notification[]> {
    if (this.user.role !== "coordinator" || !cal.coordinatorChannel) return [];
    const due = remindersToSend(cal, retry);
    // The same path as a feedback edition: reachability, intent first, each once.
    return notifications.deliver(
      due.map((e) => ({
        kind: "renewalReminder" as const,
        dedupeKey: e.reminderKey,
        title: fitText(`${e.agreement.title}（${e.kind === "review" ? "見直し" : `第${e.termNo}期`}の判断）`, S.maxLengthOf(S.notifications.fields.title)),
        department: cal.coordinatorChannel!,
        message: render(e),
      })),
    );
  }
}

/**
 * The reminders 「リマインドを送信」 would send: decisions whose date has come with no record yet,
 * a record left チャネル未設定 now that the channel is set, and — `retry` — those that failed.
 * Shown in the confirmation before anything is posted; the calendar itself never sends (issue
 * 33: opening it once fired a dozen posts).
 */
export function remindersToSend(cal: Pick<CalendarData, "entries" | "reminders" | "coordinatorChannel">, retry = true): DecisionEntry[] {
  if (!cal.coordinatorChannel) return [];
  return remindersDue(cal.entries).filter((e) => {
    const n = cal.reminders.get(e.reminderKey);
    return !n || (retry && n.status === "failed") || (n.status === "notConfigured" && !!cal.coordinatorChannel!.channelId);
  });
}
