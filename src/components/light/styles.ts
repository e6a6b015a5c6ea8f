import { mergeStyleSets } from "@fluentui/react";

/**
 * The first view's controls drawn with Fluent's colours and metrics (Fluent UI v8's default theme:
 * themePrimary #0078d4, neutralPrimary #323130, 32 px buttons and fields, 44 px command bar),
 * without Fluent's Button, CommandBar, Dropdown, Pivot, MessageBar and Stack: each of those
 * brings ContextualMenu, Callout, positioning and Panel with it (≈ 50 KB gzip on every page).
 * Screens that open later keep Fluent's own components.
 */
const focus = { outline: "2px solid #605e5c", outlineOffset: 1 };
const font = { fontFamily: "inherit", fontSize: 14 };
/** A command or a tab: text on the page's background, 44 px high (CommandBar's and Pivot's height). */
const flat = { ...font, minHeight: 44, padding: "0 8px", border: "none", background: "transparent", color: "#323130", cursor: "pointer" };
const flatHover = { background: "#f3f2f1", color: "#201f1e" };

export const lightStyles = mergeStyleSets({
  button: {
    ...font,
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    gap: 6,
    minHeight: 32,
    minWidth: 80,
    padding: "0 16px",
    borderRadius: 2,
    border: "1px solid #8a8886",
    background: "#ffffff",
    color: "#323130",
    fontWeight: 600,
    cursor: "pointer",
    selectors: {
      ":hover": { background: "#f3f2f1", color: "#201f1e" },
      ":active": { background: "#edebe9" },
      ":focus-visible": focus,
      ":disabled": { background: "#f3f2f1", color: "#a19f9d", borderColor: "#f3f2f1", cursor: "default" },
    },
  },
  primary: {
    background: "#0078d4",
    borderColor: "#0078d4",
    color: "#ffffff",
    selectors: {
      ":hover": { background: "#106ebe", borderColor: "#106ebe", color: "#ffffff" },
      ":active": { background: "#005a9e", borderColor: "#005a9e" },
    },
  },
  small: { minHeight: 24, minWidth: 0, padding: "0 8px", fontSize: 12, fontWeight: 400 },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "stretch", minHeight: 44, padding: "0 14px 0 0", background: "#ffffff" },
  command: {
    ...flat,
    display: "inline-flex",
    alignItems: "center",
    gap: 4,
    selectors: {
      ":hover": flatHover,
      ":active": { background: "#edebe9" },
      ":focus-visible": focus,
      ":disabled": { color: "#a19f9d", cursor: "default", background: "transparent" },
      ":disabled i": { color: "#a19f9d" },
    },
  },
  commandIcon: { color: "#0078d4", fontSize: 16, margin: "0 4px" },
  tablist: { display: "flex", flexWrap: "wrap", margin: "0 0 4px" },
  tab: {
    ...flat,
    position: "relative",
    marginRight: 8,
    selectors: {
      ":hover": flatHover,
      ":focus-visible": focus,
      "::before": { content: '""', position: "absolute", left: 8, right: 8, bottom: 0, height: 2, background: "transparent", transition: "left .267s, right .267s" },
    },
  },
  tabSelected: { fontWeight: 600, selectors: { "::before": { background: "#0078d4" } } },
  field: { display: "flex", flexDirection: "column", minWidth: 0 },
  label: { ...font, fontWeight: 600, color: "#323130", padding: "5px 0", overflowWrap: "break-word" },
  select: {
    ...font,
    height: 32,
    minWidth: 0,
    maxWidth: "100%",
    padding: "0 8px",
    border: "1px solid #8a8886",
    borderRadius: 2,
    background: "#ffffff",
    color: "#323130",
    selectors: { ":hover": { borderColor: "#323130" }, ":focus-visible": { outline: "2px solid #0078d4", outlineOffset: -1 } },
  },
  search: { position: "relative", display: "flex", alignItems: "center" },
  searchIcon: { position: "absolute", left: 9, color: "#0078d4", fontSize: 14, pointerEvents: "none" },
  searchInput: { paddingLeft: 30, width: "100%", boxSizing: "border-box" },
  notice: { ...font, display: "flex", alignItems: "flex-start", gap: 8, minHeight: 32, padding: "6px 12px", margin: "0 0 4px", lineHeight: "20px", wordBreak: "auto-phrase", overflowWrap: "anywhere", color: "#323130" },
  noticeIcon: { fontSize: 16, lineHeight: "20px", flexShrink: 0 },
  noticeBody: { flex: "1 1 auto", display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px 12px", minWidth: 0 },
  noticeText: { flex: "1 1 240px", minWidth: 0 },
  noticeActions: { display: "flex", gap: 8, flexWrap: "wrap" },
  // DataGrid: DetailsList's metrics (42 px rows, 32 compact; 12 px cells, 14 px semibold headers).
  gridWrap: { overflowX: "auto", maxWidth: "100%" },
  grid: { width: "100%", borderCollapse: "collapse", fontSize: 12, color: "#605e5c", background: "#ffffff" },
  gridHeaderRow: { borderBottom: "1px solid #edebe9", selectors: { ":focus-visible": { outline: "1px solid #605e5c", outlineOffset: -1 } } },
  gridHeader: { padding: 0, verticalAlign: "middle", selectors: { ":hover": { background: "#f3f2f1" } } },
  gridHeaderInner: {
    ...font,
    display: "flex",
    alignItems: "center",
    gap: 4,
    boxSizing: "border-box",
    width: "100%",
    minHeight: 42,
    padding: "0 8px 0 12px",
    border: "none",
    background: "transparent",
    textAlign: "left",
    fontWeight: 600,
    color: "#323130",
    lineHeight: "20px",
    wordBreak: "keep-all",
    overflowWrap: "anywhere",
    selectors: { "button&": { cursor: "pointer" }, ":focus-visible": focus },
  },
  gridHeaderName: { display: "inline-block", minWidth: 0 },
  gridSortIcon: { fontSize: 12, color: "#605e5c", flexShrink: 0 },
  gridRow: {
    borderBottom: "1px solid #f3f2f1",
    selectors: {
      ":hover": { background: "#f3f2f1", color: "#201f1e" },
      // A link on the hovered row's grey: #0078d4 gives 4.04:1, under WCAG's 4.5:1; #005a9e gives 6.3:1.
      ":hover a, :hover .ms-Link": { color: "#005a9e" },
      ":focus-visible": { outline: "1px solid #605e5c", outlineOffset: -1 },
    },
  },
  gridRowCompact: {},
  gridCell: { padding: "11px 8px 11px 12px", verticalAlign: "top", lineHeight: "20px", overflowWrap: "anywhere", wordBreak: "auto-phrase" },
  gridCellCompact: { paddingTop: 6, paddingBottom: 6 },
  dismiss: { border: "none", background: "transparent", cursor: "pointer", padding: 4, color: "#323130", selectors: { ":hover": { background: "rgba(0,0,0,.05)" }, ":focus-visible": focus } },
});

/** MessageBar's colours per kind (Fluent v8 default theme). */
export const noticeKinds = {
  info: { background: "#f3f2f1", icon: "Info", color: "#605e5c" },
  warning: { background: "#fff4ce", icon: "Info", color: "#797775" },
  severeWarning: { background: "#fed9cc", icon: "Warning", color: "#d83b01" },
  error: { background: "#fde7e9", icon: "ErrorBadge", color: "#a80000" },
  blocked: { background: "#fde7e9", icon: "Blocked2", color: "#a80000" },
  success: { background: "#dff6dd", icon: "Completed", color: "#107c10" },
} as const;

export type NoticeKind = keyof typeof noticeKinds;
