import * as React from "react";
import { ChoiceGroup, DefaultButton, PrimaryButton, Stack, Text, TextField } from "@fluentui/react";
import * as strings from "DepartmentPortalWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { changedFields, ConflictNotice, isConflict } from "../../../components/Conflict/ConflictNotice";
import { DateText } from "../../../components/DateText";
import type { AgreementService } from "../../../data/services/AgreementService";
import type { Agreement, SurveyResponse } from "../../../domain/types";
import { fmt } from "../../../components/format";
import { BriefingLine } from "./BriefingLine";
import { formatEraDate, tokyoDate } from "../../../domain/calendar";
import { startingAnswer, surveyOpen, unchosenSurveyRows } from "../../../domain/survey";
import type { SurveyAnswer as Answer } from "../../../domain/survey";
import { Notice } from "../../../components/light";
import { isRuleError } from "../../../data/services/ServiceBase";
import { FocusedResult } from "../../../components/FocusedResult";

/**
 * A department answers the internal survey (庁内調査) for one agreement: a row per partnership
 * item, 可能性あり／なし chosen for each. Answered, it shows what was sent; while the survey is open
 * (the agreement 庁内調査中) the answers can be revised and sent again.
 */
export function SurveyAnswerForm({ agreement, rows, service, onAnswered, anchorId }: { agreement: Agreement | undefined; rows: SurveyResponse[]; service: AgreementService; onAnswered: (revised: boolean) => void; anchorId?: string }): JSX.Element {
  const [answers, setAnswers] = React.useState<Map<number, Answer>>(new Map(rows.map((r) => [r.id, startingAnswer(r)])));
  const [revising, setRevising] = React.useState(false);
  const [tried, setTried] = React.useState(false);
  const [failures, setFailures] = React.useState(0);
  // The portal reads the agreements being surveyed: one it does not have is no longer 庁内調査中.
  const open = !!agreement && surveyOpen(agreement);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(undefined);
  // The rows as SharePoint has them now: after a conflict they are read again (fresh ETags); the typed answers stay.
  const [base, setBase] = React.useState<SurveyResponse[]>(rows);
  const [changed, setChanged] = React.useState<string[] | null>(null);
  const reloadKeep = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const fresh = await service.surveyRowsNow(base);
      setChanged(
        changedFields(
          base.flatMap((r) => {
            const f = fresh.find((x) => x.id === r.id);
            const item = r.partnershipItem?.title ?? "";
            return [
              { label: `${item} ${strings.SurveyForm.feasible}`, before: r.feasible, after: f?.feasible },
              { label: `${item} ${strings.SurveyForm.ideas}`, before: r.projectIdeas, after: f?.projectIdeas },
              { label: `${item} ${strings.SurveyForm.comment}`, before: r.comment, after: f?.comment },
            ];
          }),
        ),
      );
      setBase(fresh);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const set = (id: number, patch: Partial<Answer>): void => setAnswers((m) => new Map(m).set(id, { ...m.get(id)!, ...patch }));
  const unchosen = unchosenSurveyRows(
    rows.map((r) => r.id),
    answers,
  );
  const answeredBefore = rows.length > 0 && rows.every((r) => r.status === "answered");
  const submit = async (): Promise<void> => {
    if (busy) return;
    setTried(true);
    if (unchosen.length) {
      // Focus goes to the first item still without a choice.
      document.getElementById(`pd-survey-${unchosen[0]}-feasible`)?.querySelector<HTMLInputElement>("input")?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await service.answerSurvey(base, answers);
      onAnswered(answeredBefore);
    } catch (e) {
      setError(e);
      setFailures((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  const title = rows[0]?.agreement?.title ?? "";
  // Answered: what was sent (the clerk can check it; the coordinator has it), revisable while the survey is open.
  if (answeredBefore && !revising) {
    const at = rows.map((r) => r.answeredAt ?? "").sort().reverse()[0];
    return (
      <section id={anchorId} aria-label={title} style={{ border: "1px solid #d1d1d1", borderRadius: 4, padding: 12, marginBottom: 12, background: "#faf9f8" }}>
        <Text as="h4" variant="mediumPlus" style={{ display: "block", fontWeight: 600 }}>
          {title}
        </Text>
        <Text as="p" style={{ color: "#107c10", fontWeight: 600 }}>
          {fmt(strings.SurveyForm.answered, at ? formatEraDate(tokyoDate(at)) : "")}
        </Text>
        <dl style={{ margin: 0 }}>
          {rows.map((r) => (
            <React.Fragment key={r.id}>
              <dt style={{ fontWeight: 600, marginTop: 6 }}>{r.partnershipItem?.title}</dt>
              <dd style={{ margin: "2px 0 0 16px", whiteSpace: "pre-wrap" }}>{[r.feasible ? strings.SurveyForm.yes : strings.SurveyForm.no, r.projectIdeas, r.comment].filter(Boolean).join(" ／ ")}</dd>
            </React.Fragment>
          ))}
        </dl>
        {open ? (
          <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }} style={{ marginTop: 8 }}>
            <DefaultButton text={strings.SurveyForm.revise} iconProps={{ iconName: "Edit" }} onClick={() => setRevising(true)} />
            <Text>{strings.SurveyForm.openUntil}</Text>
          </Stack>
        ) : (
          <Text as="p" block style={{ marginTop: 8 }}>
            {strings.SurveyForm.closed}
          </Text>
        )}
      </section>
    );
  }
  return (
    <section id={anchorId} aria-label={title} style={{ border: "1px solid #d1d1d1", borderRadius: 4, padding: 12, marginBottom: 12 }}>
      <Text as="h4" variant="mediumPlus" style={{ display: "block", fontWeight: 600 }}>
        {title}
      </Text>
      {/* Paragraphs on lines of their own (Fluent's Text is inline unless block). */}
      <Text as="p" block>{strings.SurveyForm.intro}</Text>
      {agreement && (
        <>
          <Text as="p" block>
            {strings.SurveyForm.deadline}: <DateText date={agreement.surveyDeadline} />
          </Text>
          {(agreement.briefingDate || agreement.briefingPlace?.trim()) && (
            // The briefing (説明会) as the request and the to-do give it: its day, start time and place.
            <Text as="p" block>
              <BriefingLine date={agreement.briefingDate} time={agreement.briefingTime} place={agreement.briefingPlace?.trim() ?? ""} />
            </Text>
          )}
          {agreement.proposedContent && (
            <Text as="p" block style={{ whiteSpace: "pre-wrap" }}>
              {strings.SurveyForm.proposed}: {agreement.proposedContent}
            </Text>
          )}
        </>
      )}
      {/* A refusal or failure takes focus, as a result does (the button pressed is busy meanwhile). */}
      <FocusedResult focus={failures > 0} focusKey={failures}>
        {isRuleError(error) && error.problems.some((p) => p.code === "surveyClosed") ? (
          <Notice kind="warning" role="alert">
            {strings.SurveyForm.closed}
          </Notice>
        ) : (
          <ErrorBar error={error} reloadLabel={isConflict(error) ? common.Conflict.reloadKeep : undefined} onReload={isConflict(error) ? () => void reloadKeep() : undefined} />
        )}
      </FocusedResult>
      {tried && unchosen.length > 0 && <Notice kind="warning" role="alert">{strings.SurveyForm.chooseAll}</Notice>}
      <ConflictNotice changed={changed} />
      <Stack tokens={{ childrenGap: 10 }}>
        {rows.map((r) => {
          const a = answers.get(r.id)!;
          return (
            <fieldset key={r.id} style={{ border: "none", borderTop: "1px solid #e1dfdd", padding: "8px 0 0", margin: 0 }}>
              <legend style={{ fontWeight: 600 }}>{r.partnershipItem?.title}</legend>
              {/* A choice to make, never a tick whose absence silently means なし. */}
              <ChoiceGroup
                id={`pd-survey-${r.id}-feasible`}
                label={strings.SurveyForm.question}
                required
                selectedKey={a.feasible === null ? null : a.feasible ? "yes" : "no"}
                options={[
                  { key: "yes", text: strings.SurveyForm.yes },
                  { key: "no", text: strings.SurveyForm.no },
                ]}
                onChange={(_, o) => o && set(r.id, { feasible: o.key === "yes" })}
                styles={{ flexContainer: { display: "flex", flexWrap: "wrap", columnGap: "16px" } }}
              />
              {tried && a.feasible === null && (
                <Text as="p" block role="alert" style={{ color: "#a4262c", margin: "2px 0 0" }}>
                  {strings.SurveyForm.choose}
                </Text>
              )}
              <TextField label={strings.SurveyForm.ideas} multiline rows={2} value={a.projectIdeas} onChange={(_, v) => set(r.id, { projectIdeas: v ?? "" })} />
              <TextField label={strings.SurveyForm.comment} value={a.comment} onChange={(_, v) => set(r.id, { comment: v ?? "" })} />
            </fieldset>
          );
        })}
      </Stack>
      <Stack horizontal wrap tokens={{ childrenGap: 8 }} style={{ marginTop: 8 }}>
        <PrimaryButton text={answeredBefore ? strings.SurveyForm.resubmit : strings.SurveyForm.submit} onClick={() => void submit()} disabled={busy} />
        {answeredBefore && (
          <DefaultButton
            text={strings.SurveyForm.cancelRevise}
            onClick={() => {
              setRevising(false);
              setTried(false);
              setAnswers(new Map(rows.map((r) => [r.id, startingAnswer(r)])));
            }}
          />
        )}
      </Stack>
    </section>
  );
}
