import { deliveryOutcome, noticeProblem } from "../../src/domain/deliveryOutcome";
import type { Notification } from "../../src/domain/types";

/** After issuing 別紙③ (or 再送): never all-green while a department was not reached (issue 18 item 9). */

const n = (dept: number, status: Notification["status"], error = "", attempts = 1): Notification =>
  ({ department: { id: dept, title: `部署${dept}` }, status, error, attempts }) as Notification;

test("all sent: success with the count of departments (a message in parts counts once)", () => {
  expect(deliveryOutcome([n(1, "sent"), n(1, "sent"), n(2, "sent")])).toEqual({ level: "success", total: 2, notified: 2, notDelivered: [], retriable: false });
});

test("some not reached: partial, each named with why; 再送 offered only for what it can fix", () => {
  const o = deliveryOutcome([n(1, "sent"), n(2, "failed", "server 500: boom"), n(3, "notConfigured", "", 0), n(4, "sent"), n(4, "failed", "throttled 429: x")]);
  expect(o.level).toBe("partial");
  expect([o.total, o.notified]).toEqual([4, 1]);
  expect(o.notDelivered.map((d) => [d.department, d.reason])).toEqual([
    ["部署2", "failed"],
    ["部署3", "noChannel"],
    ["部署4", "failed"],
  ]);
  expect(o.retriable).toBe(true);
  expect(deliveryOutcome([n(1, "sent"), n(3, "notConfigured", "", 0)]).retriable).toBe(false);
});

test("none reached: failure; not a member, refused (403), outcome unknown and never attempted are told apart", () => {
  const o = deliveryOutcome([
    n(1, "failed", "notMember: 投稿する職員がこの部署のチームのメンバーではありません。", 0),
    n(2, "failed", "forbidden 403: denied"),
    n(3, "pending", "", 1),
    n(4, "pending", "", 0),
  ]);
  expect(o.level).toBe("failure");
  expect(o.notified).toBe(0);
  expect(o.notDelivered.map((d) => d.reason)).toEqual(["notMember", "forbidden", "unknown", "unknown"]);
  expect(o.retriable).toBe(true);
  expect(deliveryOutcome([n(3, "pending", "", 2)]).retriable).toBe(false);
});

test("nothing to send: none", () => {
  expect(deliveryOutcome([]).level).toBe("none");
});

describe("noticeProblem: a record's stored error as a code the screens put in words (issue 33, point 9: no raw codes)", () => {
  test.each([
    ["notMember: 投稿する職員が…", { problem: "notMember", detail: "投稿する職員が…" }],
    ["forbidden 403: Forbidden", { problem: "forbidden", status: 403, detail: "Forbidden" }],
    ["notFound 404: NotFound", { problem: "notFound", status: 404, detail: "NotFound" }],
    ["throttled 429: TooManyRequests", { problem: "throttled", status: 429, detail: "TooManyRequests" }],
    ["network: fetch failed", { problem: "network", detail: "fetch failed" }],
    ["outcomeUnknown: unknown 504: Gateway Timeout", { problem: "outcomeUnknown", detail: "unknown 504: Gateway Timeout" }],
    ["server 500: boom", { problem: "other", status: 500, detail: "boom" }],
    ["something without a code", { problem: "other", detail: "something without a code" }],
  ])("%s", (error, expected) => {
    expect(noticeProblem(error)).toEqual(expected);
  });
  test("no error, no problem", () => expect(noticeProblem("  ")).toBeNull());
});
