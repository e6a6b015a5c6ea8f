import type * as D from "../../domain/types";
import { fitText } from "../../domain/text";
import * as S from "../schema/listSchema";
import { ChannelMessage, DataError, read } from "../contracts";
import { RuleError, ServiceBase } from "./ServiceBase";
import { withAnswers } from "../../domain/submissions";
import { recordAudit } from "./audit";
import { NotificationService } from "./NotificationService";
import { Candidate, concernedDepartments, matchingCandidates, renumber, rowsFor, targetsChosen } from "../../domain/matching";
import { isDirectoryGroup } from "../setup/keys";
import { shorten, splitForBudget } from "../../domain/teamsMessages";
import { CHANNEL_ID_PATTERN, MESSAGE_BUDGET_BYTES, messageBytes, TEAM_ID_PATTERN } from "../graph/GraphTeamsNotifier";

/**
 * Matching and feedback (別紙③): editions of the feedback list, their rows, issuing an
 * edition with one Teams message per concerned department, retries, departments' channels
 * and their wishes to carry a row out (実施希望).
 */

export interface MatchingYear {
  fiscalYear: number;
  partnerProposals: D.PartnerProposal[];
  cityProposals: D.CityProposal[];
  issues: D.MatchingIssue[];
  matchings: D.Matching[];
  departments: D.Department[];
  partners: D.Partner[];
  wishes: D.ImplementationWish[];
  notifications: D.Notification[];
  rejected: Set<string>;
}

export type RowDraft = Pick<D.Matching, "title" | "content" | "partner" | "partnerProposal" | "cityProposal" | "allDepartments" | "targetDepartments">;

export { NOT_MEMBER, SEND_CONCURRENCY } from "./NotificationService";

const ref = (id: number, title = ""): D.LookupRef => ({ id, title });
const rejectedKey = (fy: number): string => `matching.rejectedPairs.${fy}`;

/** A row's text in a Teams message is at most this long (Japanese text: 3 bytes a character, twice — HTML and card); the portal has it whole. */
export const MAX_ROW_CHARS = 1500;


/** Before issuing: per department of an edition, whether it will be posted to, and if not, why. */
export async function issueReadiness(
  year: Pick<MatchingYear, "matchings" | "departments">,
  issue: Pick<D.MatchingIssue, "id">,
  notifications: NotificationService,
): Promise<Array<{ department: D.Department; reach: import("./NotificationService").Reachability }>> {
  const rows = year.matchings.filter((m) => m.issue?.id === issue.id);
  const depts = concernedDepartments(rows, year.departments.filter((d) => d.active && !d.isCoordinator).map((d) => ({ id: d.id, title: d.title })))
    .map((r) => year.departments.find((d) => d.id === r.id)!)
    .filter(Boolean);
  const reach = await notifications.reachability(depts);
  return depts.map((d) => ({ department: d, reach: reach.get(d.id)! }));
}

export const issueDedupeKey = (issueId: number, departmentId: number): string => `issue:${issueId}:dept:${departmentId}`;

export class MatchingService extends ServiceBase {
  protected readonly coordinatorsOnly = "compile feedback lists";

  /** The city's date the service works on: a list not yet issued is printed as of it. */
  asOf(): D.IsoDate {
    return this.today;
  }

  private audit(entityList: string, entityId: number, action: D.AuditAction, title: string, detail: Record<string, unknown> = {}): Promise<void> {
    return recordAudit(this.data, entityList, entityId, action, title, detail);
  }

  async year(fiscalYear: number): Promise<MatchingYear> {
    const byYear = [{ prop: "fiscalYear" as const, op: "eq" as const, value: fiscalYear }];
    const r = await this.data.readMany({
      partnerProposals: read(this.data.partnerProposals, { where: byYear }),
      cityProposals: read(this.data.cityProposals, { where: byYear }),
      answers: read(this.data.proposalAnswers, { where: byYear }),
      issues: read(this.data.matchingIssues, { where: byYear }),
      matchings: read(this.data.matchings, { where: byYear }),
      departments: read(this.data.departments),
      partners: read(this.data.partners),
      wishes: read(this.data.implementationWishes, { where: byYear }),
      notifications: read(this.data.notifications, { where: [{ prop: "kind", op: "eq", value: "matchingIssue" }] }),
      settings: read(this.data.settings, { where: [{ prop: "key", op: "eq", value: rejectedKey(fiscalYear) }] }),
    });
    const rejected = new Set<string>(r.settings[0] ? (JSON.parse(r.settings[0].value || "[]") as string[]) : []);
    const { answers, ...rest } = r;
    return { fiscalYear, ...rest, cityProposals: withAnswers(r.cityProposals, answers), rejected };
  }

  /** Every candidate for a row this year: pairs, answered city proposals and partner proposals alone (see `matchingCandidates`). */
  candidates(year: Pick<MatchingYear, "partnerProposals" | "cityProposals" | "matchings" | "rejected">): Candidate[] {
    return matchingCandidates(year.partnerProposals, year.cityProposals, year.matchings, year.rejected);
  }

  /** The edition being compiled, or a new one (第n回) when all are issued. */
  async draftIssue(year: MatchingYear): Promise<D.MatchingIssue> {
    this.requireCoordinator();
    const draft = year.issues.find((i) => i.status === "draft");
    if (draft) return draft;
    const n = Math.max(0, ...year.issues.map((i) => i.editionNo)) + 1;
    return this.data.matchingIssues.add({ title: `${year.fiscalYear}年度 第${n}回 提案のマッチング・結果のフィードバック`, fiscalYear: year.fiscalYear, editionNo: n, status: "draft", issuedDate: null, message: "" });
  }

  private contact(year: MatchingYear, partnerId: number | undefined): Pick<D.Matching, "contactName" | "contactEmail" | "contactPhone"> {
    const p = year.partners.find((x) => x.id === partnerId);
    return { contactName: p?.contactName ?? "", contactEmail: p?.contactEmail ?? "", contactPhone: p?.contactPhone ?? "" };
  }

  /** Adds rows to the draft edition, numbered after the last. */
  async addRows(issue: D.MatchingIssue, year: MatchingYear, rows: RowDraft[]): Promise<void> {
    this.requireCoordinator();
    if (issue.status !== "draft") throw new RuleError([{ field: "issue", code: "issued" }]);
    const existing = year.matchings.filter((m) => m.issue?.id === issue.id).length;
    for (const r of rows) if (!r.title.trim() || !r.partner) throw new RuleError([{ field: "title", code: "required" }]);
    // A row goes to every department or to the departments named: never to nobody (the UI asks, the service holds).
    for (const r of rows) if (!targetsChosen(r)) throw new RuleError([{ field: "targetDepartments", code: "required" }]);
    await this.data.matchings.addMany(rows.map((r, i) => ({ ...r, fiscalYear: year.fiscalYear, issue: ref(issue.id), rowNo: existing + i + 1, ...this.contact(year, r.partner?.id) })));
  }

  async updateRow(issue: D.MatchingIssue, row: D.Matching, patch: Partial<Pick<D.Matching, "title" | "content" | "allDepartments" | "targetDepartments">>): Promise<void> {
    this.requireCoordinator();
    if (issue.status !== "draft") throw new RuleError([{ field: "issue", code: "issued" }]);
    if (patch.title !== undefined && !patch.title.trim()) throw new RuleError([{ field: "title", code: "required" }]);
    if (patch.allDepartments === false && (patch.targetDepartments ?? row.targetDepartments).length === 0) throw new RuleError([{ field: "targetDepartments", code: "required" }]);
    await this.data.matchings.update(row.id, row.etag, patch);
  }

  /** A row as SharePoint has it now (the row dialog's reload after 412). */
  freshRow(id: number): Promise<D.Matching> {
    return this.data.matchings.get(id);
  }

  /** Saves a new order (NO 1…n without gaps). */
  async reorder(issue: D.MatchingIssue, ordered: D.Matching[]): Promise<void> {
    this.requireCoordinator();
    if (issue.status !== "draft") throw new RuleError([{ field: "issue", code: "issued" }]);
    const byId = new Map(ordered.map((m) => [m.id, m]));
    await this.data.matchings.updateMany(renumber(ordered).map((c) => ({ id: c.id, etag: byId.get(c.id)!.etag, patch: { rowNo: c.rowNo } })));
  }

  async removeRow(issue: D.MatchingIssue, row: D.Matching, rows: D.Matching[]): Promise<void> {
    this.requireCoordinator();
    if (issue.status !== "draft") throw new RuleError([{ field: "issue", code: "issued" }]);
    await this.data.matchings.remove(row.id, row.etag);
    const rest = rows.filter((m) => m.id !== row.id).sort((a, b) => a.rowNo - b.rowNo);
    await this.reorder(issue, rest);
  }

  /** Remembers a rejected suggestion so it is not offered again this year. */
  async reject(year: MatchingYear, key: string): Promise<void> {
    this.requireCoordinator();
    const [s] = await this.data.settings.list({ where: [{ prop: "key", op: "eq", value: rejectedKey(year.fiscalYear) }] });
    const keys = [...new Set([...(s ? (JSON.parse(s.value || "[]") as string[]) : []), key])];
    if (s) await this.data.settings.update(s.id, s.etag, { value: JSON.stringify(keys) });
    else await this.data.settings.add({ key: rejectedKey(year.fiscalYear), value: JSON.stringify(keys) });
  }

  /**
   * Issues the edition: freezes it (status, date) and posts one message per concerned
   * department, at most SEND_CONCURRENCY at a time. Safe to call again (a double click, a
   * retry of failures): a department already sent to for this edition is never posted again.
   */
  async issue(
    issue: D.MatchingIssue,
    year: MatchingYear,
    notifications: NotificationService,
    render: (dept: D.Department, rows: D.Matching[], issue: D.MatchingIssue) => ChannelMessage,
    /** resendUnknown: the coordinator checked the channels and asks to post again where the outcome was unknown. */
    opts: { resendUnknown?: boolean } = {},
  ): Promise<D.Notification[]> {
    this.requireCoordinator();
    const rows = year.matchings.filter((m) => m.issue?.id === issue.id).sort((a, b) => a.rowNo - b.rowNo);
    if (rows.length === 0) throw new RuleError([{ field: "rows", code: "required" }]);
    let frozen = issue;
    if (issue.status === "draft") {
      const fresh = await this.data.matchingIssues.get(issue.id);
      if (fresh.status === "draft") {
        await this.data.matchingIssues.update(fresh.id, fresh.etag, { status: "issued", issuedDate: this.today });
        await this.audit("MatchingIssues", issue.id, "publish", `別紙③を発行（第${issue.editionNo}回）`, { rows: rows.length });
      }
      frozen = await this.data.matchingIssues.get(issue.id);
    }
    const depts = concernedDepartments(rows, year.departments.filter((d) => d.active && !d.isCoordinator).map((d) => ({ id: d.id, title: d.title })));
    // A department's message that Teams would refuse whole is sent in numbered parts 「（1/3）」, each
    // under the budget and with its own record and key (the edition is frozen, so the split never changes).
    const requests = depts.flatMap((ref0) => {
      const dept = year.departments.find((d) => d.id === ref0.id)!;
      const mine = rowsFor(rows, dept.id).map((m) => ({ ...m, content: shorten(m.content, MAX_ROW_CHARS, "（全文は部署ポータルで）") }));
      const titled = (k: number, n: number): D.MatchingIssue => (n > 1 ? { ...frozen, title: `${frozen.title}（${k}/${n}）` } : frozen);
      const parts = splitForBudget(mine, (chunk, k, n) => messageBytes(render(dept, chunk, titled(k, n))), MESSAGE_BUDGET_BYTES);
      return parts.map((chunk, i) => ({
        kind: "matchingIssue" as const,
        dedupeKey: parts.length > 1 ? `${issueDedupeKey(issue.id, dept.id)}:part:${i + 1}` : issueDedupeKey(issue.id, dept.id),
        title: fitText(`${titled(i + 1, parts.length).title} → ${dept.title}`, S.maxLengthOf(S.notifications.fields.title)),
        department: dept,
        message: render(dept, chunk, titled(i + 1, parts.length)),
      }));
    });
    const outcomes = await notifications.deliver(requests, opts);
    await this.audit("MatchingIssues", issue.id, "notify", `Teams に通知（第${issue.editionNo}回）`, { sent: outcomes.filter((o) => o.status === "sent").length, failed: outcomes.filter((o) => o.status === "failed").length });
    return outcomes.sort((a, b) => (a.department?.title ?? "").localeCompare(b.department?.title ?? "", "ja"));
  }

  /** Maps a department to its team and channel (Graph ids, checked for shape). */
  async saveChannel(dept: D.Department, teamId: string, channelId: string, names: { teamName: string; channelName: string } = { teamName: "", channelName: "" }): Promise<void> {
    this.requireCoordinator();
    const problems: Array<{ field: string; code: string }> = [];
    if (teamId.trim() && !TEAM_ID_PATTERN.test(teamId.trim())) problems.push({ field: "teamId", code: "invalidTeamId" });
    if (channelId.trim() && !CHANNEL_ID_PATTERN.test(channelId.trim())) problems.push({ field: "channelId", code: "invalidChannelId" });
    if (!!teamId.trim() !== !!channelId.trim()) problems.push({ field: teamId.trim() ? "channelId" : "teamId", code: "required" });
    if (problems.length) throw new RuleError(problems);
    const set = !!teamId.trim();
    await this.data.departments.update(dept.id, dept.etag, { teamId: teamId.trim(), channelId: channelId.trim(), teamName: set ? names.teamName.slice(0, 255) : "", channelName: set ? names.channelName.slice(0, 255) : "" });
  }

  /**
   * Lets an Entra ID / Microsoft 365 group (its login name) hold the department's rows instead
   * of its SharePoint group; empty: back to the SharePoint group. The site owner's next site
   * setup gives that group the department's folders (the coordinator cannot change permissions
   * of the survey and wish lists), so the department is "not ready" until then.
   */
  async saveDepartmentGroup(dept: D.Department, login: string): Promise<void> {
    this.requireCoordinator();
    const value = login.trim();
    if (value && !isDirectoryGroup(value)) throw new RuleError([{ field: "groupLogin", code: "invalidGroupLogin" }]);
    await this.data.departments.update(dept.id, dept.etag, { groupLogin: value });
    await this.audit("Departments", dept.id, "update", `部署のグループを変更（${dept.title}）`, { groupLogin: value || null });
  }

  async testMessage(dept: D.Department, notifications: NotificationService, message: ChannelMessage): Promise<D.Notification> {
    this.requireCoordinator();
    return notifications.send({ kind: "test", dedupeKey: `test:${dept.id}:${new Date().toISOString()}`, title: fitText(`テスト送信 → ${dept.title}`, S.maxLengthOf(S.notifications.fields.title)), department: dept, message });
  }

  /** A department's 実施希望 for one row, with its contact person; once per department and row. */
  async wish(year: Pick<MatchingYear, "fiscalYear" | "wishes">, row: D.Matching, dept: D.Department, contactPerson: string, comment: string): Promise<void> {
    if (this.user.role !== "coordinator" && !this.user.departmentCodes.includes(dept.code)) throw new DataError("forbidden", "Not your department", 403);
    if (!contactPerson.trim()) throw new RuleError([{ field: "contactPerson", code: "required" }]);
    const existing = year.wishes.find((w) => w.matching?.id === row.id && w.department?.id === dept.id);
    if (existing) {
      await this.data.implementationWishes.update(existing.id, existing.etag, { contactPerson: contactPerson.trim(), comment });
      return;
    }
    await this.data.implementationWishes.add({ title: fitText(`${row.title}（${dept.title}）`, S.maxLengthOf(S.implementationWishes.fields.title)), fiscalYear: year.fiscalYear, matching: ref(row.id, row.title), department: ref(dept.id, dept.title), contactPerson: contactPerson.trim(), comment });
  }

  async withdrawWish(w: D.ImplementationWish): Promise<void> {
    await this.data.implementationWishes.remove(w.id, w.etag);
  }
}
