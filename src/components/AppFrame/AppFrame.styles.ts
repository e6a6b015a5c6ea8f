import { mergeStyleSets } from "@fluentui/react";

// CSS-in-JS (Fluent merge-styles) rather than SCSS, so the same styles work in SPFx,
// the local workbench and jest without a Sass step.
export const frameStyles = mergeStyleSets({
  frame: {
    fontFamily: '"Segoe UI", "Yu Gothic UI", Meiryo, "Noto Sans CJK JP", sans-serif',
    color: "#201f1e",
    padding: "4px 0",
  },
  header: { borderBottom: "2px solid #0f6cbd", marginBottom: 12, paddingBottom: 6 },
  title: { margin: 0 },
  user: { color: "#424242" },
  toolbar: { marginBottom: 12 },
  summary: { display: "flex", flexWrap: "wrap", gap: 12, margin: "8px 0 16px" },
  tile: {
    border: "1px solid #d1d1d1",
    borderRadius: 4,
    padding: "8px 14px",
    minWidth: 140,
    background: "#fafafa",
  },
  tileValue: { fontSize: 24, fontWeight: 600, color: "#0f6cbd" },
  sectionTitle: { margin: "16px 0 6px", fontSize: 16, fontWeight: 600 },
});
