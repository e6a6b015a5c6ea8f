import { FirstReads, startFirstReads } from "../../src/data/firstReads";
import type { IPartnershipData } from "../../src/data/contracts";

/** A data layer that only counts what is asked of it: the first reads must be started, once each, before any view mounts. */
function counting() {
  const asked: string[] = [];
  let answerLists = (): void => undefined;
  const lists = new Promise<void>((r) => (answerLists = r));
  const list = (name: string) => ({ name });
  const data = {
    agreements: list("agreements"), partnershipItems: list("items"), partners: list("partners"), departments: list("departments"), settings: list("settings"),
    matchingIssues: list("issues"), matchings: list("matchings"), cityProposals: list("proposals"), proposalAnswers: list("answers"),
    surveyResponses: list("surveys"), resultReports: list("results"), implementationWishes: list("wishes"), calls: list("calls"),
    currentUser: async () => { asked.push("user"); return theUser; },
    currentUserWith: (specs: Record<string, { list: { name: string } }>) => {
      asked.push(`user+batch:${Object.values(specs).map((s) => s.list.name).join(",")}`);
      return { user: Promise.resolve(theUser), lists: Promise.resolve(Object.fromEntries(Object.keys(specs).map((k) => [k, k === "departments" ? departments : []]))) };
    },
    readMany: (specs: Record<string, { list: { name: string } }>) => {
      asked.push(`batch:${Object.values(specs).map((s) => s.list.name).join(",")}`);
      const answer = Object.fromEntries(Object.keys(specs).map((k) => [k, k === "departments" ? departments : []]));
      // The year's lists (the large batch) answer only when the test says so.
      return "matchings" in specs ? lists.then(() => answer) : Promise.resolve(answer);
    },
  };
  return { asked, data: data as unknown as IPartnershipData, answerLists };
}
const theUser = { id: 7, title: "子育て 花子", email: "h@city", role: "member", departmentCodes: ["kodomo"], canManageSite: false, siteVersion: 5, siteStatus: "ready", appVersion: 5 };
const departments = [
  { id: 3, title: "子ども家庭部", code: "kodomo", active: true },
  { id: 4, title: "環境部", code: "kankyo", active: true },
];

test("the register's web part starts who is signed in and the register (one batch) at once; each read is taken once", async () => {
  const { asked, data, answerLists } = counting();
  answerLists();
  const reads = startFirstReads(data, "2026-12-03", "agreements");
  expect(asked).toEqual(["user", "batch:agreements,items,partners,departments,settings"]);
  const register = await reads.take("register");
  expect(register?.agreements).toEqual([]);
  expect(register?.rules).toBeDefined();
  expect(reads.take("register")).toBeUndefined(); // a reload reads afresh
  expect(reads.take("portal")).toBeUndefined(); // not this view's read
  expect((await reads.take("user"))?.id).toBe(7);
});

test("the portal reads who is signed in with the departments, the year's lists beside them, and its own rows while the lists are still being read", async () => {
  const { asked, data, answerLists } = counting();
  const reads = startFirstReads(data, "2026-12-03", "departmentPortal");
  expect(asked).toEqual(["user+batch:departments", "batch:issues,matchings,proposals,answers,surveys,agreements,wishes,calls"]);
  const portal = reads.take("portal")!;
  await new Promise((r) => setTimeout(r, 0));
  // December 2026 is FY2026; the member's department is 子ども家庭部 (id 3) only.
  expect(asked[2]).toBe("batch:results,surveys");
  answerLists();
  const p = await portal;
  expect(p.ownOf).toEqual([3]);
  expect(p.departments.map((d) => d.code)).toEqual(["kodomo", "kankyo"]);
  expect(asked).toHaveLength(3);
  expect((await reads.take("user"))?.departmentCodes).toEqual(["kodomo"]);
});

test("a coordinator's view of a department's Teams tab reads that department's own rows in the same first batch", async () => {
  const { asked, data, answerLists } = counting();
  answerLists();
  const coordinator = { ...theUser, role: "coordinator", departmentCodes: ["kodomo"] };
  (data as unknown as { currentUserWith: unknown }).currentUserWith = () => ({ user: Promise.resolve(coordinator), lists: Promise.resolve({ departments: [...departments.map((d) => ({ ...d, teamId: d.code === "kankyo" ? "team-kankyo" : "", channelId: "" }))] }) });
  const reads = startFirstReads(data, "2026-12-03", "departmentPortal", Promise.resolve({ teamId: "team-kankyo" }));
  const p = await reads.take("portal")!;
  expect(p.ownOf).toEqual([3, 4]);
  expect(asked).toEqual(["batch:issues,matchings,proposals,answers,surveys,agreements,wishes,calls", "batch:results,surveys,results,surveys"]);
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
