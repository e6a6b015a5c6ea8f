import type { Role } from "./roles";
import type { Agreement, PartnershipItem } from "./types";

/** Departments and visitors see concluded agreements only; coordinators see every stage. */
export function visibleAgreements(role: Role, agreements: Agreement[]): Agreement[] {
  if (role === "coordinator") return agreements;
  return agreements.filter((a) => a.status === "concluded" || a.status === "underReview");
}

export function itemCountByAgreement(items: PartnershipItem[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const it of items) if (it.agreement) m.set(it.agreement.id, (m.get(it.agreement.id) ?? 0) + 1);
  return m;
}

/** Agreements an import has created but not yet committed ("pending:…"): never part of the register. */
export const isPendingImport = (a: Pick<Agreement, "importKey">): boolean => (a.importKey ?? "").startsWith("pending:");
