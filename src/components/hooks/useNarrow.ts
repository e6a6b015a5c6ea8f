import * as React from "react";

/**
 * Whether the element is narrower than `breakpoint` px: a Teams tab on a phone (about 390 px)
 * or a narrow column. Tables become stacked cards below it (Fluent's responsive pattern), so
 * every action stays in view without sideways scrolling. `unmeasuredIsWide`: a box of no width
 * (not laid out) counts as wide rather than narrow.
 */
export function useNarrow<T extends HTMLElement>(breakpoint = 640, unmeasuredIsWide = false): [React.RefObject<T>, boolean] {
  const ref = React.useRef<T>(null);
  const [narrow, setNarrow] = React.useState(false);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // A box with no width yet (not laid out: a hidden tab, or jsdom) is wide when asked, so a table stays a table until measured.
    const measure = (): void => {
      const width = el.getBoundingClientRect().width;
      setNarrow(unmeasuredIsWide && width === 0 ? false : width < breakpoint);
    };
    measure();
    if (typeof ResizeObserver === "undefined") {
      window.addEventListener("resize", measure);
      return () => window.removeEventListener("resize", measure);
    }
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [breakpoint, unmeasuredIsWide]);
  return [ref, narrow];
}
