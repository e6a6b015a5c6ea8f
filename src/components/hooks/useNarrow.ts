import * as React from "react";

/**
 * Whether the element is narrower than `breakpoint` px: a Teams tab on a phone (about 390 px)
 * or a narrow column. Tables become stacked cards below it (Fluent's responsive pattern), so
 * every action stays in view without sideways scrolling.
 */
export function useNarrow<T extends HTMLElement>(breakpoint = 640): [React.RefObject<T>, boolean] {
  const ref = React.useRef<T>(null);
  const [narrow, setNarrow] = React.useState(false);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => setNarrow(el.getBoundingClientRect().width < breakpoint);
    measure();
    if (typeof ResizeObserver === "undefined") {
      window.addEventListener("resize", measure);
      return () => window.removeEventListener("resize", measure);
    }
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [breakpoint]);
  return [ref, narrow];
}
