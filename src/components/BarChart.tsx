import * as React from "react";

export interface IBarChartProps {
  /** Says what the chart shows; read by screen readers (the figures are also in a table beside it). */
  label: string;
  bars: Array<{ label: string; value: number }>;
  onSelect?: (index: number) => void;
}

/** A horizontal bar chart in plain SVG: labelled, keyboard-selectable, no chart library to load. */
export function BarChart({ label, bars, onSelect }: IBarChartProps): JSX.Element {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowH = 26;
  const labelW = 200;
  const width = 560;
  const barW = width - labelW - 50;
  return (
    <svg role={onSelect ? "group" : "img"} aria-label={label} width="100%" viewBox={`0 0 ${width} ${bars.length * rowH + 8}`} style={{ maxWidth: width, display: "block" }}>
      <title>{label}</title>
      {bars.map((b, i) => {
        const w = Math.round((b.value / max) * barW);
        const y = 4 + i * rowH;
        return (
          <g key={i} tabIndex={onSelect ? 0 : undefined} role={onSelect ? "button" : undefined} aria-label={`${b.label}: ${b.value}`} onClick={() => onSelect?.(i)} onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onSelect?.(i)} style={{ cursor: onSelect ? "pointer" : "default" }}>
            <text x={labelW - 6} y={y + 17} textAnchor="end" fontSize="12" fill="#201f1e">
              {Array.from(b.label).length > 16 ? `${Array.from(b.label).slice(0, 16).join("")}…` : b.label}
            </text>
            <rect x={labelW} y={y + 4} width={Math.max(w, 1)} height={rowH - 10} fill="#0f6cbd" rx="2" />
            <text x={labelW + w + 6} y={y + 17} fontSize="12" fill="#201f1e">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
