import * as React from "react";

/**
 * The result of a submit (a status message or a heading) that takes keyboard focus when it
 * appears, so a keyboard or screen-reader user lands on what happened instead of on <body> (the
 * button they pressed is gone or disabled once the form is handed in). Focus moves in an effect:
 * after a closing dialog has given focus back to its opener (Fluent's Popup restores focus in an
 * effect's cleanup, which React runs before new effects). `focusKey` moves it again on the next
 * submit; `focus` false shows the content without taking focus (e.g. on a page's first view).
 */
export function FocusedResult({ focus = true, focusKey, children }: { focus?: boolean; focusKey?: string | number; children: React.ReactNode }): JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, focusKey]);
  return (
    <div ref={ref} tabIndex={-1} className="pd-FocusedResult" data-pd-result="">
      {children}
    </div>
  );
}
