import { folderInList, parseSurveyRecord, placementProblem, surveyProblem, surveyRecordText } from "../../src/domain/rowPlacement";
import { surveyAnswerDigest } from "../../src/domain/surveyDigest";
import { currentRows, leftoverDrafts } from "../../src/domain/submissions";

const LIST = "/sites/partnership/Lists/PD_ResultReports";
const at = (folder: string, departmentCode: string | null, status: string | null, fiscalYear: number | null = 2026) => ({ folder: folder ? `${LIST}/${folder}` : LIST, departmentCode, status, fiscalYear });

test("a row's folder relative to its list: one folder deep, or none", () => {
  expect(folderInList(LIST, `${LIST}/KODOMO`)).toBe("KODOMO");
  expect(folderInList(`${LIST}/`, `${LIST.toLowerCase()}/KODOMO-2026`)).toBe("KODOMO-2026");
  expect(folderInList(LIST, LIST)).toBeNull();
  expect(folderInList(LIST, `${LIST}/KODOMO/sub`)).toBeNull();
  expect(folderInList(LIST, "/sites/partnership/Lists/PD_CityProposals/KODOMO")).toBeNull();
  expect(folderInList(LIST, `${LIST}X/KODOMO`)).toBeNull();
});

test("a draft belongs in its department's folder, a submitted row or 該当なし in the department's folder of its own year", () => {
  expect(placementProblem(LIST, at("KODOMO", "kodomo", "draft"), true)).toBeNull();
  expect(placementProblem(LIST, at("KODOMO-2026", "kodomo", "submitted"), true)).toBeNull();
  expect(placementProblem(LIST, at("kodomo-2026", "KODOMO", "nothingToReport"), true)).toBeNull();
  // A status written in the wrong folder: a "submitted" row among drafts, a draft in the submission folder.
  expect(placementProblem(LIST, at("KODOMO", "kodomo", "submitted"), true)).toBe("wrongState");
  expect(placementProblem(LIST, at("KODOMO", "kodomo", "nothingToReport"), true)).toBe("wrongState");
  expect(placementProblem(LIST, at("KODOMO-2026", "kodomo", "draft"), true)).toBe("wrongState");
  // Another year's folder.
  expect(placementProblem(LIST, at("KODOMO-2025", "kodomo", "submitted", 2026), true)).toBe("wrongYear");
  // Rows stored as published (years published before the mark came from the file) are handed-in rows.
  expect(placementProblem(LIST, at("KODOMO-2026", "kodomo", "published"), true)).toBeNull();
  expect(placementProblem(LIST, at("KODOMO", "kodomo", "published"), true)).toBe("wrongState");
});

test("a row naming another department than its folder's, no department, or outside every folder is not placed", () => {
  expect(placementProblem(LIST, at("BOSAI", "kodomo", "draft"), true)).toBe("otherDepartment");
  expect(placementProblem(LIST, at("BOSAI-2026", "kodomo", "submitted"), true)).toBe("otherDepartment");
  // A code that begins like another's is not that department's.
  expect(placementProblem(LIST, at("kodomo-x-2026", "kodomo", "submitted"), true)).toBe("otherDepartment");
  expect(placementProblem(LIST, at("KODOMO", null, "draft"), true)).toBe("unknownDepartment");
  expect(placementProblem(LIST, at("", "kodomo", "draft"), true)).toBe("outsideFolders");
});

test("lists without submissions (wishes, survey answers): every row in its department's own folder", () => {
  expect(placementProblem(LIST, at("KODOMO", "kodomo", null, null), false)).toBeNull();
  expect(placementProblem(LIST, at("BOSAI", "kodomo", null, null), false)).toBe("otherDepartment");
  expect(placementProblem(LIST, at("KODOMO-2026", "kodomo", null, null), false)).toBe("wrongState");
});

test("a survey answer row is for an item of its own agreement, and as the coordinator's record says when there is one", () => {
  const items = new Map<number, number | null>([
    [1, 10],
    [2, 20],
  ]);
  expect(surveyProblem({ id: 5, agreementId: 10, departmentId: 3, itemId: 1 }, items, null)).toBeNull();
  expect(surveyProblem({ id: 5, agreementId: 20, departmentId: 3, itemId: 1 }, items, null)).toBe("notAsked");
  expect(surveyProblem({ id: 5, agreementId: 10, departmentId: 3, itemId: 99 }, items, null)).toBe("notAsked");
  const record = parseSurveyRecord(surveyRecordText(10, [{ id: 5, departmentId: 3, itemId: 1 }]))!;
  const recorded = { rows: record.rows, agreements: new Set([record.agreementId]) };
  expect(surveyProblem({ id: 5, agreementId: 10, departmentId: 3, itemId: 1 }, items, recorded)).toBeNull();
  // Moved to another agreement with one of its items: the record says what it was made for.
  expect(surveyProblem({ id: 5, agreementId: 20, departmentId: 3, itemId: 2 }, items, recorded)).toBe("notAsked");
  expect(surveyProblem({ id: 5, agreementId: 10, departmentId: 4, itemId: 1 }, items, recorded)).toBe("notAsked");
  // A row the record of its agreement does not hold; a row of a survey without a record (made before records were kept).
  expect(surveyProblem({ id: 6, agreementId: 10, departmentId: 3, itemId: 1 }, items, recorded)).toBe("notAsked");
  expect(surveyProblem({ id: 7, agreementId: 20, departmentId: 3, itemId: 2 }, items, recorded)).toBeNull();
  expect(parseSurveyRecord("not json")).toBeNull();
  expect(parseSurveyRecord('{"rows":[]}')).toBeNull();
});

test("a copy stands for a draft of its own department only: another department's row naming the draft hides nothing", () => {
  const victim = { id: 1 };
  const attacker = { id: 2 };
  const rows = [
    { id: 40, status: "draft", sourceId: null, department: victim },
    { id: 41, status: "submitted", sourceId: 40, department: attacker },
  ];
  expect(currentRows(rows).map((r) => r.id)).toEqual([40, 41]);
  expect(leftoverDrafts(rows)).toEqual([]);
  const own = [...rows, { id: 42, status: "submitted", sourceId: 40, department: victim }];
  expect(currentRows(own).map((r) => r.id)).toEqual([41, 42]);
  expect(leftoverDrafts(own).map((r) => r.id)).toEqual([40]);
});

test("a closed survey's record keeps each answer's digest at the decision: the same answer counts, a rewritten one is changedAfterClose", () => {
  const answer = { status: "answered" as const, feasible: true, projectIdeas: "親子料理教室", comment: "", answeredAt: "2027-04-25T01:00:00Z" };
  const digest = surveyAnswerDigest(answer);
  expect(digest).toMatch(/^[0-9a-f]{32}$/);
  // Every answer column is part of it; a missing text is the same as an empty one.
  expect(surveyAnswerDigest({ ...answer, feasible: false })).not.toBe(digest);
  expect(surveyAnswerDigest({ ...answer, projectIdeas: "親子料理教室 " })).not.toBe(digest);
  expect(surveyAnswerDigest({ ...answer, comment: "追記" })).not.toBe(digest);
  expect(surveyAnswerDigest({ ...answer, status: "requested" })).not.toBe(digest);
  expect(surveyAnswerDigest({ ...answer, answeredAt: "2027-05-01T01:00:00Z" })).not.toBe(digest);
  expect(surveyAnswerDigest({ ...answer, comment: null as unknown as string })).toBe(digest);

  const text = surveyRecordText(10, [{ id: 5, departmentId: 3, itemId: 1 }], { at: "2027-05-20T00:00:00Z", digests: new Map([[5, digest]]) });
  const record = parseSurveyRecord(text)!;
  expect(record.closed).toEqual({ at: "2027-05-20T00:00:00Z", digests: new Map([[5, digest]]) });
  // A record written before surveys were closed reads as open.
  expect(parseSurveyRecord(surveyRecordText(10, [{ id: 5, departmentId: 3, itemId: 1 }]))!.closed).toBeNull();
  const items = new Map([[1, 10]]);
  const recorded = { rows: record.rows, agreements: new Set([10]), closedDigests: record.closed!.digests };
  const row = { id: 5, agreementId: 10, departmentId: 3, itemId: 1 };
  expect(surveyProblem({ ...row, digest }, items, recorded)).toBeNull();
  expect(surveyProblem({ ...row, digest: surveyAnswerDigest({ ...answer, projectIdeas: "決定後に書き換え" }) }, items, recorded)).toBe("changedAfterClose");
  // Asking something else is still notAsked first.
  expect(surveyProblem({ ...row, departmentId: 4, digest }, items, recorded)).toBe("notAsked");
});
