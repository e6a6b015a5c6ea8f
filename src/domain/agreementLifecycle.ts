import { isValidIsoDate, isValidTime } from "./calendar";
import type { Agreement, AgreementStatus, IsoDate } from "./types";

/**
 * Where an agreement may go next (DESIGN.md §1.1). A city-initiated agreement starts in
 * preparation and may be concluded directly; an approach (打診) goes through the internal
 * briefing and survey before the coordinator decides, or is declined outright.
 */
const allowed: Record<AgreementStatus, AgreementStatus[]> = {
  approached: ["surveying", "declined"],
  preparing: ["surveying", "concluded", "declined"],
  surveying: ["concluded", "declined"],
  concluded: ["underReview", "terminated"],
  underReview: ["concluded", "terminated"],
  declined: [],
  terminated: [],
};

export function nextStatuses(from: AgreementStatus): AgreementStatus[] {
  return allowed[from];
}

export type TransitionRefusal = "finalState" | "surveyFirst" | "notAllowed";

/** Null when the move is allowed, else why not (a code the UI words). */
export function transitionRefusal(from: AgreementStatus, to: AgreementStatus): TransitionRefusal | null {
  if (allowed[from].includes(to)) return null;
  if (allowed[from].length === 0) return "finalState";
  if (from === "approached" && to === "concluded") return "surveyFirst";
  return "notAllowed";
}

/** Partnership items are the agreement's content: editable until it is concluded. */
export function canEditItems(status: AgreementStatus): boolean {
  return status === "approached" || status === "preparing" || status === "surveying";
}

/** The agreement came from a register import (its key is set once the import committed). */
export function isImported(a: Pick<Agreement, "importKey">): boolean {
  return !!a.importKey && !a.importKey.startsWith("pending:");
}

/**
 * Whether the items may be written now: while the agreement is being prepared, or — for an
 * agreement imported from a register that gave none — once after conclusion. A register that does
 * not list the items does not mean the agreement has none; the list written then from the signed
 * agreement is the register's truth, not a change of the agreement (issue 33, point 10f). Once an
 * imported agreement has items they are locked like any other concluded agreement's.
 */
export function canRecordItems(a: Pick<Agreement, "status" | "importKey">, itemCount: number): boolean {
  if (canEditItems(a.status)) return true;
  return isImported(a) && itemCount === 0 && (a.status === "concluded" || a.status === "underReview" || a.status === "terminated");
}

/** Items recorded after conclusion for an imported agreement (not a change of its content). */
export function isRecordingImportedItems(a: Pick<Agreement, "status" | "importKey">, itemCount: number): boolean {
  return !canEditItems(a.status) && canRecordItems(a, itemCount);
}

export type AgreementProblemCode =
  | "required"
  | "invalidDate"
  | "invalidTime"
  | "beforeApproach"
  | "beforeConclusion"
  | "yearOutOfRange"
  | "pdfRequired"
  | "notPdf"
  | "fileTooLarge"
  | "requesterRequired"
  | "itemsRequired"
  | "duplicateItem"
  | "deadlineInPast";

export interface AgreementProblem {
  field: string;
  code: AgreementProblemCode;
}

const MIN_YEAR = 1950;
const MAX_YEAR = 2100;

function checkDate(field: string, v: IsoDate | null | undefined, required: boolean, out: AgreementProblem[]): v is IsoDate {
  if (!v) {
    if (required) out.push({ field, code: "required" });
    return false;
  }
  if (!isValidIsoDate(v)) {
    out.push({ field, code: "invalidDate" });
    return false;
  }
  const y = Number(v.slice(0, 4));
  if (y < MIN_YEAR || y > MAX_YEAR) {
    out.push({ field, code: "yearOutOfRange" });
    return false;
  }
  return true;
}

export interface StartInput {
  title: string;
  origin: "city" | "partner";
  partnerId: number | null;
  /** The other partners of an agreement signed with several (連名). */
  coPartnerIds?: number[];
  requestedByDepartmentId: number | null;
  requestedByExecutives: boolean;
  approachDate: IsoDate | null;
  proposedContent: string;
}

export function validateStart(input: StartInput): AgreementProblem[] {
  const out: AgreementProblem[] = [];
  if (!input.title.trim()) out.push({ field: "title", code: "required" });
  if (!input.partnerId) out.push({ field: "partner", code: "required" });
  if (input.origin === "city") {
    if (!input.requestedByDepartmentId && !input.requestedByExecutives) out.push({ field: "requestedBy", code: "requesterRequired" });
  } else {
    checkDate("approachDate", input.approachDate, true, out);
    if (!input.proposedContent.trim()) out.push({ field: "proposedContent", code: "required" });
  }
  return out;
}

/** Item texts as entered, one per 号: blank lines dropped, duplicates refused. */
export function validateItems(texts: string[]): AgreementProblem[] {
  const clean = texts.map((t) => t.trim()).filter(Boolean);
  if (clean.length === 0) return [{ field: "items", code: "itemsRequired" }];
  const seen = new Set<string>();
  for (const t of clean) {
    const k = t.normalize("NFKC");
    if (seen.has(k)) return [{ field: "items", code: "duplicateItem" }];
    seen.add(k);
  }
  return [];
}

export interface ConcludeInput {
  concludedDate: IsoDate | null;
  termStart: IsoDate | null;
  signedPdf: { name: string; size: number; isPdf: boolean } | null;
}

export const MAX_PDF_BYTES = 20 * 1024 * 1024;

export function validateConclusion(a: Pick<Agreement, "approachDate">, input: ConcludeInput): AgreementProblem[] {
  const out: AgreementProblem[] = [];
  const okDate = checkDate("concludedDate", input.concludedDate, true, out);
  const okStart = checkDate("termStart", input.termStart, true, out);
  if (okDate && a.approachDate && input.concludedDate! < a.approachDate) out.push({ field: "concludedDate", code: "beforeApproach" });
  if (okDate && okStart && input.termStart! < input.concludedDate!) out.push({ field: "termStart", code: "beforeConclusion" });
  if (!input.signedPdf) out.push({ field: "signedPdf", code: "pdfRequired" });
  else if (!input.signedPdf.isPdf) out.push({ field: "signedPdf", code: "notPdf" });
  else if (input.signedPdf.size > MAX_PDF_BYTES) out.push({ field: "signedPdf", code: "fileTooLarge" });
  return out;
}

export function validateDecline(reason: string, declinedDate: IsoDate | null): AgreementProblem[] {
  const out: AgreementProblem[] = [];
  if (!reason.trim()) out.push({ field: "declinedReason", code: "required" });
  checkDate("declinedDate", declinedDate, true, out);
  return out;
}

export function validateSurveyLaunch(input: { briefingDate: IsoDate | null; briefingTime?: string; deadline: IsoDate | null; departmentIds: number[]; today: IsoDate }): AgreementProblem[] {
  const out: AgreementProblem[] = [];
  checkDate("briefingDate", input.briefingDate, false, out);
  if (input.briefingTime && !isValidTime(input.briefingTime)) out.push({ field: "briefingTime", code: "invalidTime" });
  // A time says when on the briefing's day: without the day it says nothing.
  else if (input.briefingTime && !input.briefingDate) out.push({ field: "briefingDate", code: "required" });
  if (checkDate("surveyDeadline", input.deadline, true, out) && input.deadline! < input.today) out.push({ field: "surveyDeadline", code: "deadlineInPast" });
  if (input.departmentIds.length === 0) out.push({ field: "departments", code: "required" });
  return out;
}

/** True when the bytes start like a PDF file (%PDF-). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}
