import { mergeStyleSets } from "@fluentui/react";

// CSS-in-JS (Fluent merge-styles) rather than SCSS, so the same styles work in SPFx,
// the local workbench and jest without a Sass step.
export const frameStyles = mergeStyleSets({
  frame: {
    fontFamily: '"Segoe UI", "Yu Gothic UI", Meiryo, "Noto Sans CJK JP", sans-serif',
    color: "#201f1e",
    padding: "4px 0",
    // Japanese breaks where a city's text may break: never before ー, small kana or closing
    // brackets (「スーパ／ー」), and between phrases where the browser can tell them
    // (「株式会社／けやきスーパー」); a run that cannot fit still breaks rather than overflows.
    lineBreak: "strict",
    wordBreak: "auto-phrase",
    overflowWrap: "break-word",
    selectors: {
      // Fluent's multi-line cells set word-break: break-word, which breaks 「株式会／社」.
      "& .ms-DetailsRow-cell": { wordBreak: "auto-phrase", overflowWrap: "anywhere" },
    },
  },
  header: { borderBottom: "2px solid #0f6cbd", marginBottom: 12, paddingBottom: 6 },
  // Fluent's xLarge (20 px semibold) and small (12 px) type ramp.
  title: { margin: 0, fontSize: 20, fontWeight: 600, lineHeight: "28px" },
  user: { color: "#424242", fontSize: 12 },
  toolbar: { marginBottom: 12 },
  summary: { display: "flex", flexWrap: "wrap", gap: 12, margin: "8px 0 16px" },
  tile: {
    border: "1px solid #d1d1d1",
    borderRadius: 4,
    padding: "8px 14px",
    minWidth: 140,
    background: "#fafafa",
  },
  /** Fluent's "large" type (18 px regular): the department's name and the to-do list's heading on the portal. */
  largeHeading: { fontSize: 18, fontWeight: 400 },
  tileValue: { fontSize: 24, fontWeight: 600, color: "#0f6cbd" },
  // A block (Text is inline by default, so its margins would not apply): room above, and
  // below it before the table, message or form it heads.
  sectionTitle: { display: "block", margin: "20px 0 10px", fontSize: 16, fontWeight: 600, lineHeight: "22px" },
  /**
   * A DetailsList column header (`headerClassName`) whose text wraps onto a second line
   * inside the header's height instead of being cut with an ellipsis; Japanese breaks
   * between phrases (before 「（」, after 「・」), not inside a word.
   */
  wrapHeader: {
    selectors: {
      "& .ms-DetailsHeader-cellTitle": { alignItems: "center" },
      "& .ms-DetailsHeader-cellName": { whiteSpace: "normal", lineHeight: "20px", wordBreak: "keep-all", overflowWrap: "anywhere", maxHeight: 40 },
    },
  },
});
