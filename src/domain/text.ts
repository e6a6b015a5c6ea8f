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
