import { withoutLegalForm } from "./legalForms";
import { normalizeForSearch } from "./text";
import type { Partner } from "./types";

/**
 * A partner name as compared for duplicates: width, case, kana and spacing folded, and
 * the abbreviations of corporate forms written out (㈱ / (株) → 株式会社 and so on), so
 * 「(株)みらい電機」 and 「株式会社 みらい電機」 are the same partner.
 */
export function partnerNameKey(name: string): string {
  return normalizeForSearch(
    name
      .normalize("NFKC")
      .replace(/\(株\)|㈱/g, "株式会社")
      .replace(/\(有\)|㈲/g, "有限会社")
      .replace(/\(社\)/g, "社団法人")
      .replace(/\(財\)/g, "財団法人"),
  ).replace(/[\s・･]/g, "");
}

export function findDuplicatePartner(partners: Partner[], name: string, exceptId?: number): Partner | undefined {
  const key = partnerNameKey(name);
  return partners.find((p) => p.id !== exceptId && partnerNameKey(p.name) === key);
}

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;
const PHONE = /^[0-9０-９+()（）\-‐－ー\s]{6,20}$/;
const URL_RE = /^https?:\/\/[^\s<>"]+$/i;

export type PartnerProblemCode = "required" | "duplicate" | "invalidEmail" | "invalidPhone" | "invalidUrl";

export function validatePartner(
  p: Pick<Partner, "name" | "contactEmail" | "contactPhone" | "website">,
  others: Partner[],
  exceptId?: number,
): Array<{ field: string; code: PartnerProblemCode; other?: string }> {
  const out: Array<{ field: string; code: PartnerProblemCode; other?: string }> = [];
  if (!p.name.trim()) out.push({ field: "name", code: "required" });
  else {
    const dup = findDuplicatePartner(others, p.name, exceptId);
    if (dup) out.push({ field: "name", code: "duplicate", other: dup.name });
  }
  if (p.contactEmail.trim() && !EMAIL.test(p.contactEmail.trim())) out.push({ field: "contactEmail", code: "invalidEmail" });
  if (p.contactPhone.trim() && !PHONE.test(p.contactPhone.trim())) out.push({ field: "contactPhone", code: "invalidPhone" });
  if (p.website.trim() && !URL_RE.test(p.website.trim())) out.push({ field: "website", code: "invalidUrl" });
  return out;
}

// One collator: the same order as localeCompare(…, "ja"), without building one on every comparison.
const japanese = new Intl.Collator("ja");

/**
 * One partner order everywhere: by reading (フリガナ, katakana and hiragana alike), then by name;
 * the legal form (株式会社, (株), 一般社団法人, 学校法人…) is not part of the order (issue 33, point 10c).
 */
export function byReading(a: Pick<Partner, "kana" | "name">, b: Pick<Partner, "kana" | "name">): number {
  const key = (p: Pick<Partner, "kana" | "name">): string => normalizeForSearch(withoutLegalForm(p.kana || p.name));
  return japanese.compare(key(a), key(b)) || japanese.compare(a.name, b.name);
}
