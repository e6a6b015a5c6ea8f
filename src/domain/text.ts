/**
 * Text matching for Japanese: NFKC folds full-width/half-width forms (Ａ→A, ｶ→カ), case is
 * ignored, and katakana is folded to hiragana so かな and カナ find each other.
 */
export function normalizeForSearch(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .replace(/\s+/g, " ")
    .trim();
}

export function matchesSearch(haystack: Array<string | null | undefined>, needle: string): boolean {
  const n = normalizeForSearch(needle);
  if (!n) return true;
  return haystack.some((h) => !!h && normalizeForSearch(h).includes(n));
}

/**
 * A spreadsheet cell's value as text: rich text joined, numbers as written, dates as ISO
 * dates, a formula by its result; anything else (an error cell) is empty, never
 * "[object Object]".
 */
export function cellValueText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "richText" in v) return ((v as { richText: Array<{ text: string }> }).richText ?? []).map((r) => r.text).join("");
  if (typeof v === "object" && "text" in v && typeof (v as { text: unknown }).text === "string") return (v as { text: string }).text;
  if (typeof v === "object" && "result" in v) {
    const r = (v as { result: unknown }).result;
    return r === undefined || r === null ? "" : String(r);
  }
  return "";
}

/**
 * Text that goes into HTML (a Teams channel message, a printable page). Everything staff or partners typed is
 * escaped: a title like 「<img onerror=…>」 arrives as text.
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** The mark a shortened text ends with. */
export const ELLIPSIS = "…";

/**
 * A text the product builds (a title made from an agreement's or a partner's name), made to fit
 * a column of `max` characters as SharePoint counts them (UTF-16 code units). A text that fits is
 * returned as it is; a longer one is cut at a code point — never between the two halves of a
 * surrogate pair (an emoji, a rare kanji) — and ends with 「…」, the whole within `max`.
 */
export function fitText(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 0) return "";
  const room = max - ELLIPSIS.length;
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > room) break;
    out += ch;
  }
  return out + ELLIPSIS;
}

/** Whether a text fits a column of `max` characters as SharePoint counts them (UTF-16 code units). */
export const fitsLength = (s: string, max: number): boolean => s.length <= max;
