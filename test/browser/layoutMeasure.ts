import type { Page } from "playwright-core";

/**
 * What a person would see cut or sideways on a page: a column header, button or tab label
 * wider than its box, a table, dialog or panel wider than its room, and the page's own
 * sideways overflow. Used by the layout tests of screens (layout.test.ts) and of their
 * dialogs and panels (layoutDialogs.test.ts).
 */
export interface Cut {
  kind: string;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/** Every visible header, button and tab label whose text is wider than its box, and the page's sideways overflow. */
export const measure = (page: Page): Promise<{ cut: Cut[]; sideways: number }> =>
  page.evaluate(() => {
    const kinds: Record<string, string> = {
      ".ms-DetailsHeader-cellName": "column header",
      ".ms-Button-label": "button",
      ".ms-Pivot-text": "tab",
      ".ms-Pivot-linkContent": "tab",
      // The first views' own controls (src/components/light).
      ".pd-Button-label": "button",
      ".pd-Tab-label": "tab",
      ".pd-Grid-headerName": "column header",
    };
    const cut: Cut[] = [];
    for (const [selector, kind] of Object.entries(kinds)) {
      for (const el of document.querySelectorAll<HTMLElement>(selector)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest("header")) continue;
        // A header may wrap onto a second line (frameStyles.wrapHeader), but not below its box.
        const tall = kind === "column header" && el.scrollHeight > el.clientHeight + 1;
        if (el.scrollWidth > el.clientWidth + 1 || tall) cut.push({ kind, text: (el.textContent ?? "").trim(), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
      }
    }
    // A dialog or panel wider than its window, or a list inside one wider than its box: sideways too.
    for (const el of document.querySelectorAll<HTMLElement>(".ms-Dialog-main, .ms-Panel-main, .ms-Panel-scrollableContent, .ms-Modal-scrollableContent")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1 || r.right > window.innerWidth + 1 || r.left < -1) cut.push({ kind: "dialog or panel sideways", text: el.querySelector(".ms-Dialog-title, .ms-Panel-headerText")?.textContent ?? "", scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
    }
    for (const el of document.querySelectorAll<HTMLElement>(".ms-Dialog-main .ms-DetailsList, .ms-Panel-main .ms-DetailsList, .ms-Dialog-main .pd-Grid, .ms-Panel-main .pd-Grid")) {
      if (el.scrollWidth > el.clientWidth + 1) cut.push({ kind: "table in a dialog or panel scrolls sideways", text: el.getAttribute("aria-label") ?? el.querySelector("[role=grid]")?.getAttribute("aria-label") ?? "", scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
    }
    // A table wider than the page scrolls sideways inside itself: that counts too.
    for (const el of document.querySelectorAll<HTMLElement>("main .ms-DetailsList, main .pd-Grid")) {
      if (el.scrollWidth > el.clientWidth + 1) cut.push({ kind: "table scrolls sideways", text: el.getAttribute("aria-label") ?? el.querySelector("[role=grid]")?.getAttribute("aria-label") ?? "", scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
    }
    return { cut, sideways: document.documentElement.scrollWidth - window.innerWidth };
  });


/** How far the page scrolls sideways (0 or less: not at all). */
export const overflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * `measure` once the page has stopped changing: readings 300 ms apart until three in a row agree on
 * what is cut, the sideways overflow and the page's size and text (a tab's rows still arriving, a
 * list behind an open panel laid out again after a resize), and not before a second has passed. A
 * fixed pause is too short on a loaded machine; two readings can both fall before a re-layout.
 */
export async function settledMeasure(page: Page, timeoutMs = 20000): Promise<{ cut: Cut[]; sideways: number }> {
  const started = Date.now();
  const seen: string[] = [];
  for (;;) {
    await page.waitForTimeout(300);
    const m = await measure(page);
    const shape = await page.evaluate(() => [document.documentElement.scrollHeight, document.documentElement.scrollWidth, document.body.innerText.length].join(","));
    seen.push(`${JSON.stringify(m)}|${shape}`);
    const steady = seen.length >= 3 && seen.slice(-3).every((k) => k === seen[seen.length - 1]);
    if ((steady && Date.now() - started >= 1000) || Date.now() - started > timeoutMs) return m;
  }
}
