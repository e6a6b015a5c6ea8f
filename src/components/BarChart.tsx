import * as React from "react";
import { mergeStyleSets } from "@fluentui/react";
import * as common from "CommonStrings";
import { fmt } from "./format";
import { useNarrow } from "./hooks/useNarrow";

export interface IBarChartProps {
  /** Says what the chart shows; the list's accessible name (the figures are also in a table beside it, or in the chart's own text). */
  label: string;
  bars: Array<{ label: string; value: number }>;
  onSelect?: (index: number) => void;
  /** The value as written beside its bar; 「{0} 件」 (common.CountValue) unless told. */
  formatValue?: (value: number) => string;
}

/** The chart's text size in px (Fluent's body size): fixed, whatever the width. */
const FONT = 14;
/** The most of the chart's width the label column takes beside the bars. */
const LABEL_SHARE = 0.4;
/** Below this width (the chart's own) labels always go above their bars. */
const MIN_SIDE_BY_SIDE = 320;

const styles = mergeStyleSets({
  list: { listStyle: "none", margin: "4px 0 12px", padding: 0, maxWidth: 600, fontSize: FONT, lineHeight: "20px", color: "#201f1e" },
  item: { margin: 0, padding: 0 },
  row: {
    display: "flex",
    alignItems: "center",
    gap: 8,
    width: "100%",
    minHeight: 32,
    padding: "4px 4px",
    boxSizing: "border-box",
    border: "none",
    borderRadius: 2,
    background: "transparent",
    color: "inherit",
    font: "inherit",
    textAlign: "left",
  },
  stacked: { flexDirection: "column", alignItems: "stretch", gap: 2, padding: "6px 4px" },
  selectable: {
    cursor: "pointer",
    selectors: {
      ":hover": { background: "#f3f2f1" },
      ":hover .pd-bar": { background: "#0c3b5e" },
      ":focus-visible": { outline: "2px solid #201f1e", outlineOffset: -2 },
    },
  },
  label: { flex: "none", overflowWrap: "anywhere", wordBreak: "normal" },
  track: { flex: "1 1 auto", minWidth: 0, display: "flex", alignItems: "center", gap: 6 },
  bar: {
    flex: "none",
    height: 16,
    minWidth: 2,
    background: "#0f6cbd",
    borderRadius: 2,
    selectors: { "@media (forced-colors: active)": { background: "CanvasText", forcedColorAdjust: "none" } },
  },
  value: { flex: "none", fontWeight: 600, whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
});

/** Rough width of a text in em at one font size: CJK and full-width characters 1 em, the rest about 0.6 em. */
function emWidth(text: string): number {
  return Array.from(text).reduce((w, ch) => w + (/[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.6), 0);
}

/**
 * A horizontal bar chart in HTML and CSS, no chart library: labels and values are text at
 * 14 px whatever the width (no SVG scaled down), and where the labels do not fit beside the
 * bars (a narrow column, long names) each takes its own line above its bar, wrapping rather
 * than cut. Every bar shows its value.
 * A list, so a screen reader reads each label with its value; with `onSelect`, each bar is a
 * button (Enter or Space).
 */
export function BarChart({ label, bars, onSelect, formatValue }: IBarChartProps): JSX.Element {
  const format = formatValue ?? ((v: number) => fmt(common.CountValue, v.toLocaleString("ja-JP")));
  const max = Math.max(1, ...bars.map((b) => b.value));
  // The label column fits the longest label. Where that is more than 40% of the chart, every
  // label goes on its own line above its bar (one layout for the whole chart, bars aligned).
  const labelEm = Math.ceil(Math.max(4, ...bars.map((b) => emWidth(b.label))) + 0.5);
  const [ref, narrow] = useNarrow<HTMLUListElement>(Math.max(MIN_SIDE_BY_SIDE, Math.ceil((labelEm * FONT) / LABEL_SHARE)));
  // Room kept at the end of every track for the longest value, so the longest bar and its value still fit.
  const valueEm = Math.ceil(Math.max(...bars.map((b) => emWidth(format(b.value))), 2) + 1);
  return (
    <ul ref={ref} aria-label={label} className={styles.list} data-chart="bar">
      {bars.map((b, i) => {
        const text = format(b.value);
        const content = (
          <>
            <span className={styles.label} data-part="label" style={narrow ? undefined : { width: `min(${LABEL_SHARE * 100}%, ${labelEm}em)` }}>
              {b.label}
            </span>
            <span className={styles.track}>
              <span className={`${styles.bar} pd-bar`} data-part="bar" aria-hidden="true" style={{ width: `calc((100% - ${valueEm}em) * ${b.value / max})` }} />
              <span className={styles.value} data-part="value">{text}</span>
            </span>
          </>
        );
        const rowClass = `${styles.row}${narrow ? ` ${styles.stacked}` : ""}`;
        return (
          <li key={i} className={styles.item}>
            {onSelect ? (
              <button type="button" className={`${rowClass} ${styles.selectable}`} aria-label={`${b.label}: ${text}`} onClick={() => onSelect(i)}>
                {content}
              </button>
            ) : (
              <div className={rowClass}>{content}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
