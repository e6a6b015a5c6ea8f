import type * as D from "../../domain/types";
import { ServiceBase } from "./ServiceBase";
import { DataError, read } from "../contracts";
import { importable, ImportPlanRow, planImport, PlanContext, PlanPartner, recordedTerms, RegisterColumn, registerKeyOf, rowPartners, rowTermStart, withConcludedDate } from "../../domain/registerImport";
import { parseSiteRules } from "../../domain/siteRules";
import { nextDecisionColumns } from "../../domain/decisions";
import { partnerNameKey } from "../../domain/partners";
import { IMPORT_AUDIT_GRACE_MS, IMPORT_AUDIT_TITLE, importAuditsOwed } from "../../domain/importAudit";

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
  /** Rows another import stored first (two coordinators importing the same register at once): not stored again. */
  alreadyImported: number;
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

/** The audit entry of one agreement an import stored (`recovered`: written by a later import, the one that stored it having been cut short). */
function importAuditEntry(r: ImportPlanRow, id: number, recovered = false): D.Draft<D.AuditEntry> {
  const detail = {
    row: r.rowNo,
    clause: r.clause,
    found: r.found,
    ...(r.split?.decision === "split" ? { partnerAsWritten: r.partnerName, partners: r.split.parts.map((p) => p.name) } : {}),
    ...(r.concludedEntered ? { concludedAsWritten: r.concludedText, concludedEntered: r.concludedDate } : {}),
    ...(recovered ? { writtenByLaterImport: true } : {}),
  };
  return { title: IMPORT_AUDIT_TITLE, entityList: "Agreements", entityId: id, action: "create", actor: null, detail: JSON.stringify(detail), occurredAt: null };
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
    const plan = planImport(rows, columns, { partners: r.partners, agreements: r.agreements, site: parseSiteRules(r.settings), today: this.today }, firstRowNo);
    // As stale pending rows are removed here: an earlier import of these rows killed before its
    // audit entries gets them now (the screen's 取り込む stays off when every row is already there).
    await this.writeOwedAudits(plan, r.agreements);
    return plan;
  }

  /** The plan with one row re-planned on the conclusion date the coordinator typed (nothing is read or written). */
  withConcludedDate(plan: ImportPlanRow[], rowNo: number, date: D.IsoDate): ImportPlanRow[] {
    return plan.map((r) => (r.rowNo === rowNo ? withConcludedDate(r, date, { agreements: this.known, today: this.today }, plan) : r));
  }

  async importRows(plan: ImportPlanRow[]): Promise<ImportOutcome> {
    this.requireCoordinator();
    const rows = plan.filter(importable);
    // An earlier import of these rows killed between its commit and its audit entries: written now.
    await this.writeOwedAudits(plan);
    if (rows.length === 0) return { created: 0, partnersCreated: 0, skipped: plan.length, alreadyImported: 0 };
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
    const partnerDraft = ({ partner, kana }: { partner: PlanPartner; kana: string }): D.Draft<D.Partner> => ({ name: partner.name, kana, kind: partner.kind, address: partner.place ?? "", contactName: "", contactEmail: "", contactPhone: "", website: "" });
    let partnersCreated = missing.size;
    try {
      const newIds = await this.data.partners.addMany([...missing.values()].map(partnerDraft));
      [...missing.keys()].forEach((k, i) => byKey.set(k, newIds[i]));
    } catch (e) {
      // A name SharePoint refuses as a duplicate (another import of the same register made the
      // partner meanwhile), or no answer: read back, and add alone only those still missing.
      const err = e as DataError;
      if (err.kind !== "duplicate" && err.kind !== "network") throw e;
      const now = new Map((await this.data.partners.list()).map((p) => [partnerNameKey(p.name), p.id]));
      partnersCreated = 0;
      for (const [k, m] of missing) {
        const id = now.get(k);
        if (id !== undefined) {
          byKey.set(k, id);
          if (err.kind === "network") partnersCreated++;
          continue;
        }
        byKey.set(k, (await this.data.partners.add(partnerDraft(m))).id);
        partnersCreated++;
      }
    }
    const partnersOf = rows.map((r): D.LookupRef[] => rowPartners(r).map((p) => ref(byKey.get(partnerNameKey(p.name))!, p.name)));

    let committed: number[] = [];
    let ids: number[] = [];
    const written = { items: [] as { id: number; of: number }[], terms: [] as { id: number; of: number }[] };
    const dropWritten = async (of: Set<number>): Promise<void> => {
      await this.data.partnershipItems.removeMany(written.items.filter((x) => of.has(x.of)).map((x) => ({ id: x.id, etag: "*" })));
      await this.data.agreementTerms.removeMany(written.terms.filter((x) => of.has(x.of)).map((x) => ({ id: x.id, etag: "*" })));
    };
    const run = `${PENDING}${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}:`;
    try {
      ids = await this.data.agreementsWithPending.addMany(
        rows.map((r, i) => ({
          title: r.title,
          partner: partnersOf[i][0],
          coPartners: partnersOf[i].slice(1),
          status: r.status,
          // 不明 unless the register says who started the agreement (issue 33, point 10e).
          origin: r.origin,
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
      // What this run writes on its agreements, by id: removed with them if another import stores
      // the same agreements first (it may remove our pending agreements while we write these).
      const itemDrafts = rows.flatMap((r, i) => r.items.map((text, n) => ({ agreement: ref(ids[i]), itemNo: n + 1, text })));
      (await this.data.partnershipItems.addMany(itemDrafts)).forEach((id, k) => written.items.push({ id, of: itemDrafts[k].agreement.id }));
      const decidedBy = `台帳から取込（${this.user.title}）`.slice(0, 255);
      // An ended agreement's last term ended by expiry (満了); an agreement without terms is never 終了.
      const termDrafts = rows.flatMap((r, i): Array<D.Draft<D.AgreementTerm>> => termsOf[i].map((t, k, all) => ({ agreement: ref(ids[i]), ...t, decidedBy, objection: r.status === "terminated" && k === all.length - 1 ? "満了" : "" })));
      (await this.data.agreementTerms.addMany(termDrafts)).forEach((id, k) => written.terms.push({ id, of: termDrafts[k].agreement!.id }));
      // The commit: clear the marks and claim each agreement's key (台帳の取込キー, unique in
      // SharePoint), in the same write as the next decision's columns SharePoint's own reminders read.
      const rowOf = new Map(ids.map((id, i) => [id, i]));
      const commitOf = (a: D.Agreement): { id: number; etag: string; patch: Partial<D.Draft<D.Agreement>> } => {
        const i = rowOf.get(a.id) ?? -1;
        return { id: a.id, etag: a.etag, patch: { importKey: a.importKey.slice(run.length), registerKey: registerKeyOf(rows[i].importKey), ...nextDecisionColumns(a, termsOf[i] ?? [], this.today, bufferDays) } };
      };
      const pendingOfRun = (): Promise<D.Agreement[]> => this.data.agreementsWithPending.list({ where: [{ prop: "importKey", op: "startsWith", value: run }] });
      let lostTo: Set<number>;
      try {
        const mine = await pendingOfRun();
        await this.data.agreementsWithPending.updateMany(mine.map(commitOf));
        // A row of ours gone before the commit: another import stored the agreement and removed ours.
        lostTo = new Set(ids.filter((id) => !mine.some((a) => a.id === id)));
      } catch (e) {
        // Refused as a duplicate (another import stored the same agreement first), or no answer
        // (it may have been saved): read back what is there and finish the commit row by row.
        const err = e as DataError;
        if (err.kind !== "duplicate" && err.kind !== "network" && err.kind !== "notFound" && err.kind !== "conflict") throw e;
        lostTo = await this.finishCommit(ids, commitOf, run);
      }
      committed = ids.filter((id) => !lostTo.has(id));
      await dropWritten(lostTo);
      // Only now, for agreements that exist: the audit trail never points at an import rolled back.
      await this.data.auditLog.addMany(
        rows
          .map((r, i) => ({ r, id: ids[i] }))
          .filter(({ id }) => !lostTo.has(id))
          .map(({ r, id }) => importAuditEntry(r, id)),
      );
      // What imports cut short left pending for the agreements now stored can never be committed
      // (their key is taken): removed now, whoever's they were.
      await this.removeSuperseded(new Set([...rows.filter((_, i) => !lostTo.has(ids[i])), ...plan.filter((r) => r.duplicateOfId !== null)].map((r) => r.importKey)), run);
    } catch (e) {
      await this.removePending(run).catch(() => undefined);
      await dropWritten(new Set(ids.filter((id) => !committed.includes(id)))).catch(() => undefined);
      // Before our commit, another import of the same rows stored them all (and removed our
      // pending copies under our feet): nothing is missing, and the user is told so.
      if (committed.length === 0) {
        const stored = await this.data.agreements.list().catch(() => [] as D.Agreement[]);
        const keys = new Set(stored.map((a) => a.importKey));
        if (rows.every((r) => keys.has(r.importKey))) return { created: 0, partnersCreated, skipped: plan.length - rows.length, alreadyImported: rows.length };
      }
      throw e;
    }
    return { created: committed.length, partnersCreated, skipped: plan.length - rows.length, alreadyImported: rows.length - committed.length };
  }

  /**
   * The audit entries an import killed after its commit never wrote (domain/importAudit.ts), for
   * the plan's rows already in the product (at preview and at import): their agreements are read (unless given), then each one's audit
   * entries (by 対象の ID, indexed; fifty to a batch), and only the missing are written.
   */
  private async writeOwedAudits(plan: ImportPlanRow[], known?: D.Agreement[]): Promise<number> {
    const dup = plan.filter((r) => r.duplicateOfId !== null);
    if (dup.length === 0) return 0;
    const now = this.now().getTime();
    const ids = new Set(dup.map((r) => r.duplicateOfId!));
    const agreements = (known ?? (await this.data.agreements.list())).filter((a) => ids.has(a.id));
    const candidates = importAuditsOwed(dup, agreements, new Set(), registerKeyOf, now);
    if (candidates.length === 0) return 0;
    const audited = new Set<number>();
    for (let i = 0; i < candidates.length; i += 50) {
      const part = candidates.slice(i, i + 50);
      const r = await this.data.readMany(Object.fromEntries(part.map((c) => [`a${c.agreementId}`, read(this.data.auditLog, { where: [{ prop: "entityId", op: "eq", value: c.agreementId }, { prop: "entityList", op: "eq", value: "Agreements" }] })])));
      for (const c of part) if (r[`a${c.agreementId}`].some((e) => e.title === IMPORT_AUDIT_TITLE)) audited.add(c.agreementId);
    }
    const owed = importAuditsOwed(dup, agreements, audited, registerKeyOf, now);
    if (owed.length === 0 || !(await this.claimAuditRepair(owed.map((o) => o.agreementId), now))) return 0;
    await this.data.auditLog.addMany(owed.map((o) => importAuditEntry(o.row, o.agreementId, true)));
    return owed.length;
  }

  /**
   * Whether this import may write the owed entries: two coordinators previewing the same file at
   * once both find them missing, and the audit log has no key of its own to refuse a second copy.
   * The claim is a setting keyed by the agreements owed, which SharePoint keeps unique (the second
   * add is refused); a claim whose writer died (older than the commit's wait) is taken over with
   * its ETag, so of two takers one gets 412.
   */
  private async claimAuditRepair(agreementIds: number[], now: number): Promise<boolean> {
    const { sha256Hex } = await import(/* webpackChunkName: "pd-digest" */ "../../domain/sha256");
    const key = `importAuditRepair:${sha256Hex([...agreementIds].sort((a, b) => a - b).join(",")).slice(0, 32)}`;
    const value = JSON.stringify({ at: new Date(now).toISOString(), agreements: agreementIds.length });
    const [before] = await this.data.settings.list({ where: [{ prop: "key", op: "eq", value: key }] });
    try {
      if (!before) await this.data.settings.add({ key, value });
      else {
        const at = Date.parse((JSON.parse(before.value) as { at?: string }).at ?? "");
        if (Number.isFinite(at) && now - at < IMPORT_AUDIT_GRACE_MS) return false;
        await this.data.settings.update(before.id, before.etag, { value });
      }
      return true;
    } catch (e) {
      if (e instanceof DataError && (e.kind === "duplicate" || e.kind === "conflict")) return false;
      throw e;
    }
  }

  /**
   * The commit finished row by row after a batch that was refused or got no answer: a row still
   * pending is committed alone; one SharePoint refuses as a duplicate was stored by another
   * import meanwhile, and ours is removed. Returns the ids of ours so removed.
   */
  private async finishCommit(ids: number[], commitOf: (a: D.Agreement) => { id: number; etag: string; patch: Partial<D.Draft<D.Agreement>> }, run: string): Promise<Set<number>> {
    const there = new Map((await this.data.agreementsWithPending.list({ where: [{ prop: "id", op: "ge", value: Math.min(...ids) }] })).map((a) => [a.id, a]));
    const lost = new Set<number>();
    for (const id of ids) {
      const a = there.get(id);
      if (!a) {
        lost.add(id); // removed by the import that stored the agreement first
        continue;
      }
      if (!a.importKey.startsWith(run)) continue; // committed, only the answer was lost
      const c = commitOf(a);
      try {
        await this.data.agreementsWithPending.update(c.id, c.etag, c.patch);
      } catch (e) {
        const err = e as DataError;
        if (err.kind === "network") {
          // No answer again: what is there says whether it was saved.
          const now = await this.data.agreementsWithPending.get(a.id);
          if (!now.importKey.startsWith(run)) continue;
          throw e;
        }
        if (err.kind === "notFound") {
          lost.add(id);
          continue;
        }
        if (err.kind !== "duplicate") throw e;
        await this.removeOne(a);
        lost.add(id);
      }
    }
    return lost;
  }

  /** Removes the pending agreements of other runs (cut short) whose agreement is now stored. */
  private async removeSuperseded(keys: Set<string>, run: string): Promise<void> {
    if (keys.size === 0) return;
    const pending = await this.data.agreementsWithPending.list({ where: [{ prop: "importKey", op: "startsWith", value: PENDING }] });
    for (const a of pending) {
      if (a.importKey.startsWith(run)) continue;
      const key = a.importKey.slice(a.importKey.indexOf(":", PENDING.length) + 1);
      if (keys.has(key)) await this.removeOne(a).catch(() => undefined);
    }
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
    for (const a of pending) await this.removeOne(a);
    return pending.length;
  }

  /** Removes one pending agreement with its items and terms (one already gone counts as removed). */
  private async removeOne(a: D.Agreement): Promise<void> {
    const r = await this.data.readMany({
      items: read(this.data.partnershipItems, { where: [{ prop: "agreement", op: "eq", value: ref(a.id) }] }),
      terms: read(this.data.agreementTerms, { where: [{ prop: "agreement", op: "eq", value: ref(a.id) }] }),
    });
    await this.data.partnershipItems.removeMany(r.items);
    await this.data.agreementTerms.removeMany(r.terms);
    await this.data.agreementsWithPending.removeMany([a]);
  }
}
