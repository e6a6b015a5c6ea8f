import * as React from "react";

/** How long after it appears the result keeps focus against a library moving it back by itself. */
const HOLD_MS = 1500;

/**
 * The result of a submit (a status message or a heading) that takes keyboard focus when it
 * appears, so a keyboard or screen-reader user lands on what happened instead of on <body> (the
 * button they pressed is gone or disabled once the form is handed in). A closing Fluent dialog
 * gives focus back to its opener by itself, in an effect's cleanup and again a frame or more
 * later (FocusTrapZone's focusAsync): for a moment after the result appears, focus moved
 * elsewhere without the user pressing a key or the pointer comes back to the result.
 * `focusKey` moves focus again on the next submit; `focus` false shows the content without
 * taking focus (e.g. on a page's first view).
 */
export function FocusedResult({ focus = true, focusKey, children }: { focus?: boolean; focusKey?: string | number; children: React.ReactNode }): JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!focus) return;
    const el = ref.current;
    if (!el) return;
    el.focus();
    let userActed = false;
    const acted = (): void => {
      userActed = true;
    };
    const refocus = (e: FocusEvent): void => {
      if (!userActed && e.target !== el && el.isConnected) el.focus();
    };
    // Focus falling to <body> (the opener disabled meanwhile) fires no focusin: checked on focusout too.
    const fellOut = (): void => {
      requestAnimationFrame(() => {
        if (!userActed && el.isConnected && (document.activeElement === document.body || document.activeElement === null)) el.focus();
      });
    };
    document.addEventListener("keydown", acted, true);
    document.addEventListener("pointerdown", acted, true);
    document.addEventListener("focusin", refocus, true);
    document.addEventListener("focusout", fellOut, true);
    const stop = (): void => {
      document.removeEventListener("keydown", acted, true);
      document.removeEventListener("pointerdown", acted, true);
      document.removeEventListener("focusin", refocus, true);
      document.removeEventListener("focusout", fellOut, true);
    };
    const timer = window.setTimeout(stop, HOLD_MS);
    return () => {
      window.clearTimeout(timer);
      stop();
    };
  }, [focus, focusKey]);
  return (
    <div ref={ref} tabIndex={-1} className="pd-FocusedResult" data-pd-result="">
      {children}
    </div>
  );
}
