import * as React from "react";
import { DefaultButton, Dropdown, IconButton, MessageBar, MessageBarType, PrimaryButton, Spinner, Stack, Text, TextField } from "@fluentui/react";
import * as strings from "AgreementsWebPartStrings";
import * as common from "CommonStrings";
import { ErrorBar } from "../../../components/ErrorBar/ErrorBar";
import { fmt } from "../../../components/format";
import { useAction } from "../../../components/hooks/useAction";
import { useLoad } from "../../../components/hooks/useLoad";
import { frameStyles } from "../../../components/AppFrame/AppFrame.styles";
import type { TermsService } from "../../../data/services/TermsService";
import type { Criterion, CriterionKind } from "../../../domain/screening";
import type { SiteRules } from "../../../domain/siteRules";
import { TermsEditor } from "./TermsSection";
import { fieldError, generalErrors } from "./problems";

const S = strings.Settings;

/** The site's rules: default terms for new agreements, the decision buffer, the calendar window, the intake criteria. */
export function SettingsView({ service, canEdit, onSaved }: { service: TermsService; canEdit: boolean; onSaved: () => void }): JSX.Element {
  const load = useLoad(() => service.siteRules(), [service]);
  const [draft, setDraft] = React.useState<SiteRules | null>(null);
  const [saved, setSaved] = React.useState(false);
  const action = useAction();
  React.useEffect(() => {
    if (load.data) setDraft(load.data.rules);
  }, [load.data]);
  if (!draft || !load.data) return load.loading ? <Spinner label={common.Loading} /> : <ErrorBar error={load.error} onReload={load.reload} />;
  const set = (patch: Partial<SiteRules>): void => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const setCriterion = (i: number, c: Partial<Criterion>): void => set({ criteria: draft.criteria.map((x, k) => (k === i ? { ...x, ...c } : x)) });
  const num = (v: string | undefined): number => (v ?? "").trim() === "" ? NaN : Number((v ?? "").normalize("NFKC"));
  const save = async (): Promise<void> => {
    if (await action.run(() => service.saveSiteRules(draft, load.data!.settings))) {
      setSaved(true);
      load.reload();
      onSaved();
    }
  };
  return (
    <Stack tokens={{ childrenGap: 10 }} style={{ maxWidth: 760 }}>
      <Text as="h3" className={frameStyles.sectionTitle}>{S.heading}</Text>
      {!canEdit && <MessageBar>{S.readOnly}</MessageBar>}
      <Text>{S.intro}</Text>
      <ErrorBar error={action.error} onReload={load.reload} />
      {saved && <MessageBar messageBarType={MessageBarType.success}>{S.saved}</MessageBar>}
      {generalErrors(action.problems, ["initialTermMonths", "renewalMonths", "noticeMonths", "reviewCycleYears", "decisionBufferDays", "reviewWindowDays", "criteria"]).map((m) => (
        <MessageBar key={m} messageBarType={MessageBarType.error}>{m}</MessageBar>
      ))}
      <fieldset disabled={!canEdit} style={{ border: "none", padding: 0, margin: 0 }}>
        <TermsEditor value={draft.terms} onChange={(terms) => set({ terms: { ...terms, initialTermEnd: null } })} start={null} problems={action.problems} />
        <Stack horizontal wrap tokens={{ childrenGap: 16 }}>
          <TextField label={S.buffer} type="number" min={0} value={Number.isNaN(draft.decisionBufferDays) ? "" : String(draft.decisionBufferDays)} onChange={(_, v) => set({ decisionBufferDays: num(v) })} errorMessage={fieldError(action.problems, "decisionBufferDays")} />
          <TextField label={S.window} type="number" min={1} value={Number.isNaN(draft.reviewWindowDays) ? "" : String(draft.reviewWindowDays)} onChange={(_, v) => set({ reviewWindowDays: num(v) })} errorMessage={fieldError(action.problems, "reviewWindowDays")} />
        </Stack>
        <Text as="h4" style={{ display: "block", fontWeight: 600, margin: "12px 0 4px" }}>{S.criteria}</Text>
        {fieldError(action.problems, "criteria") && <div role="alert" style={{ color: "#a4262c" }}>{fieldError(action.problems, "criteria")}</div>}
        {draft.criteria.map((c, i) => (
          <Stack key={c.id} horizontal verticalAlign="end" tokens={{ childrenGap: 8 }} style={{ marginBottom: 4 }}>
            <Dropdown label={S.kindLabel} selectedKey={c.kind} options={(["requirement", "exclusion"] as CriterionKind[]).map((k) => ({ key: k, text: S[k] }))} onChange={(_, o) => o && setCriterion(i, { kind: o.key as CriterionKind })} styles={{ root: { width: 110 } }} />
            <TextField label={fmt(S.criterionText, i + 1)} value={c.text} onChange={(_, v) => setCriterion(i, { text: v ?? "" })} styles={{ root: { flexGrow: 1 } }} />
            <IconButton iconProps={{ iconName: "Delete" }} ariaLabel={fmt(S.removeCriterion, c.text || String(i + 1))} title={fmt(S.removeCriterion, c.text)} onClick={() => set({ criteria: draft.criteria.filter((_, k) => k !== i) })} />
          </Stack>
        ))}
        <DefaultButton text={S.addCriterion} iconProps={{ iconName: "Add" }} onClick={() => set({ criteria: [...draft.criteria, { id: `c${Date.now().toString(36)}`, kind: "requirement", text: "" }] })} />
      </fieldset>
      {canEdit && (
        <div>
          <PrimaryButton text={S.save} onClick={() => void save()} disabled={action.busy} />
        </div>
      )}
    </Stack>
  );
}
