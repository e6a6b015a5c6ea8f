import * as React from "react";
import { ChoiceGroup, MessageBar, MessageBarType, PrimaryButton, Stack, Text, TextField } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import { formatDateBoth } from "../../../domain/calendar";
import { Criterion, parseScreening, Screening, ScreeningAnswer, summarizeScreening } from "../../../domain/screening";
import { summarizeSurvey } from "../../../domain/survey";
import type { Department } from "../../../domain/types";
import type { AgreementStory } from "../../../data/services/AgreementService";
import type { TermsService } from "../../../data/services/TermsService";

const S = strings.Screening;

/** The intake checklist: requirements (met?) and exclusions (applies?), with a note. */
export function ScreeningSection({ story, criteria, canEdit, service, onChanged }: { story: AgreementStory; criteria: Criterion[]; canEdit: boolean; service: TermsService; onChanged: () => void }): JSX.Element {
  const saved = parseScreening(story.agreement.screening);
  const [draft, setDraft] = React.useState<Screening>(saved);
  const [done, setDone] = React.useState(false);
  const action = useAction();
  const sum = summarizeScreening(criteria, draft);
  const editable = canEdit && (story.agreement.status === "approached" || story.agreement.status === "preparing" || story.agreement.status === "surveying");
  const save = async (): Promise<void> => {
    setDone(false);
    if (await action.run(async () => void (await service.saveScreening(story.agreement, draft)))) {
      setDone(true);
      onChanged();
    }
  };
  const group = (kind: Criterion["kind"], title: string): JSX.Element => (
    <fieldset style={{ border: "1px solid #d1d1d1", padding: "4px 10px 8px", margin: "0 0 8px" }}>
      <legend style={{ fontWeight: 600 }}>{title}</legend>
      {criteria.filter((c) => c.kind === kind).map((c) => (
        <ChoiceGroup
          key={c.id}
          label={c.text}
          disabled={!editable}
          selectedKey={draft.answers[c.id] ?? null}
          styles={{ flexContainer: { display: "flex", gap: 16 } }}
          options={[{ key: "yes", text: S.yes }, { key: "no", text: S.no }]}
          onChange={(_, o) => o && setDraft((d) => ({ ...d, answers: { ...d.answers, [c.id]: o.key as ScreeningAnswer } }))}
        />
      ))}
    </fieldset>
  );
  return (
    <Stack tokens={{ childrenGap: 6 }}>
      <ErrorBar error={action.error} onReload={onChanged} />
      {done && <MessageBar messageBarType={MessageBarType.success}>{S.saved}</MessageBar>}
      <Text>
        {fmt(S.summary, sum.met.length, sum.unmet.length, sum.unanswered.length)}
        {"　"}
        {saved.checkedOn ? fmt(S.checkedBy, saved.checkedBy, formatDateBoth(saved.checkedOn)) : S.notChecked}
      </Text>
      {group("requirement", S.requirements)}
      {group("exclusion", S.exclusions)}
      <TextField label={S.note} multiline rows={2} readOnly={!editable} value={draft.note} onChange={(_, v) => setDraft((d) => ({ ...d, note: v ?? "" }))} />
      {editable && (
        <div>
          <PrimaryButton text={S.save} onClick={() => void save()} disabled={action.busy} />
        </div>
      )}
    </Stack>
  );
}

/** Beside the decision: the checklist's outcome and the survey's, so both are in view when deciding. */
export function DecisionAside({ story, criteria, departments, today }: { story: AgreementStory; criteria: Criterion[]; departments: Department[]; today: string }): JSX.Element {
  const sum = summarizeScreening(criteria, parseScreening(story.agreement.screening));
  const survey = story.survey.length ? summarizeSurvey(story.survey, story.items, departments, story.agreement.surveyDeadline, today) : null;
  return (
    <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 12, background: "#faf9f8", padding: 8, marginBottom: 8 }}>
      <section aria-label={S.heading}>
        <Text as="h4" style={{ fontWeight: 600, display: "block" }}>{S.heading}</Text>
        <Text variant="small" style={{ display: "block" }}>{fmt(S.summary, sum.met.length, sum.unmet.length, sum.unanswered.length)}</Text>
        {sum.unmet.length > 0 && (
          <>
            <Text variant="small" style={{ display: "block", fontWeight: 600, color: "#a4262c" }}>{S.unmet}</Text>
            <ul style={{ margin: 0, paddingLeft: 16, fontSize: 12 }}>{sum.unmet.map((c) => <li key={c.id}>{c.text}</li>)}</ul>
          </>
        )}
      </section>
      <section aria-label={S.surveySummary}>
        <Text as="h4" style={{ fontWeight: 600, display: "block" }}>{S.surveySummary}</Text>
        {survey ? (
          <>
            <Text variant="small" style={{ display: "block" }}>{fmt(S.answeredOf, survey.answeredCount, survey.total)}</Text>
            <Text variant="small" style={{ display: "block" }}>{fmt(S.feasibleItems, survey.items.filter((i) => i.feasible > 0).length, survey.items.length)}</Text>
          </>
        ) : (
          <Text variant="small">{strings.Detail.surveyNotStarted}</Text>
        )}
      </section>
    </div>
  );
}
