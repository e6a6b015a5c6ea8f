import { startingAnswer, surveyOpen, unchosenSurveyRows } from "../../src/domain/survey";

/** The internal survey's answers (issue 33, point 8): an explicit choice, revisable while the survey is open. */

test("a survey is open while its agreement is 庁内調査中, closed once decided (the deadline only makes it late)", () => {
  expect(surveyOpen({ status: "surveying" })).toBe(true);
  for (const status of ["approached", "preparing", "concluded", "declined", "underReview", "terminated"] as const) expect([status, surveyOpen({ status })]).toEqual([status, false]);
});

test("可能性あり／なし must be chosen for every item: a row without a choice is never read as なし", () => {
  const answers = new Map([
    [1, { feasible: true }],
    [2, { feasible: false }],
    [3, { feasible: null }],
  ]);
  expect(unchosenSurveyRows([1, 2, 3, 4], answers)).toEqual([3, 4]);
  expect(unchosenSurveyRows([1, 2], answers)).toEqual([]);
});

test("the form starts without a choice for a row not answered yet, and from the answer given for one answered (to revise it)", () => {
  const row = { feasible: false, projectIdeas: "", comment: "" };
  expect(startingAnswer({ ...row, status: "requested" })).toEqual({ feasible: null, projectIdeas: "", comment: "" });
  expect(startingAnswer({ ...row, status: "answered" })).toEqual({ feasible: false, projectIdeas: "", comment: "" });
  expect(startingAnswer({ status: "answered", feasible: true, projectIdeas: "親子講座", comment: "要相談" })).toEqual({ feasible: true, projectIdeas: "親子講座", comment: "要相談" });
});
