import type * as D from "../../domain/types";
import { ServiceBase } from "./ServiceBase";
import { read } from "../contracts";
import { importable, ImportPlanRow, planImport, PlanContext, PlanPartner, recordedTerms, RegisterColumn, rowPartners, rowTermStart, withConcludedDate } from "../../domain/registerImport";
import { parseSiteRules } from "../../domain/siteRules";
import { nextDecisionColumns } from "../../domain/decisions";
import { partnerNameKey } from "../../domain/partners";

/**
 * Import of an existing register. Nothing is written until the coordinator confirms the
 * preview. SharePoint has no transactions, so the import makes its own: every agreement
 * is created marked "pending:<import>", its items and terms follow, and only then are
 * the marks cleared in one batch, and only then is the audit trail written. If anything
 * fails the pending agreements and what hangs on them are removed; a tab closed half-way
 * leaves pending rows that a later import (or preview) removes once they are stale — never
 * another coordinator's import still under way. No screen, calendar or reminder ever sees a
 * pending agreement (the data layer hides them).
 */

export interface ImportOutcome {
  created: number;
  partnersCreated: number;
  skipped: number;
}

const ref = (id: number, title = ""): D.LookupRef => ({ id, title });
const PENDING = "pending:";

/** How old an import's pending rows must be before another import may remove them (an import of 300 rows takes seconds). */
export const STALE_PENDING_MS = 30 * 60 * 1000;

/** When an import run (`pending:<time in base 36>.<random>:`) started, or null for a key of another shape. */
export function pendingStartedAt(importKey: string): number | null {
  const m = /^pending:([0-9a-z]+)\.[0-9a-z]*:/.exec(importKey);
  if (!m) return null;
  const t = parseInt(m[1], 36);
  return Number.isFinite(t) ? t : null;
}

export class RegisterImportService extends ServiceBase {
  protected readonly coordinatorsOnly = "import the register";
  /** The agreements the last preview was planned against: a date typed in the preview is checked against the same. */
  private known: PlanContext["agreements"] = [];

  /** The plan for the rows read from a file: one batched read of what is already there. */
  async preview(rows: unknown[][], columns: Partial<Record<RegisterColumn, number>>, firstRowNo: number): Promise<ImportPlanRow[]> {
    this.requireCoordinator();
    await this.removeStalePending();
    const r = await this.data.readMany({ partners: read(this.data.partners), agreements: read(this.data.agreements), settings: read(this.data.settings) });
    this.known = r.agreements;
    return planImport(rows, columns, { partners: r.partners, agreements: r.agreements, site: parseSiteRules(r.settings), today: this.today }, firstRowNo);
  }

  /** The plan with one row re-planned on the conclusion date the coordinator typed (nothing is read or written). */
  withConcludedDate(plan: ImportPlanRow[], rowNo: number, date: D.IsoDate): ImportPlanRow[] {
    return plan.map((r) => (r.rowNo === rowNo ? withConcludedDate(r, date, { agreements: this.known, today: this.today }, plan) : r));
  }

  async importRows(plan: ImportPlanRow[]): Promise<ImportOutcome> {
    this.requireCoordinator();
    const rows = plan.filter(importable);
    if (rows.length === 0) return { created: 0, partnersCreated: 0, skipped: plan.length };
    await this.removeStalePending();
    // Partners first (a partner without an agreement is no harm); one per distinct name.
    const { partners, settings } = await this.data.readMany({ partners: read(this.data.partners), settings: read(this.data.settings) });
    const bufferDays = parseSiteRules(settings).decisionBufferDays;
    const byKey = new Map(partners.map((p) => [partnerNameKey(p.name), p.id]));
    // An agreement with several partners (split in the preview) creates each as a partner of its
    // own; the reading (フリガナ) in the file is the whole cell's, so only a partner alone takes it.
    const missing = new Map<string, { partner: PlanPartner; kana: string }>();
    for (const r of rows) {
      const ps = rowPartners(r);
      for (const p of ps) if (!byKey.has(partnerNameKey(p.name)) && !missing.has(partnerNameKey(p.name))) missing.set(partnerNameKey(p.name), { partner: p, kana: ps.length === 1 ? r.kana : "" });
    }
    const newIds = await this.data.partners.addMany(
      [...missing.values()].map(({ partner, kana }) => ({ name: partner.name, kana, kind: partner.kind, address: "", contactName: "", contactEmail: "", contactPhone: "", website: "" })),
    );
    [...missing.keys()].forEach((k, i) => byKey.set(k, newIds[i]));
    const partnersOf = rows.map((r): D.LookupRef[] => rowPartners(r).map((p) => ref(byKey.get(partnerNameKey(p.name))!, p.name)));

    const run = `${PENDING}${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}:`;
    try {
      const ids = await this.data.agreementsWithPending.addMany(
        rows.map((r, i) => ({
          title: r.title,
          partner: partnersOf[i][0],
          coPartners: partnersOf[i].slice(1),
          status: r.status,
          origin: "partner" as const,
          requestedByDepartment: null,
          requestedByExecutives: false,
          approachDate: null,
          proposedContent: "",
          briefingDate: null,
          briefingPlace: "",
          briefingDepartments: [],
          surveyDeadline: null,
          concludedDate: r.concludedDate,
          termStart: rowTermStart(r),
          termEnd: r.terms.length ? r.terms[r.terms.length - 1].to : null,
          nextReviewDate: r.nextReviewDate,
          nextDecisionDate: null,
          nextDecisionText: "",
          declinedDate: null,
          declinedReason: "",
          ...r.rules,
          termClause: r.clause,
          screening: "",
          importKey: `${run}${r.importKey}`.slice(0, 255),
        })),
      );
      const termsOf = rows.map((r) => recordedTerms(r.terms, rowTermStart(r)));
      await this.data.partnershipItems.addMany(rows.flatMap((r, i) => r.items.map((text, n) => ({ agreement: ref(ids[i]), itemNo: n + 1, text }))));
      const decidedBy = `台帳から取込（${this.user.title}）`.slice(0, 255);
      // An ended agreement's last term ended by expiry (満了); an agreement without terms is never 終了.
      await this.data.agreementTerms.addMany(
        rows.flatMap((r, i): Array<D.Draft<D.AgreementTerm>> => termsOf[i].map((t, k, all) => ({ agreement: ref(ids[i]), ...t, decidedBy, objection: r.status === "terminated" && k === all.length - 1 ? "満了" : "" }))),
      );
      // The commit: clear the marks. Until this succeeds the rows are pending and invisible.
      const created = await this.data.agreementsWithPending.list({ where: [{ prop: "importKey", op: "startsWith", value: run }] });
      // …and, in the same write, the next decision's columns SharePoint's own reminders read.
      const rowOf = new Map(ids.map((id, i) => [id, i]));
      await this.data.agreementsWithPending.updateMany(
        created.map((a) => ({ id: a.id, etag: a.etag, patch: { importKey: a.importKey.slice(run.length), ...nextDecisionColumns(a, termsOf[rowOf.get(a.id) ?? -1] ?? [], this.today, bufferDays) } })),
      );
      // Only now, for agreements that exist: the audit trail never points at an import rolled back.
      await this.data.auditLog.addMany(
        rows.map((r, i) => ({ title: "既存の協定台帳から取込", entityList: "Agreements", entityId: ids[i], action: "create" as const, actor: null, detail: JSON.stringify({ row: r.rowNo, clause: r.clause, found: r.found, ...(r.split?.decision === "split" ? { partnerAsWritten: r.partnerName, partners: r.split.parts.map((p) => p.name) } : {}), ...(r.concludedEntered ? { concludedAsWritten: r.concludedText, concludedEntered: r.concludedDate } : {}) }), occurredAt: null })),
      );
    } catch (e) {
      await this.removePending(run).catch(() => undefined);
      throw e;
    }
    return { created: rows.length, partnersCreated: missing.size, skipped: plan.length - rows.length };
  }

  /** Removes what imports cut short left pending, once stale: another coordinator's import under way is never touched. */
  async removeStalePending(now = Date.now()): Promise<number> {
    const pending = await this.data.agreementsWithPending.list({ where: [{ prop: "importKey", op: "startsWith", value: PENDING }] });
    const runs = new Set(pending.filter((a) => now - (pendingStartedAt(a.importKey) ?? 0) > STALE_PENDING_MS).map((a) => a.importKey.slice(0, a.importKey.indexOf(":", PENDING.length) + 1)));
    let n = 0;
    for (const run of runs) n += await this.removePending(run);
    return n;
  }

  /** Removes the agreements of one import run left pending, with their items and terms. */
  async removePending(prefix: string): Promise<number> {
    const pending = await this.data.agreementsWithPending.list({ where: [{ prop: "importKey", op: "startsWith", value: prefix }] });
    for (const a of pending) {
      const r = await this.data.readMany({
        items: read(this.data.partnershipItems, { where: [{ prop: "agreement", op: "eq", value: ref(a.id) }] }),
        terms: read(this.data.agreementTerms, { where: [{ prop: "agreement", op: "eq", value: ref(a.id) }] }),
      });
      for (const i of r.items) await this.data.partnershipItems.remove(i.id, i.etag);
      for (const t of r.terms) await this.data.agreementTerms.remove(t.id, t.etag);
      await this.data.agreements.remove(a.id, a.etag);
    }
    return pending.length;
  }
}
