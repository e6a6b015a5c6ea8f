import * as AC from "adaptivecards";
import * as strings from "AnnualCycleWebPartStrings";
import { feedbackCard } from "../../src/domain/teamsMessages";
import type { FeedbackMessageInput } from "../../src/domain/teamsMessages";
import { chatMessageBody } from "../../src/data/graph/GraphTeamsNotifier";

/**
 * Every Adaptive Card the product posts to a Teams channel, validated against the card version
 * Teams renders. Microsoft's Teams platform docs, "Types of cards" › "Support for Adaptive Cards"
 * (learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference):
 * "Teams platform supports v1.5 or earlier of Adaptive Card features" — for bot-sent cards and for
 * "other capabilities, such as cards sent by user"; and "Positive or destructive action styling is
 * not supported in Adaptive Cards on the Teams platform", "Media elements are currently not supported".
 * A card the product posts is a user's chatMessage attachment (Graph), so 1.5 is the ceiling.
 */
const TEAMS_MAX = AC.Versions.v1_5;

/** What the Adaptive Cards SDK reports when it parses the card for Teams' version: parse events and validation events. */
function cardProblems(json: unknown): string[] {
  const context = new AC.SerializationContext(TEAMS_MAX);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  const declared = AC.Version.parse(String((json as { version?: unknown }).version), new AC.SerializationContext());
  if (!declared?.isValid) problems.push(`version: ${String((json as { version?: unknown }).version)} is not a card version`);
  else if (declared.compareTo(TEAMS_MAX) > 0) problems.push(`version: ${declared.toString()} is above ${TEAMS_MAX.toString()}, the highest Teams renders`);
  // Teams-specific limits the SDK does not know.
  JSON.stringify(json, (key, value: unknown) => {
    if (key === "type" && value === "Media") problems.push("Teams: Media elements are not supported");
    if (key === "style" && (value === "positive" || value === "destructive")) problems.push(`Teams: action style ${value} is not supported`);
    return value;
  });
  return problems;
}

const row = (rowNo: number, extra: Partial<FeedbackMessageInput["rows"][number]> = {}): FeedbackMessageInput["rows"][number] => ({
  rowNo,
  title: `親子料理教室 [${rowNo}](http://evil)`,
  content: "地元食材を使った親子向けの料理教室を、市の施設で年2回開催します。".repeat(rowNo === 1 ? 10 : 1),
  partner: "株式会社サンプル食品",
  contact: "地域連携部 a@example.jp",
  ...extra,
});
const input: FeedbackMessageInput = {
  editionTitle: "2026年度 第2回",
  issuedDateText: "令和8年11月24日",
  departmentName: "子育て支援課",
  rows: [row(1), row(2, { answer: "可：講師を2名派遣できます" }), row(3)],
  portalUrl: "https://contoso.sharepoint.com/sites/partnership/SitePages/Portal.aspx",
  message: "",
};
// The card as it is posted (MatchingView's labels), with and without a portal link.
const cards: Array<[string, Record<string, unknown>]> = [
  ["the matching feedback card", feedbackCard(input, strings.Matching.message)],
  ["the matching feedback card without a portal link", feedbackCard({ ...input, portalUrl: "" }, strings.Matching.message)],
  ["the matching feedback card for one row", feedbackCard({ ...input, rows: [row(1)] }, strings.Matching.message)],
];

test.each(cards)("%s declares a version Teams renders and has no parse or validation problem", (_name, card) => {
  expect(cardProblems(card)).toEqual([]);
});

test.each(cards)("%s arrives intact in the chatMessage Graph is sent (the attachment's content string parses to the same card)", (_name, card) => {
  const body = chatMessageBody({ html: "<p>x</p>", adaptiveCard: card }, "6a7c8f0e-0000-4000-8000-000000000001") as { attachments: Array<{ contentType: string; content: string }> };
  expect(body.attachments).toHaveLength(1);
  expect(body.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
  const posted = JSON.parse(body.attachments[0].content);
  expect(posted).toEqual(card);
  expect(cardProblems(posted)).toEqual([]);
});

test("the check is real: a card above Teams' version, an unknown element or a missing required property fails it", () => {
  const [, card] = cards[0];
  expect(cardProblems({ ...card, version: "1.6" })).toEqual([expect.stringContaining("above 1.5")]);
  expect(cardProblems({ ...card, body: [{ type: "Carousel", pages: [] }] }).length).toBeGreaterThan(0);
  expect(cardProblems({ ...card, actions: [{ type: "Action.OpenUrl", title: "x" }] }).length).toBeGreaterThan(0);
  expect(cardProblems({ ...card, body: [{ type: "Media", sources: [{ mimeType: "video/mp4", url: "https://example.com/a.mp4" }] }] })).toContain("Teams: Media elements are not supported");
});
