/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { setIconOptions } from "@fluentui/react";
import { Form4Section } from "../../src/webparts/departmentPortal/components/Form4Section";
import type { ResultsService, ResultsYear } from "../../src/data/services/ResultsService";
import type { NothingToReport } from "../../src/domain/results";
import type { Department, ResultReport } from "../../src/domain/types";

setIconOptions({ disableWarnings: true });

/** The portal's Form 4 section and its 「該当なしで提出する」, with a fake results service. */

const dept = { id: 5, title: "子ども家庭部 子育て支援課", code: "kodomo-kosodate", sectionName: "" } as Department;
const user = { id: 11, title: "子育 太郎", email: "", role: "member" as const, departmentCodes: ["kodomo-kosodate"] } as never;
const yearOf = (rows: ResultReport[], nothingToReport: NothingToReport[] = []): ResultsYear => ({ fiscalYear: 2026, rows, nothingToReport, departments: [dept], partners: [], agreements: [], items: [], calls: [], published: null, publications: [] });

function fakeService(initial: ResultsYear): { service: ResultsService; submitted: number[] } {
  let year = initial;
  const submitted: number[] = [];
  const service = {
    year: async () => year,
    submitNothingToReport: async (_y: ResultsYear, d: Department) => {
      submitted.push(d.id);
      const n = { id: 99, etag: "", fiscalYear: 2026, department: { id: d.id, title: d.title }, submittedAt: "2027-04-10T01:00:00Z" };
      year = yearOf([], [n]);
      return n;
    },
  } as unknown as ResultsService;
  return { service, submitted };
}

test("with nothing entered, 「該当なしで提出する」 asks first, then shows it read-only with the date; nothing more can be added", async () => {
  const { service, submitted } = fakeService(yearOf([]));
  const changed = jest.fn();
  render(<Form4Section service={service} department={dept} user={user} fiscalYears={[2026]} matchings={[]} onChanged={changed} />);
  fireEvent.click(await screen.findByRole("menuitem", { name: "該当なしで提出する" }));
  const dialog = await screen.findByRole("alertdialog", { name: "該当なしで提出する" });
  expect(dialog.textContent).toContain("令和8年度は報告する実績がありません（該当なし）として提出します。提出後は変更できません。");
  expect(submitted).toEqual([]);
  fireEvent.click(screen.getByRole("button", { name: "該当なしで提出する" }));
  expect(await screen.findByText("該当なしとして提出済み（令和9年4月10日）")).toBeTruthy();
  expect(submitted).toEqual([5]);
  expect(changed).toHaveBeenCalled();
  expect(screen.queryByRole("menuitem", { name: "取組を追加" })).toBeNull();
  expect(screen.queryByRole("menuitem", { name: "該当なしで提出する" })).toBeNull();
});

test("with drafts, 該当なし is not asked: the department is told to delete them first", async () => {
  const draft = { id: 1, etag: "", fiscalYear: 2026, department: { id: 5, title: "" }, rowNo: 1, title: "親子講座", content: "内容", partner: { id: 1, title: "甲社" }, status: "draft", sectionName: "" } as unknown as ResultReport;
  const { service, submitted } = fakeService(yearOf([draft]));
  render(<Form4Section service={service} department={dept} user={user} fiscalYears={[2026]} matchings={[]} />);
  fireEvent.click(await screen.findByRole("menuitem", { name: "該当なしで提出する" }));
  expect(await screen.findByText("下書きの取組が 1 件あります。該当なしで提出するには、先に下書きをすべて削除してください。")).toBeTruthy();
  expect(screen.queryByRole("alertdialog")).toBeNull();
  await waitFor(() => expect(submitted).toEqual([]));
});

test("once rows are submitted, 該当なし is not offered", async () => {
  const row = { id: 2, etag: "", fiscalYear: 2026, department: { id: 5, title: "" }, rowNo: 1, title: "防犯教室", content: "内容", partner: { id: 1, title: "甲社" }, status: "submitted", sectionName: "" } as unknown as ResultReport;
  const { service } = fakeService(yearOf([row]));
  render(<Form4Section service={service} department={dept} user={user} fiscalYears={[2026]} matchings={[]} />);
  const item = await screen.findByRole("menuitem", { name: "該当なしで提出する" });
  expect(item.getAttribute("aria-disabled") === "true" || item.hasAttribute("disabled")).toBe(true);
});

test("switching the year: until that year's rows arrive, last year's rows and actions are not shown under its label (a row added then went to the wrong year)", async () => {
  const row = (fy: number, title: string): ResultReport => ({ id: fy, etag: "", fiscalYear: fy, department: { id: 5, title: "" }, rowNo: 1, title, content: "内容", partner: { id: 1, title: "甲社" }, status: "draft", sectionName: "" }) as unknown as ResultReport;
  let release: (() => void) | undefined;
  const service = {
    year: (fy: number) =>
      fy === 2027
        ? Promise.resolve({ ...yearOf([row(2027, "今年度の取組")]), fiscalYear: 2027 })
        : new Promise<ResultsYear>((resolve) => (release = () => resolve(yearOf([row(2026, "前年度の取組")])))),
  } as unknown as ResultsService;
  const { rerender } = render(<Form4Section service={service} department={dept} user={user} fiscalYears={[2027, 2026]} year={2027} matchings={[]} />);
  expect(await screen.findByText("今年度の取組")).toBeTruthy();
  rerender(<Form4Section service={service} department={dept} user={user} fiscalYears={[2027, 2026]} year={2026} matchings={[]} />);
  // 2026's read is still on its way: neither 2027's row nor 取組を追加 (which would add to 2027).
  expect(screen.queryByText("今年度の取組")).toBeNull();
  expect(screen.queryByRole("menuitem", { name: "取組を追加" })).toBeNull();
  release!();
  expect(await screen.findByText("前年度の取組")).toBeTruthy();
  expect(screen.getByRole("menuitem", { name: "取組を追加" })).toBeTruthy();
});
