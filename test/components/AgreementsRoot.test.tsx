/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, fireEvent, waitFor } from "@testing-library/react";
import { setIconOptions } from "@fluentui/react";
import { AgreementsRoot } from "../../src/webparts/agreements/components/AgreementsRoot";

setIconOptions({ disableWarnings: true });
import { fakeData, FakeList } from "../helpers/fakeData";
import { DataError } from "../../src/data/contracts";
import type { Agreement, PartnershipItem } from "../../src/domain/types";

const agreement = (id: number, title: string, status: Agreement["status"], partner: string): Agreement =>
  ({ id, title, status, partner: { id, title: partner }, concludedDate: status === "concluded" ? "2019-07-01" : null, nextReviewDate: status === "concluded" ? "2026-12-01" : null }) as Agreement;
const rows = [
  agreement(1, "みらい電機との協定", "concluded", "株式会社ミライ電機"),
  agreement(2, "ひばり交通との協定", "surveying", "株式会社ひばり交通"),
  agreement(3, "<img src=x onerror=alert(1)>との協定", "concluded", "O'Hara 食品"),
];
const items = [{ id: 1, agreement: { id: 1, title: "" } }, { id: 2, agreement: { id: 1, title: "" } }] as PartnershipItem[];
const services = (role: "coordinator" | "member") => ({
  data: fakeData({ id: 1, title: "テスト 利用者", email: "", role, departmentCodes: [] }, { agreements: rows, partnershipItems: items }),
  notifier: { postChannelMessage: async () => ({ messageId: "1" }) },
  today: "2026-11-24",
});

test("the coordinator sees every agreement with era dates, item counts and a review due within 90 days", async () => {
  render(<AgreementsRoot services={services("coordinator")} />);
  expect(await screen.findByText("みらい電機との協定")).toBeTruthy();
  expect(screen.getByText("ひばり交通との協定")).toBeTruthy();
  expect(screen.getAllByText("令和元年7月1日").length).toBeGreaterThan(0);
  expect(screen.getByText("90日以内の見直し").nextSibling?.textContent).toBe("2");
  expect(screen.getByText("テスト 利用者", { exact: false }).textContent).toContain("連携窓口");
});

test("text that looks like HTML is shown as text, never run", async () => {
  const { container } = render(<AgreementsRoot services={services("coordinator")} />);
  expect(await screen.findByText("<img src=x onerror=alert(1)>との協定")).toBeTruthy();
  expect(container.querySelector("img")).toBeNull();
});

test("search folds kana and width", async () => {
  render(<AgreementsRoot services={services("coordinator")} />);
  await screen.findByText("みらい電機との協定");
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "ﾐﾗｲ" } });
  await waitFor(() => expect(screen.queryByText("ひばり交通との協定")).toBeNull());
  expect(screen.getByText("みらい電機との協定")).toBeTruthy();
});

test("a department member sees concluded agreements only, with a read-only notice", async () => {
  render(<AgreementsRoot services={services("member")} />);
  expect(await screen.findByText("みらい電機との協定")).toBeTruthy();
  expect(screen.queryByText("ひばり交通との協定")).toBeNull();
  expect(screen.getByText(/協定の編集は未来創造課が行います/)).toBeTruthy();
});

test("a failed read shows the reason in Japanese and reloads on request", async () => {
  const s = services("coordinator");
  (s.data.agreements as FakeList<Agreement>).failNext = new DataError("throttled", "429", 429);
  render(<AgreementsRoot services={s} />);
  expect(await screen.findByText(/SharePoint が混み合っています/)).toBeTruthy();
  fireEvent.click(screen.getByText("再読み込み"));
  expect(await screen.findByText("みらい電機との協定")).toBeTruthy();
});

test("choosing the calendar's tab starts its read at once, beside the fetch of its code, and the calendar takes that read (one read, not two)", async () => {
  const { TermsService } = await import("../../src/data/services/TermsService");
  const calendar = jest.spyOn(TermsService.prototype, "calendar");
  try {
    render(<AgreementsRoot services={services("coordinator")} />);
    await screen.findByText("みらい電機との協定");
    // The services' chunk (what the calendar reads with) is there once the register is.
    await new Promise((r) => setTimeout(r, 0));
    fireEvent.click(screen.getByRole("tab", { name: "見直し・更新カレンダー" }));
    expect(calendar).toHaveBeenCalledTimes(1); // in the click, before the calendar's code has come
    expect(await screen.findByRole("grid", {}, { timeout: 5000 })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 50));
    expect(calendar).toHaveBeenCalledTimes(1);
  } finally {
    calendar.mockRestore();
  }
});
