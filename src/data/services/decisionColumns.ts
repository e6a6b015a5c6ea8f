import type * as D from "../../domain/types";
import { staleDecisionColumns } from "../../domain/decisions";
import { parseSiteRules } from "../../domain/siteRules";
import { IPartnershipData, read } from "../contracts";

/**
 * Keeps each agreement's 次の判断期日 and 次に判断すること (Agreements' NextDecisionDate and
 * NextDecisionText) as its terms say, so SharePoint's own reminders — the 判断期日の近い協定
 * view, a scheduled Power Automate flow on the date — never depend on our page being open.
 *
 * Called at the end of every operation that changes an agreement's status, terms or review
 * date (after its other writes, so it sees the terms as they now stand), after a register
 * import, and when the calendar is opened (which also catches a changed buffer in the site's
 * rules). One batched read and at most one batched write; only rows that differ are written.
 */
export async function refreshDecisionColumns(data: IPartnershipData, today: D.IsoDate, agreementId?: number): Promise<number> {
  const ref = agreementId === undefined ? null : { id: agreementId, title: "" };
  const r = await data.readMany({
    agreements: read(data.agreements, ref ? { where: [{ prop: "id", op: "eq", value: ref.id }] } : {}),
    terms: read(data.agreementTerms, ref ? { where: [{ prop: "agreement", op: "eq", value: ref }] } : {}),
    settings: read(data.settings),
  });
  return writeStale(data, r.agreements, r.terms, today, parseSiteRules(r.settings).decisionBufferDays);
}

/** Writes the columns of the agreements (already read with their terms) whose columns are stale. */
export async function writeStale(data: IPartnershipData, agreements: D.Agreement[], terms: D.AgreementTerm[], today: D.IsoDate, bufferDays: number): Promise<number> {
  const stale = staleDecisionColumns(agreements, terms, today, bufferDays);
  if (stale.length) await data.agreements.updateMany(stale.map((s) => ({ id: s.agreement.id, etag: s.agreement.etag, patch: s.columns })));
  return stale.length;
}
