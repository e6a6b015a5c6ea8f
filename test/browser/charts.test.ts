import type { Page } from "playwright-core";
import { BrowserHarness, startHarness } from "./harness";

/**
 * The results charts read well at every width (issue 18 item 7): on a laptop (1366 and
 * 1024 px) and on a phone (390 px) every text in a chart is at least 12 px as drawn, lies
 * inside its chart and the window (nothing clipped, no sideways scrolling), and every bar
 * shows its value beside it.
 */

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
}, 90000);
afterAll(async () => h?.stop());

interface ChartReport {
  name: string;
  box: { left: number; right: number; width: number };
  texts: Array<{ text: string; fontSize: number; height: number; left: number; right: number; top: number; bottom: number; inside: boolean; overflowing: boolean }>;
  bars: Array<{ value: string; valueVisible: boolean; valueAfterBar: boolean; barWidth: number; label: string }>;
}

/** Every chart on the page, measured as drawn: each text node's boxes and font size, and each bar with its value. */
const measure = (page: Page): Promise<{ charts: ChartReport[]; scrollWidth: number; innerWidth: number }> =>
  page.evaluate(() => {
    const charts = [...document.querySelectorAll<HTMLElement>('[data-chart="bar"]')].map((chart) => {
      const c = chart.getBoundingClientRect();
      const texts: ChartReport["texts"] = [];
      const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!(n.textContent ?? "").trim()) continue;
        const el = n.parentElement!;
        const range = document.createRange();
        range.selectNodeContents(n);
        const fontSize = parseFloat(getComputedStyle(el).fontSize);
        // A text scaled down (an SVG viewBox, a transform) draws boxes smaller than its computed size.
        for (const r of [...range.getClientRects()]) {
          texts.push({
            text: n.textContent!.trim(),
            fontSize,
            height: r.height,
            left: r.left,
            right: r.right,
            top: r.top,
            bottom: r.bottom,
            inside: r.left >= c.left - 0.5 && r.right <= c.right + 0.5 && r.top >= c.top - 0.5 && r.bottom <= c.bottom + 0.5,
            overflowing: el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== "visible",
          });
        }
      }
      const bars = [...chart.querySelectorAll("li")].map((li) => {
        const bar = li.querySelector<HTMLElement>('[data-part="bar"]')!.getBoundingClientRect();
        const valueEl = li.querySelector<HTMLElement>('[data-part="value"]')!;
        const value = valueEl.getBoundingClientRect();
        const style = getComputedStyle(valueEl);
        return {
          label: li.querySelector('[data-part="label"]')?.textContent ?? "",
          value: valueEl.textContent ?? "",
          valueVisible: value.width > 0 && value.height > 0 && style.visibility === "visible" && style.opacity !== "0" && value.right <= c.right + 0.5 && value.left >= c.left - 0.5,
          valueAfterBar: value.left >= bar.right,
          barWidth: bar.width,
        };
      });
      return { name: chart.getAttribute("aria-label") ?? "", box: { left: c.left, right: c.right, width: c.width }, texts, bars };
    });
    return { charts, scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth };
  });

test.each([[1366], [1024], [390]])("at %i px: chart labels at 12 px or more, inside the chart and the window, every bar with its value", async (width) => {
  const { page, errors } = await h.open("&only=results", "", 7);
  await page.setViewportSize({ width, height: 900 });
  await page.getByRole("heading", { name: "部署別の件数" }).waitFor();
  const departments = page.getByRole("list", { name: "部署別の件数のグラフ" });
  await departments.getByRole("listitem").first().waitFor();
  await page.getByRole("list", { name: "過去5年の推移のグラフ" }).getByRole("listitem").first().waitFor();
  // Settled: the chart has measured itself (a narrow column stacks label over bar).
  await page.waitForTimeout(300);

  const m = await measure(page);
  expect(m.charts.map((c) => c.name)).toEqual(["部署別の件数のグラフ", "企業等別の件数のグラフ", "連携事項別の件数のグラフ", "過去5年の推移のグラフ"]);
  expect(m.scrollWidth).toBeLessThanOrEqual(m.innerWidth);
  for (const c of m.charts) {
    expect(c.box.left).toBeGreaterThanOrEqual(0);
    expect(c.box.right).toBeLessThanOrEqual(width);
    for (const t of c.texts) {
      const where = `${c.name} at ${width} px: "${t.text}"`;
      expect({ where, fontSize: t.fontSize >= 12, drawnHeight: t.height >= 12 }).toEqual({ where, fontSize: true, drawnHeight: true });
      expect({ where, inside: t.inside, overflowing: t.overflowing, inWindow: t.left >= 0 && t.right <= width }).toEqual({ where, inside: true, overflowing: false, inWindow: true });
    }
    for (const b of c.bars) {
      const where = `${c.name} at ${width} px: ${b.label}`;
      expect({ where, value: /^\d[\d,]* 件$/.test(b.value), visible: b.valueVisible, afterBar: b.valueAfterBar }).toEqual({ where, value: true, visible: true, afterBar: true });
    }
  }
  // The five years: one bar each, with its value (a year with none says 0 件).
  const five = m.charts.find((c) => c.name === "過去5年の推移のグラフ")!;
  expect(five.bars).toHaveLength(5);
  expect(five.bars.every((b) => /年度（令和\d+年度）$/.test(b.label))).toBe(true);
  // The longest bar's value still fits in its chart; a larger count draws a longer bar.
  for (const c of m.charts) {
    const counts = c.bars.map((b) => parseInt(b.value.replace(/,/g, ""), 10));
    const mostAt = counts.indexOf(Math.max(...counts));
    c.bars.forEach((b) => expect(b.barWidth).toBeLessThanOrEqual(c.bars[mostAt].barWidth + 0.5));
  }
  // A bar is a button: its name is its label and value, and it opens the breakdown.
  const first = departments.getByRole("button").first();
  const name = (await first.getAttribute("aria-label")) ?? "";
  expect(name).toMatch(/^.+: \d+ 件$/);
  await first.click();
  await page.getByRole("dialog").getByRole("heading", { name: `${name.replace(/: \d+ 件$/, "")} の取組` }).waitFor();
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "detached" });

  // The screenshot shows the charts at rest: no hover, no focus ring.
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await h.shot(page, `results-chart-${width}.png`);
  expect(await h.axe(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
}, 90000);
