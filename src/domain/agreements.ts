import type { Role } from "./roles";
import type { Agreement, LookupRef, PartnershipItem } from "./types";

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

type WithPartners = Pick<Agreement, "partner"> & { coPartners?: Agreement["coPartners"] };

/** Every partner of an agreement, the first named first, each once (連名の協定 have several). */
export function agreementPartners(a: WithPartners): LookupRef[] {
  const out: LookupRef[] = [];
  for (const p of [a.partner, ...(a.coPartners ?? [])]) if (p && !out.some((o) => o.id === p.id)) out.push(p);
  return out;
}

/** The partners' names as a city writes them in a register: 「A大学、B大学及びC大学」. */
export function partnerNamesText(a: WithPartners, titleOf: (p: LookupRef) => string = (p) => p.title): string {
  const names = agreementPartners(a).map(titleOf).filter((n) => n);
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join("、")}及び${names[names.length - 1]}`;
}

/** Whether the partner is one of the agreement's. */
export const isPartnerOf = (a: WithPartners, partnerId: number): boolean => agreementPartners(a).some((p) => p.id === partnerId);
