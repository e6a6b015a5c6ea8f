import { FirstReads, startFirstReads } from "../../src/data/firstReads";
import type { IPartnershipData } from "../../src/data/contracts";

/** A data layer that only counts what is asked of it: the first reads must be started, once each, before any view mounts. */
function counting() {
  const asked: string[] = [];
  const list = (name: string) => ({ name });
  const data = {
    agreements: list("agreements"), partnershipItems: list("items"), partners: list("partners"), departments: list("departments"), settings: list("settings"),
    matchingIssues: list("issues"), matchings: list("matchings"), cityProposals: list("proposals"), proposalAnswers: list("answers"),
    surveyResponses: list("surveys"), implementationWishes: list("wishes"), calls: list("calls"),
    currentUser: async () => { asked.push("user"); return { id: 7, title: "企画 太郎", loginName: "i:0#.f|membership|k@city", email: "k@city", isSiteAdmin: false, groups: [] }; },
    readMany: async (specs: Record<string, { list: { name: string } }>) => {
      asked.push(`batch:${Object.values(specs).map((s) => s.list.name).join(",")}`);
      return Object.fromEntries(Object.keys(specs).map((k) => [k, []]));
    },
  };
  return { asked, data: data as unknown as IPartnershipData };
}

test("the register's web part starts who is signed in and the register (one batch) at once; each read is taken once", async () => {
  const { asked, data } = counting();
  const reads = startFirstReads(data, "2026-12-03", "agreements");
  expect(asked).toEqual(["user", "batch:agreements,items,partners,departments,settings"]);
  const register = await reads.take("register");
  expect(register?.agreements).toEqual([]);
  expect(register?.rules).toBeDefined();
  expect(reads.take("register")).toBeUndefined(); // a reload reads afresh
  expect(reads.take("portal")).toBeUndefined(); // not this view's read
  expect((await reads.take("user"))?.id).toBe(7);
});

test("the portal's first read is one batch for the city's fiscal year (December 2026 is FY2026)", () => {
  const { asked, data } = counting();
  startFirstReads(data, "2026-12-03", "departmentPortal");
  expect(asked).toEqual(["user", "batch:departments,issues,matchings,proposals,answers,surveys,agreements,wishes,calls"]);
});

test("views without a first read of their own start only who is signed in", () => {
  for (const view of ["annualCycle", "results"] as const) {
    const { asked, data } = counting();
    startFirstReads(data, "2026-12-03", view);
    expect(asked).toEqual(["user"]);
  }
});

test("a read that fails before the view takes it is not an unhandled rejection, and the view gets the failure", async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on("unhandledRejection", onUnhandled);
  try {
    const reads = new FirstReads();
    reads.start("user", () => Promise.reject(new Error("403 アクセスが拒否されました")));
    await new Promise((r) => setTimeout(r, 20));
    expect(unhandled).toEqual([]);
    await expect(reads.take("user")).rejects.toThrow("403");
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
});
