/**
 * The audit entries a register import owes (issue 31). An import writes its audit entries only
 * after its commit (so the trail never names an agreement rolled back); an import killed between
 * the two leaves committed agreements with no entry. The next import of the same rows finds them
 * (its plan names them as already in the product, and each carries the RegisterKey only a commit
 * sets) and writes the missing entries. The audit trail is Add only (nobody may delete an entry),
 * so an entry written twice could never be taken back: an agreement committed less than
 * `IMPORT_AUDIT_GRACE_MS` ago is left alone, since the import that committed it may be about to
 * write its entries (it does so right after its commit, within seconds).
 */

/** The title of the audit entry an import writes for each agreement it stored. */
export const IMPORT_AUDIT_TITLE = "既存の協定台帳から取込";

/** How long after its commit an agreement's import audit entry may still be under way (an import writes it within seconds). */
export const IMPORT_AUDIT_GRACE_MS = 10 * 60 * 1000;

export interface OwedAudit<R> {
  row: R;
  agreementId: number;
}

/**
 * The plan's rows whose agreement an import committed (RegisterKey set, no pending mark) at least
 * the grace period ago and that no import audit entry names.
 */
export function importAuditsOwed<R extends { importKey: string; duplicateOfId: number | null }>(
  rows: readonly R[],
  agreements: ReadonlyArray<{ id: number; importKey: string; registerKey?: string; modified: string }>,
  audited: ReadonlySet<number>,
  registerKeyOf: (importKey: string) => string,
  now: number,
): Array<OwedAudit<R>> {
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const owed: Array<OwedAudit<R>> = [];
  const seen = new Set<number>();
  for (const row of rows) {
    const a = row.duplicateOfId === null ? undefined : byId.get(row.duplicateOfId);
    if (!a || seen.has(a.id) || audited.has(a.id)) continue;
    if (!a.registerKey || a.registerKey !== registerKeyOf(row.importKey) || a.importKey.startsWith("pending:")) continue;
    const at = Date.parse(a.modified);
    if (!Number.isFinite(at) || now - at < IMPORT_AUDIT_GRACE_MS) continue;
    seen.add(a.id);
    owed.push({ row, agreementId: a.id });
  }
  return owed;
}
