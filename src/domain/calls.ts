import { fiscalYearOf, formatEraFiscalYear, isValidIsoDate } from "./calendar";
import { normalizeForSearch } from "./text";
import { agreementPartners } from "./agreements";
import type { Call, CityProposal, FormKind, IsoDate, LookupRef, PartnerAnswer, PartnerProposal, PartnershipItem, ResultReport } from "./types";

/**
 * The yearly cycle's requests (調査依頼): who owes what by when, and when a department's
 * own Form 2 rows may still change.
 */

/**
 * nothingToReport: a department that handed in Form 4 as 該当なし (reported, with no rows);
 * noProposal: one that handed in Form 2 as 提案なし (answered, with no proposal).
 */
export type RecipientState = "submitted" | "nothingToReport" | "noProposal" | "notYet" | "late";

export interface StatusBoardRow {
  recipient: LookupRef;
  state: RecipientState;
  submissions: number;
}

/** The submissions that answer a call: Form 1 by partner, Form 2 and Form 4 by department. */
export function callStatusBoard(
  call: Call,
  /** cityProposals: with the 提案なし markers (a proposal's answer is not read here). */
  submissions: { partnerProposals?: PartnerProposal[]; cityProposals?: Array<Pick<CityProposal, "fiscalYear" | "department" | "status">>; resultReports?: ResultReport[] },
  today: IsoDate,
): StatusBoardRow[] {
  const late = !!call.deadline && today > call.deadline;
  const count = (recipient: LookupRef): number => {
    switch (call.form) {
      case "form1":
        return (submissions.partnerProposals ?? []).filter((p) => p.fiscalYear === call.fiscalYear && p.partner?.id === recipient.id).length;
      case "form2":
        return (submissions.cityProposals ?? []).filter((p) => p.fiscalYear === call.fiscalYear && p.department?.id === recipient.id && p.status === "submitted").length;
      case "form4":
        return (submissions.resultReports ?? []).filter((r) => r.fiscalYear === call.fiscalYear && r.department?.id === recipient.id && (r.status === "submitted" || r.status === "published")).length;
    }
  };
  // 該当なし: Form 4 handed in with nothing to report — reported, though it counts no row.
  const nothing = (recipient: LookupRef): boolean =>
    call.form === "form4" && (submissions.resultReports ?? []).some((r) => r.fiscalYear === call.fiscalYear && r.department?.id === recipient.id && r.status === "nothingToReport");
  // 提案なし: Form 2 handed in with nothing to propose — answered, though it counts no proposal.
  const noProposal = (recipient: LookupRef): boolean =>
    call.form === "form2" && (submissions.cityProposals ?? []).some((p) => p.fiscalYear === call.fiscalYear && p.department?.id === recipient.id && p.status === "noProposal");
  const recipients = call.form === "form1" ? call.recipientPartners : call.recipientDepartments;
  return recipients
    .map((r) => {
      const n = count(r);
      return { recipient: r, submissions: n, state: (n > 0 ? "submitted" : nothing(r) ? "nothingToReport" : noProposal(r) ? "noProposal" : late ? "late" : "notYet") as RecipientState };
    })
    .sort((a, b) => stateOrder[a.state] - stateOrder[b.state] || a.recipient.title.localeCompare(b.recipient.title, "ja"));
}

const stateOrder: Record<RecipientState, number> = { late: 0, notYet: 1, submitted: 2, nothingToReport: 3, noProposal: 3 };

/** Who has not submitted and may be reminded (departments only: partners are not on Teams); a 該当なし or 提案なし is submitted. */
export function owing(board: StatusBoardRow[]): StatusBoardRow[] {
  return board.filter((r) => r.state === "notYet" || r.state === "late");
}

/**
 * A department may change its own Form 2 drafts while the call is open and its deadline has
 * not passed (a proposal made outside any call, 随時, at any time). A submitted row is locked
 * by SharePoint itself (it lives in the year's submission folder, where the department may
 * only add); only the coordinator changes it.
 */
export function departmentCanEdit(p: Pick<CityProposal, "status">, call: Pick<Call, "status" | "deadline"> | null, today: IsoDate): boolean {
  if (p.status !== "draft") return false;
  if (!call) return true;
  return call.status === "open" && !!call.deadline && today <= call.deadline;
}

export type CycleProblemCode = "required" | "invalidDate" | "deadlineInPast" | "itemNotInAgreement" | "noAgreement" | "recipientsRequired" | "yearOutOfRange" | "answerRequired";

export interface CycleProblem {
  field: string;
  code: CycleProblemCode;
}

/** The key that makes a call unique per form and fiscal year (`form2-2026`): SharePoint enforces it (Calls' CallKey). */
export const callKey = (form: Call["form"], fiscalYear: number): string => `${form}-${fiscalYear}`;

export function validateCall(c: Pick<Call, "title" | "fiscalYear" | "deadline" | "form" | "recipientDepartments" | "recipientPartners">, today: IsoDate): CycleProblem[] {
  const out: CycleProblem[] = [];
  if (!c.title.trim()) out.push({ field: "title", code: "required" });
  if (!Number.isInteger(c.fiscalYear) || c.fiscalYear < 2000 || c.fiscalYear > 2100) out.push({ field: "fiscalYear", code: "yearOutOfRange" });
  if (!c.deadline) out.push({ field: "deadline", code: "required" });
  else if (!isValidIsoDate(c.deadline)) out.push({ field: "deadline", code: "invalidDate" });
  else if (c.deadline < today) out.push({ field: "deadline", code: "deadlineInPast" });
  const recipients = c.form === "form1" ? c.recipientPartners : c.recipientDepartments;
  if (recipients.length === 0) out.push({ field: "recipients", code: "recipientsRequired" });
  return out;
}

/** A proposal's partnership item must be one of the partner's concluded agreement's items. */
export function validateProposalItem(partnerId: number | null, itemId: number | null, itemsOfPartner: Map<number, PartnershipItem[]>): CycleProblem[] {
  if (!partnerId) return [{ field: "partner", code: "required" }];
  const items = itemsOfPartner.get(partnerId);
  if (!items || items.length === 0) return [{ field: "partner", code: "noAgreement" }];
  if (!itemId) return [{ field: "partnershipItem", code: "required" }];
  return items.some((i) => i.id === itemId) ? [] : [{ field: "partnershipItem", code: "itemNotInAgreement" }];
}

export function validateProposalText(title: string, content: string): CycleProblem[] {
  const out: CycleProblem[] = [];
  if (!title.trim()) out.push({ field: "title", code: "required" });
  if (!content.trim()) out.push({ field: "content", code: "required" });
  return out;
}

export function validateAnswer(answer: PartnerAnswer, date: IsoDate | null): CycleProblem[] {
  const out: CycleProblem[] = [];
  if (answer === "pending") out.push({ field: "partnerAnswer", code: "answerRequired" });
  if (!date) out.push({ field: "answerDate", code: "required" });
  else if (!isValidIsoDate(date)) out.push({ field: "answerDate", code: "invalidDate" });
  return out;
}

/**
 * The identity of an imported proposal: the same partner, year, item, title and content
 * (width, kana and spacing folded) is the same proposal, so importing a file twice adds
 * nothing the second time. FNV-1a over the normalised text.
 */
export function proposalImportKey(fiscalYear: number, partnerId: number, itemId: number, title: string, content: string): string {
  const text = [fiscalYear, partnerId, itemId, normalizeForSearch(title), normalizeForSearch(content)].join("\u0001");
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `pp:${fiscalYear}:${partnerId}:${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}`;
}

/** An item's words for comparing: width folded, spaces and the closing 「。」 dropped (items are stored as written). */
const itemKey = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "").replace(/[。.]+$/u, "");

/** The item a returned form names, by its words with or without its number (「第2号 …」), with or without the closing 「。」. */
export function findItemByText(items: PartnershipItem[], written: string): PartnershipItem | undefined {
  const w = itemKey(written);
  if (!w) return undefined;
  return items.find((i) => w.endsWith(itemKey(i.text)) || w === itemKey(`第${i.itemNo}号${i.text}`));
}

/**
 * Items of each partner's concluded agreements (the only items a proposal may name). An
 * agreement signed with several partners (連名) gives its items to each of them: each proposes,
 * is proposed to and reports results as a partner of its own.
 */
export function itemsByPartner(agreements: Array<{ id: number; partner: LookupRef | null; coPartners?: LookupRef[]; status: string }>, items: PartnershipItem[]): Map<number, PartnershipItem[]> {
  const m = new Map<number, PartnershipItem[]>();
  const live = new Map(agreements.filter((a) => a.status === "concluded" || a.status === "underReview").map((a) => [a.id, agreementPartners(a).map((p) => p.id)]));
  for (const it of items) {
    for (const partnerId of (it.agreement && live.get(it.agreement.id)) || []) m.set(partnerId, [...(m.get(partnerId) ?? []), it]);
  }
  for (const list of m.values()) list.sort((x, y) => x.itemNo - y.itemNo);
  return m;
}

/**
 * A call's title as a city writes an official 照会: 令和 year, 「…について（依頼）」. The year is
 * the fiscal year the call is for (a Form 4 call asks for the results of that year).
 */
/**
 * The fiscal year a new call is about by default, for the year the coordinator is looking at:
 * that year, except Form 4 (results) in April–May of it, which asks about the year just ended.
 */
export function defaultCallYear(form: FormKind, viewedYear: number, today: IsoDate): number {
  const month = Number(today.slice(5, 7));
  return form === "form4" && fiscalYearOf(today) === viewedYear && (month === 4 || month === 5) ? viewedYear - 1 : viewedYear;
}

export function callTitle(form: "form1" | "form2" | "form4", fiscalYear: number): string {
  const fy = formatEraFiscalYear(fiscalYear);
  if (form === "form1") return `${fy} 包括連携協定に基づく連携事項の提案について（依頼）`;
  if (form === "form2") return `${fy} 包括連携協定に基づく市からの連携提案について（依頼）`;
  return `${fy} 包括連携協定に基づく連携事業の実施結果について（照会）`;
}

/**
 * A call's state as people read it (issue 33, point 7): 受付中 while open and its deadline has not
 * passed; 締切 once closed or past its deadline (the coordinator may still reopen it with a new one).
 */
export function callState(call: Pick<Call, "status" | "deadline">, today: IsoDate): "open" | "closed" {
  return call.status === "closed" || (!!call.deadline && today > call.deadline) ? "closed" : "open";
}
