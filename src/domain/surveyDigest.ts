import { sha256Hex } from "./sha256";
import type { SurveyResponse } from "./types";

/*
 * Kept apart from rowPlacement.ts: only reads of closed surveys and the decision need it, and they
 * load it when they do (the register's first download does not carry SHA-256).
 */

/** What a survey answer said when its survey closed: a fingerprint of the answer's columns (128 bits of SHA-256). */
export function surveyAnswerDigest(row: Pick<SurveyResponse, "status" | "feasible" | "projectIdeas" | "comment" | "answeredAt">): string {
  return sha256Hex(JSON.stringify([row.status, row.feasible === true, row.projectIdeas ?? "", row.comment ?? "", row.answeredAt ?? null])).slice(0, 32);
}
