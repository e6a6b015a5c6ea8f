import * as React from "react";

export interface IFlexProps {
  children?: React.ReactNode;
  /** Side by side (a row) rather than one under another. */
  horizontal?: boolean;
  wrap?: boolean;
  gap?: number;
  align?: "start" | "center" | "end" | "stretch";
  justify?: "start" | "center" | "end" | "space-between";
  grow?: boolean;
  className?: string;
  style?: React.CSSProperties;
}

const flexValue = (v: string | undefined): string | undefined => (v === "start" || v === "end" ? `flex-${v}` : v);

/** Fluent's Stack as plain CSS flexbox, for first views (Stack brings foundation-legacy). */
export function Flex({ children, horizontal, wrap, gap, align, justify, grow, className, style }: IFlexProps): JSX.Element {
  return (
    <div
      className={className}
      style={{ display: "flex", flexDirection: horizontal ? "row" : "column", flexWrap: wrap ? "wrap" : undefined, gap, alignItems: flexValue(align), justifyContent: flexValue(justify), flexGrow: grow ? 1 : undefined, ...style }}
    >
      {children}
    </div>
  );
}
